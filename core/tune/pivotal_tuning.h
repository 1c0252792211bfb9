#pragma once
// Pivotal tuning (Roich et al., 2021): keep an inverted code as the pivot and fine-tune the generator's weights so
// that, at the pivot, it reproduces the photo; latent edits then apply around the pivot and keep the person.
// Recipe: Adam (lr 3e-4) over the synthesis weights, one image per forward, loss λ_l2·MSE + λ_lpips·LPIPS between the
// full-size image at the pivot (constant noise) and the aligned photo, at most 350 steps, stopping once LPIPS ≤ 0.06.
// The optional locality regulariser renders a code `locality_distance` units from the pivot towards a sampled w with
// both the tuned and the original generator and adds 0.1·(MSE + LPIPS) between them, so the change stays local.
//
// Gradients come from the fast path's hand-written backward (nn::SynthesisOptions::fast_gradients), which also
// gives the weights'. The base generator is never changed: tuning works on a copy, returned with the result.
// Built to run as a background job: progress callback, cancellation flag (the best weights so far are kept),
// and a resumable state.
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <torch/types.h>

#include "core/embed/perceptual_loss.h"
#include "core/nn/stylegan2/generator.h"

namespace facet::tune {

struct TuneTarget {
  torch::Tensor image;  // [1, 3, S, S] in [-1, 1], S the generator's size
  torch::Tensor pivot;  // W+ [1, n_latent, style_dim]
};

struct TuneOptions {
  int steps = 350;
  double lr = 3e-4;
  double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
  double lambda_l2 = 1.0, lambda_lpips = 1.0;  // λ_lpips applies when the perceptual loss is LPIPS (or VGG)
  double lpips_stop = 0.06;  // stop once every target's LPIPS is at most this; ≤ 0 or no LPIPS: never
  bool locality = false;
  double locality_distance = 30.0;
  double lambda_locality_l2 = 0.1, lambda_locality_lpips = 0.1;
  // Tune only the layers of these resolutions (4, 8, …, size; the constant input counts as 4); empty: all.
  std::vector<int64_t> resolutions;
  uint64_t seed = 0;           // the locality regulariser's samples
  int64_t feature_size = 256;  // images larger than this are average-pooled to it for the perceptual loss
  bool keep_best = true;       // return the weights with the lowest loss seen (the base's included), not the last
};

struct TuneProgress {
  int step = 0;  // 1-based: the step just measured (its loss is at the weights before its update)
  int steps = 0;
  double loss = 0, l2 = 0, lpips = -1, locality = 0;  // lpips < 0: not measured (pixel loss alone)
  double best_loss = 0;
};

// Everything needed to go on where a run stopped: the tuned tensors, Adam's moments, the best weights so far.
struct TuneState {
  int step = 0;  // steps taken
  std::map<std::string, torch::Tensor> weights, exp_avg, exp_avg_sq, best;
  double best_loss = -1;  // < 0: none measured yet
  int best_step = -1;
  std::string base_sha256;
};
void save_state(const std::string& path, const TuneState& state);  // atomic
TuneState load_state(const std::string& path);

struct TuneResult {
  std::shared_ptr<nn::StyleGan2> generator;  // the tuned copy (best weights with keep_best)
  int steps_done = 0;                        // this run's and any resumed run's together
  bool cancelled = false, converged = false;  // converged: the LPIPS stop was reached
  int best_step = -1;
  double l2 = 0, lpips = -1, loss = 0;  // measured at the returned weights (mean over targets)
  double start_l2 = 0, start_lpips = -1;  // at the base generator (the pivot alone), when measured in this run
  double ms_per_step = 0;
  TuneState state;
};

using TuneCallback = std::function<void(const TuneProgress&)>;

// "the layers of which resolution" a generator parameter belongs to: 4 for the input, conv1 and to_rgb1, then 8, 16…;
// 0 for the mapping network's (never tuned: the pivot is a W+ code).
int64_t parameter_resolution(const std::string& name);

class PivotalTuner {
 public:
  // perceptual: LPIPS (the recipe's), or None for the pixel loss alone.
  PivotalTuner(std::shared_ptr<nn::StyleGan2> base, embed::PerceptualLoss perceptual = {});

  TuneResult tune(const std::vector<TuneTarget>& targets, const TuneOptions& options,
                  const TuneCallback& progress = {}, const std::atomic<bool>* cancel = nullptr,
                  const TuneState* resume = nullptr) const;

  const embed::PerceptualLoss& perceptual() const { return perceptual_; }

 private:
  std::shared_ptr<nn::StyleGan2> base_;
  embed::PerceptualLoss perceptual_;
};

}  // namespace facet::tune
