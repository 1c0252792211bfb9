#include "core/edit/text_optimisation.h"

#include <algorithm>
#include <cmath>

#include <torch/optim/adam.h>

#include "core/io/error.h"
#include "core/io/log.h"

namespace facet::edit {

double styleclip_lr(double t, double initial_lr, double rampdown, double rampup) {
  double ramp = std::min(1.0, (1.0 - t) / rampdown);
  ramp = 0.5 - 0.5 * std::cos(ramp * M_PI);
  ramp *= std::min(1.0, t / rampup);
  return initial_lr * ramp;
}

TextOptimisationResult optimise_text_edit(const nn::StyleGan2& generator, const ClipGuide& clip,
                                          const std::string& prompt, const torch::Tensor& w_start,
                                          const TextOptimisationOptions& o, const IdentityLoss* identity,
                                          const TextProgressFn& progress, const std::atomic<bool>* cancel) {
  const torch::Tensor w0 = (w_start.dim() == 2 ? w_start.unsqueeze(0) : w_start)
                               .to(generator.device(), torch::kFloat32).detach();
  if (w0.dim() != 3 || w0.size(0) != 1 || w0.size(1) != generator.n_latent() || w0.size(2) != generator.style_dim())
    throw Error("text optimisation starts from one W+ code [1, " + std::to_string(generator.n_latent()) + ", " +
                std::to_string(generator.style_dim()) + "], got " + c10::str(w_start.sizes()));
  if (o.steps <= 0 || o.lr <= 0) throw Error("text optimisation needs steps > 0 and lr > 0");
  auto& g = const_cast<nn::StyleGan2&>(generator);  // parameters frozen for the job, restored after
  FrozenParameters frozen(g.module());
  nn::SynthesisOptions synth;
  synth.fast = false;
  synth.fast_gradients = true;  // the generator is frozen: the fast path's hand-written backward
  synth.noise = nn::NoiseMode::Const;
  synth.output_size = o.output_size;

  const torch::Tensor text = clip.text_features({prompt});
  TextOptimisationResult result;
  torch::Tensor id_reference;
  {
    torch::NoGradGuard no_grad;
    const auto image0 = generator.synthesis(w0, synth);
    result.clip_start = clip.distance(image0, text).mean().item<double>();
    if (identity) id_reference = identity->features(image0);
  }
  result.identity_used = identity != nullptr && o.id_lambda > 0;
  if (!identity && o.id_lambda > 0)
    log::get("edit")->warn("no identity model given: the λ_ID = {} term of the text optimisation is skipped", o.id_lambda);

  torch::Tensor w = w0.clone().requires_grad_(true);
  torch::optim::Adam adam({w}, torch::optim::AdamOptions(o.lr));
  for (int i = 0; i < o.steps; ++i) {
    const double lr = styleclip_lr(static_cast<double>(i) / o.steps, o.lr, o.lr_rampdown, o.lr_rampup);
    static_cast<torch::optim::AdamOptions&>(adam.param_groups()[0].options()).lr(lr);
    const auto image = generator.synthesis(w, synth);
    const auto c_loss = clip.distance(image, text).mean();
    auto loss = c_loss + o.l2_lambda * (w0 - w).pow(2).sum();
    if (result.identity_used) loss = loss + o.id_lambda * (*identity)(image, id_reference);
    adam.zero_grad();
    loss.backward();
    adam.step();
    result.steps_done = i + 1;
    TextJobProgress p{i + 1, o.steps, loss.item<double>(), c_loss.item<double>()};
    if (text_job_should_stop(cancel, progress, p)) {
      result.cancelled = i + 1 < o.steps;
      break;
    }
  }
  result.wplus = w.detach();
  {
    torch::NoGradGuard no_grad;
    result.clip_end = clip.distance(generator.synthesis(result.wplus, synth), text).mean().item<double>();
  }
  result.direction.prompt = prompt;
  result.direction.method = "optimisation";
  result.direction.kind = TextDirectionKind::Latent;
  result.direction.delta = (result.wplus - w0).squeeze(0).cpu();
  return result;
}

}  // namespace facet::edit
