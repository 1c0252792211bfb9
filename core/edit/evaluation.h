#pragma once
// The Latent Transformer paper's quantitative protocol, measured with the latent classifier C: for each code the
// edit goes against its current prediction (α ≤ 0 when p_k > 0.5, else α ≥ 0, as the authors' evaluation.py), over
// n_steps magnitudes evenly spaced from 0 to `scale` (11 steps, 0…2); layers outside the mask keep their input
// values (the authors keep 11+). At each step:
//   target change rate      = share of codes whose thresholded (p > 0.5) target attribute differs from step 0;
//   attribute preservation  = share of (code, other attribute) pairs whose thresholded prediction is unchanged.
// The paper reads the attributes off the generated images with an image classifier; here the latent classifier
// reads them off the edited codes, so the figures compare editors on the same footing but are not the paper's.
#include <functional>
#include <vector>

#include <torch/torch.h>

#include "core/nn/latent/latent_classifier.h"

namespace facet::edit {

// (W+ [N, n_latent, dim], α [N]) → edited W+, before the layer mask.
using EditFn = std::function<torch::Tensor(const torch::Tensor& wplus, const torch::Tensor& alpha)>;
// W+ codes [B, n_latent, dim] → identity features of their rendered faces [B, F], unit length (the paper: a face
// recognition network on the generated images; cosine similarity).
using IdentityFn = std::function<torch::Tensor(const torch::Tensor& wplus)>;

struct EvaluationOptions {
  int64_t n_steps = 11;
  double scale = 2.0;
  std::vector<bool> edited_layers;  // empty: default_layers (0–10)
  int64_t batch = 256;
  IdentityFn identity;            // unset: identity preservation is not measured
  int64_t identity_samples = 32;  // the first codes whose faces are rendered at every step (rendering is slow)
  // Position of latents[0] among all codes when `latents` is one shard's slice: identity_samples counts from the
  // first of all codes, so only the shard holding them renders faces.
  int64_t offset = 0;
};

// What the rates are made of, per α step: sums and counts that shards add up exactly (integers; the identity
// sums kept per classifier batch, in order, so joining them repeats the one-process additions).
struct EvaluationCounts {
  int64_t samples = 0;           // codes
  int64_t attributes = 0;        // classifier outputs (0 when no code was seen)
  int64_t identity_samples = 0;  // codes whose faces were compared
  std::vector<int64_t> changed;  // per step: codes whose target attribute flipped
  std::vector<int64_t> kept;     // per step: (code, other attribute) pairs unchanged
  std::vector<std::vector<double>> identity;  // per batch with rendered faces, per step: summed cosine similarity
};

struct EvaluationCurve {
  std::vector<double> alpha;               // |α| per step, 0 … scale
  std::vector<double> target_change_rate;  // per step
  std::vector<double> preservation_rate;   // per step
  std::vector<double> identity;            // per step: mean cosine similarity, edited vs unedited face; empty
                                           // when not measured
  int64_t identity_samples = 0;
  int64_t samples = 0;
};

EvaluationCounts count_edit(nn::LatentClassifier& classifier, const torch::Tensor& latents, int attribute,
                            const EditFn& edit, const EvaluationOptions& options = {});
// Counts of consecutive slices (in their order) as one count over all their codes.
EvaluationCounts join_counts(const std::vector<EvaluationCounts>& parts);
EvaluationCurve curve_from_counts(const EvaluationCounts& counts, const EvaluationOptions& options = {});
// count_edit then curve_from_counts.
EvaluationCurve evaluate_edit(nn::LatentClassifier& classifier, const torch::Tensor& latents, int attribute,
                              const EditFn& edit, const EvaluationOptions& options = {});

}  // namespace facet::edit
