#pragma once
// StyleCLIP latent optimisation (orpatashnik/StyleCLIP optimization/run_optimization.py, "edit" mode):
//   argmin_w  D_CLIP(G(w), t) + λ_L2·‖w − w_s‖² + λ_ID·(1 − ⟨R(G(w_s)), R(G(w))⟩)
// with Adam on W+, the learning rate ramped up over the first 5% of steps and cosine-ramped down over the last
// 25%, the generator's constant noise (randomize_noise=False) and its plain differentiable synthesis. The result
// becomes a slider: Δ = w_opt − w_s, applied as w_s + α·Δ.
#include <atomic>
#include <memory>
#include <string>

#include <torch/types.h>

#include "core/edit/clip_guidance.h"
#include "core/edit/text_direction.h"
#include "core/edit/text_progress.h"
#include "core/nn/stylegan2/generator.h"

namespace facet::edit {

struct TextOptimisationOptions {
  double lr = 0.1;            // --lr
  int steps = 300;            // --step
  double lr_rampup = 0.05;    // --lr_rampup
  double lr_rampdown = 0.25;  // get_lr's rampdown
  double l2_lambda = 0.008;   // --l2_lambda
  double id_lambda = 0.0;     // --id_lambda (the release's default; the paper uses ≈0.005 for faces)
  int64_t output_size = 0;    // 0: the generator's full size; smaller: a skip-RGB preview (faster, rougher)
};

// The release's learning-rate schedule at t = step / steps.
double styleclip_lr(double t, double initial_lr, double rampdown = 0.25, double rampup = 0.05);

struct TextOptimisationResult {
  torch::Tensor wplus;          // w_opt [1, n_latent, dim]
  TextDirection direction;      // Latent kind: w_opt − w_s
  double clip_start = 0, clip_end = 0;  // D_CLIP before and after
  int steps_done = 0;
  bool cancelled = false;
  bool identity_used = false;   // false when no identity model was given (λ_ID term skipped)
};

// w_start: [1, n_latent, dim] (or [n_latent, dim]). identity may be null: the λ_ID term is then skipped (and
// the result says so). Throws facet::Error on bad shapes. On cancel, returns what it has (cancelled = true).
TextOptimisationResult optimise_text_edit(const nn::StyleGan2& generator, const ClipGuide& clip,
                                          const std::string& prompt, const torch::Tensor& w_start,
                                          const TextOptimisationOptions& options = {},
                                          const IdentityLoss* identity = nullptr,
                                          const TextProgressFn& progress = {},
                                          const std::atomic<bool>* cancel = nullptr);

}  // namespace facet::edit
