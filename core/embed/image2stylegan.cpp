#include "core/embed/image2stylegan.h"

#include <chrono>
#include <cmath>
#include <limits>

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include "core/io/error.h"
#include "core/io/log.h"

namespace facet::embed {

namespace {

std::string shape_of(const torch::Tensor& t) {
  std::string s = "[";
  for (int64_t i = 0; i < t.dim(); ++i) s += (i ? "," : "") + std::to_string(t.size(i));
  return s + "]";
}

// Average-pools images down to `size` when larger (the perceptual loss is computed at 256², common practice).
torch::Tensor for_features(const torch::Tensor& images, int64_t size) {
  if (size <= 0 || images.size(-1) <= size) return images;
  return torch::adaptive_avg_pool2d(images, {size, size});
}

// Borrows the generator's const-noise buffers as optimisation variables and restores them on exit; also turns
// off gradients for its weights for the duration (they are never optimised).
class GeneratorGuard {
 public:
  GeneratorGuard(nn::StyleGan2& g, bool borrow_noise) {
    for (auto& p : g.module().parameters()) {
      params_.push_back({p, p.requires_grad()});
      p.requires_grad_(false);
    }
    if (!borrow_noise) return;
    for (const auto& b : g.module().named_buffers())
      if (b.key().rfind("noises.", 0) == 0) {
        noises_.push_back(b.value());
        saved_.push_back(b.value().detach().clone());
      }
  }
  ~GeneratorGuard() {
    torch::NoGradGuard no_grad;
    for (size_t i = 0; i < noises_.size(); ++i) {
      noises_[i].requires_grad_(false);
      noises_[i].copy_(saved_[i]);
    }
    for (auto& [p, flag] : params_) p.requires_grad_(flag);
  }
  GeneratorGuard(const GeneratorGuard&) = delete;
  GeneratorGuard& operator=(const GeneratorGuard&) = delete;
  std::vector<torch::Tensor>& noises() { return noises_; }

