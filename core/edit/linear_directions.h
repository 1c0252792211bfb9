#pragma once
// Linear attribute directions (InterFaceGAN style): per attribute a hyperplane n·w + b = 0 fitted on (W+, label)
// pairs, kept as its unit normal n and offset b. It is the baseline the Latent Transformer is compared with, and
// the editor's fallback for attributes without a transformer: w' = w + α·s·n, where s is the spread (standard
// deviation) of the training codes along n, so α = 1 moves a code by one typical distance whatever the code size.
//
// Choice: one hyperplane on the flattened W+ of the edited layers (default 0–10, the layers the editor changes);
// the normal is zero on the other layers, so an edit with the default mask moves exactly along n. The fit is a
// class-balanced, L2-regularised logistic regression (L-BFGS on standardised codes) on all samples; InterFaceGAN's
// linear SVM on the most confident samples needs graded scores, which binary labels do not give.
//
// File (torch.save zip, written by core/io): {"format": "facet-linear-directions", "version": 1,
//   "attributes": [40 CelebA ids], "directions": float32 [40, n_latent, dim] (unit normals, zero when not fitted),
//   "offsets": [40], "scales": [40], "accuracy": [40] (held-out accuracy, NaN when not fitted),
//   "fitted": bool [40], "layers": bool [n_latent]}.
#include <atomic>
#include <map>
#include <string>
#include <vector>

#include <torch/torch.h>

namespace facet::edit {

struct LinearDirection {
  torch::Tensor normal;  // [n_latent, dim], unit norm, zero on layers not fitted
  double offset = 0;     // n·w + offset > 0 ⇔ attribute present
  double scale = 1;      // std of n·w over the training codes: the step α = 1 takes
  double validation_accuracy = 0;
};

struct DirectionSet {
  std::map<int, LinearDirection> directions;  // by CelebA index
  int64_t n_latent = 0, dim = 0;
  std::vector<bool> layers;  // layers the hyperplanes were fitted on
};

struct DirectionFitOptions {
  std::vector<bool> layers;          // empty: layers 0–10 (default_layers)
  std::vector<int> attributes;       // empty: every label column
  double l2 = 1e-3;                  // on the standardised weights, per sample
  int64_t max_iterations = 200;      // L-BFGS
  double validation_fraction = 0.1;
  uint64_t seed = 0;
  const std::atomic<bool>* cancel = nullptr;
};

struct DirectionFitReport {
  std::map<int, double> validation_accuracy;  // per fitted attribute, on the held-out part
  std::vector<int> skipped;                   // attributes with one class only in the training part
  int64_t train_count = 0, validation_count = 0;
  bool cancelled = false;
};

// latents [N, n_latent, dim], labels [N, A] (≥ 0.5 counts as present). Throws facet::Error on bad data.
DirectionSet fit_directions(const torch::Tensor& latents, const torch::Tensor& labels,
                            const DirectionFitOptions& options, DirectionFitReport* report = nullptr);

// w + α·s·n; wplus [N, n_latent, dim], alpha a number or one per sample [N].
torch::Tensor apply_direction(const torch::Tensor& wplus, const LinearDirection& direction, const torch::Tensor& alpha);
// Signed distance n·w + offset per code [N].
torch::Tensor direction_score(const torch::Tensor& wplus, const LinearDirection& direction);

void save_directions(const std::string& path, const DirectionSet& set);
// Throws facet::Error naming the file for anything that is not a directions file of this layout.
DirectionSet load_directions(const std::string& path, torch::Device device = torch::kCPU);

}  // namespace facet::edit