 private:
  std::vector<std::pair<torch::Tensor, bool>> params_;
  std::vector<torch::Tensor> noises_, saved_;
};

void normalise_noises(std::vector<torch::Tensor>& noises) {
  torch::NoGradGuard no_grad;
  for (auto& n : noises) {
    n.sub_(n.mean());
    n.mul_(n.pow(2).mean().rsqrt());
  }
}

}  // namespace

double psnr(const torch::Tensor& a, const torch::Tensor& b) {
  torch::NoGradGuard no_grad;
  const double mse = ((a.clamp(-1, 1) - b.clamp(-1, 1)) * 0.5).pow(2).mean().item<double>();
  return mse <= 1e-20 ? 200.0 : 10.0 * std::log10(1.0 / mse);
}

torch::Tensor noise_regularisation(const std::vector<torch::Tensor>& noises) {
  torch::Tensor reg;
  for (const auto& map : noises) {
    torch::Tensor n = map;
    while (true) {
      const auto term = (n * torch::roll(n, 1, 3)).mean().pow(2) + (n * torch::roll(n, 1, 2)).mean().pow(2);
      reg = reg.defined() ? reg + term : term;
      if (n.size(2) <= 8) break;
      n = torch::avg_pool2d(n, 2);
    }
  }
  return reg.defined() ? reg : torch::zeros({});
}

Image2StyleGan::Image2StyleGan(std::shared_ptr<nn::StyleGan2> generator, PerceptualLoss perceptual)
    : generator_(std::move(generator)), perceptual_(std::move(perceptual)) {
  if (!generator_) throw Error("Image2StyleGAN needs a generator");
}

EmbedResult Image2StyleGan::embed(const torch::Tensor& target_in, const EmbedOptions& options,
                                  const EmbedCallback& progress, const std::atomic<bool>* cancel) const {
  auto& g = *generator_;
  const int64_t size = options.output_size ? options.output_size : g.size();
  if (!target_in.defined() || target_in.dim() != 4 || target_in.size(0) != 1 || target_in.size(1) != 3 ||
      target_in.size(2) != size || target_in.size(3) != size)
    throw Error("embed: the target must be one RGB image of the generator's (or output) size [1,3," + std::to_string(size) + "," +
                std::to_string(size) + "], got " + (target_in.defined() ? shape_of(target_in) : "nothing"));
  if (options.steps < 0) throw Error("embed: steps must be ≥ 0");
  if (!(options.lr > 0)) throw Error("embed: the learning rate must be positive");
  const auto device = g.device();
  // Contiguous NCHW: a channels-last target would make the loss gradient, and so every backward conv, channels-last.
  const auto target = target_in.detach().to(device, torch::kFloat32).contiguous();
  if (!torch::isfinite(target).all().item<bool>()) throw Error("embed: the target holds NaN or infinite values");

  torch::Tensor start;
  if (options.start.defined()) {
    start = options.start.detach().to(device, torch::kFloat32);
    if (start.dim() == 2) start = start.unsqueeze(0);
    if (start.dim() != 3 || start.size(0) != 1 || start.size(1) != g.n_latent() || start.size(2) != g.style_dim())
      throw Error("embed: the start code must be W+ [1," + std::to_string(g.n_latent()) + "," +
                  std::to_string(g.style_dim()) + "], got " + shape_of(options.start));
  } else {
    start = g.latent_avg().detach().to(device, torch::kFloat32).view({1, 1, -1}).repeat({1, g.n_latent(), 1});
  }
  auto wplus = start.clone().requires_grad_(true);

  GeneratorGuard guard(g, options.optimise_noise);
  auto& noises = guard.noises();
  std::vector<torch::Tensor> params = {wplus};
  if (options.optimise_noise) {
    auto gen = at::detail::createCPUGenerator(options.seed);
    torch::NoGradGuard no_grad;
    for (auto& n : noises) n.copy_(torch::randn(n.sizes(), gen, torch::kFloat32).to(n.device()));
    for (auto& n : noises) {
      n.requires_grad_(true);
      params.push_back(n);
    }
  }
  torch::manual_seed(options.seed);
  torch::optim::Adam adam(params, torch::optim::AdamOptions(options.lr)
                                      .betas(std::make_tuple(options.beta1, options.beta2))
                                      .eps(options.eps));

  const bool use_perceptual = perceptual_.kind() != PerceptualKind::None && options.lambda_perceptual != 0;
  const auto target_features =
      use_perceptual ? perceptual_.target_features(for_features(target, options.feature_size)) : std::vector<torch::Tensor>{};
  nn::SynthesisOptions synth;
  synth.fast = false;
  synth.fast_gradients = options.fast_gradients;
  synth.noise = nn::NoiseMode::Const;
  synth.output_size = options.output_size;

  // Gradients of a well-fitted code reach denormal floats, which run orders of magnitude slower on x86; flush
  // them to zero for the loop (the values are far below anything the optimisation can resolve). ATen cannot
  // report the previous setting; Facet leaves it off elsewhere, so off is restored.
  at::globalContext().setFlushDenormal(true);
  struct FlushRestore {
    ~FlushRestore() { at::globalContext().setFlushDenormal(false); }
  } flush_restore;

  EmbedResult result;
  torch::Tensor best;  // keep_best: the code with the lowest loss so far, and that loss
  double best_loss = std::numeric_limits<double>::infinity();
  const auto t0 = std::chrono::steady_clock::now();
  for (int step = 0; step < options.steps; ++step) {
    if (cancel && cancel->load()) {
      result.cancelled = true;
      break;
    }
    adam.zero_grad();
    const auto image = g.synthesis(wplus, synth);
    const auto mse = (image - target).pow(2).mean();
    auto loss = options.lambda_mse * mse;
    torch::Tensor perc, reg;
    if (use_perceptual) {
      perc = perceptual_.loss(for_features(image, options.feature_size), target_features);
      loss = loss + options.lambda_perceptual * perc;
    }
    if (options.optimise_noise && options.lambda_noise != 0) {
      reg = noise_regularisation(noises);
      loss = loss + options.lambda_noise * reg;
    }
    if (options.keep_best) {
      const double value = loss.item<double>();  // the loss of `wplus` before this step's update
      if (value < best_loss) {
        best_loss = value;
        best = wplus.detach().clone();
        result.best_step = step;
      }
    }
    loss.backward();
    adam.step();
    if (options.optimise_noise) normalise_noises(noises);
    result.steps_done = step + 1;
    if (progress) {
      EmbedProgress p;
      p.step = step + 1;
      p.steps = options.steps;
      p.loss = loss.item<double>();
      p.mse = mse.item<double>();
      p.perceptual = perc.defined() ? perc.item<double>() : 0.0;
      p.noise_reg = reg.defined() ? reg.item<double>() : 0.0;
      p.psnr = psnr(image, target);
      progress(p);
    }
  }
  const auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  result.ms_per_step = result.steps_done > 0 ? elapsed / result.steps_done : 0.0;

  torch::NoGradGuard no_grad;
  const auto loss_of = [&](const torch::Tensor& image) {
    double value = options.lambda_mse * (image - target).pow(2).mean().item<double>();
    if (use_perceptual)
      value += options.lambda_perceptual *
               perceptual_.loss(for_features(image, options.feature_size), target_features).item<double>();
    return value;
  };
  torch::Tensor final_w = wplus.detach();
  auto image = g.synthesis(final_w, synth);
  double final_loss = loss_of(image);
  // (The noise term is left out of this comparison: with optimise_noise the maps keep their last values.)
  if (options.keep_best && best.defined() && best_loss < final_loss && !options.optimise_noise) {
    final_w = best;
    image = g.synthesis(final_w, synth);
    final_loss = loss_of(image);
  } else if (options.keep_best) {
    result.best_step = result.steps_done;
  }
  result.final_loss = final_loss;
  result.final_psnr = psnr(image, target);
  result.image = image.to(torch::kCPU);
  result.wplus = final_w.to(torch::kCPU);
  if (options.optimise_noise)
    for (const auto& n : noises) result.noises.push_back(n.detach().to(torch::kCPU).clone());
  log::get("embed")->info("embedded in {} steps ({:.1f} ms/step): PSNR {:.2f} dB{}", result.steps_done,
                          result.ms_per_step, result.final_psnr, result.cancelled ? " (cancelled)" : "");
  return result;
}

}  // namespace facet::embed
