#include "core/edit/latent_mapper.h"

#include <cmath>

#include <torch/nn/functional/activation.h>
#include <torch/optim/adam.h>

#include "core/io/checkpoint.h"
#include "core/io/error.h"
#include "core/io/log.h"
#include "core/nn/state_dict.h"
#include "core/nn/network_guard.h"

namespace facet::edit {
namespace {

constexpr double kLrMul = 0.01;

// One EqualLinear(dim, dim, lr_mul 0.01) as a module holding "weight" [out, in] and "bias" [out].
std::shared_ptr<torch::nn::Module> equal_linear(int64_t dim) {
  auto m = std::make_shared<torch::nn::Module>();
  m->register_parameter("weight", torch::randn({dim, dim}) / kLrMul);
  m->register_parameter("bias", torch::zeros({dim}));
  return m;
}

// The release's Mapper: "mapping" = Sequential(PixelNorm, EqualLinear × 4) → keys mapping.1 … mapping.4.
std::shared_ptr<torch::nn::Module> make_mlp(int64_t dim) {
  auto mlp = std::make_shared<torch::nn::Module>();
  auto mapping = mlp->register_module("mapping", std::make_shared<torch::nn::Module>());
  for (int i = 1; i <= 4; ++i) mapping->register_module(std::to_string(i), equal_linear(dim));
  return mlp;
}

}  // namespace

LevelsMapperImpl::LevelsMapperImpl(int64_t dim, bool coarse, bool medium, bool fine) : dim_(dim) {
  if (coarse) coarse_ = register_module("course_mapping", make_mlp(dim));
  if (medium) medium_ = register_module("medium_mapping", make_mlp(dim));
  if (fine) fine_ = register_module("fine_mapping", make_mlp(dim));
}

torch::Tensor LevelsMapperImpl::group(const std::shared_ptr<torch::nn::Module>& mlp, const torch::Tensor& x) {
  if (!mlp) return torch::zeros_like(x);
  namespace F = torch::nn::functional;
  torch::Tensor y = x * torch::rsqrt(x.pow(2).mean(1, true) + 1e-8);  // PixelNorm over dim 1, as the release
  const double scale = kLrMul / std::sqrt(static_cast<double>(dim_));
  for (int i = 1; i <= 4; ++i) {
    const auto layer = mlp->named_children()["mapping"]->named_children()[std::to_string(i)];
    const auto params = layer->named_parameters(false);
    const torch::Tensor w = params["weight"], b = params["bias"];
    y = F::linear(y, w * scale);
    y = F::leaky_relu(y + b * kLrMul, F::LeakyReLUFuncOptions().negative_slope(0.2)) * std::sqrt(2.0);
  }
  return y;
}

torch::Tensor LevelsMapperImpl::forward(const torch::Tensor& w) {
  nn::check_network_thread("StyleCLIP latent mapper");
  if (w.dim() != 3 || w.size(2) != dim_ || w.size(1) <= 8)
    throw Error("the latent mapper expects W+ [N, layers > 8, " + std::to_string(dim_) + "], got " + c10::str(w.sizes()));
  return torch::cat({group(coarse_, w.slice(1, 0, 4)), group(medium_, w.slice(1, 4, 8)), group(fine_, w.slice(1, 8))}, 1);
}

LevelsMapper load_latent_mapper(const std::string& path, const torch::Device& device) {
  const auto ckpt = io::load_checkpoint(path);
  io::TensorMap tensors = ckpt.tensors_with_prefix("state_dict.mapper.");
  if (tensors.empty()) tensors = ckpt.tensors_with_prefix("mapper.");
  if (tensors.empty()) tensors = ckpt.tensors_with_prefix();
  auto has = [&](const std::string& prefix) {
    for (const auto& [k, v] : tensors)
      if (k.rfind(prefix, 0) == 0) return true;
    return false;
  };
  int64_t dim = 512;
  for (const auto& [k, v] : tensors)
    if (k.size() > 7 && k.compare(k.size() - 7, 7, ".weight") == 0 && v.dim() == 2) {
      dim = v.size(1);
      break;
    }
  LevelsMapper mapper(dim, has("course_mapping."), has("medium_mapping."), has("fine_mapping."));
  if (!has("course_mapping.") && !has("medium_mapping.") && !has("fine_mapping."))
    throw Error(path + ": no course_mapping/medium_mapping/fine_mapping keys; is this a StyleCLIP mapper checkpoint?");
  nn::load_state_dict(*mapper, tensors, path, "StyleCLIP latent mapper");
  mapper->to(device);
  mapper->eval();
  return mapper;
}

void save_latent_mapper(const std::string& path, LevelsMapper& mapper) {
  std::vector<io::NamedTensor> tensors;
  for (const auto& p : mapper->named_parameters()) tensors.emplace_back("mapper." + p.key(), p.value().detach().cpu());
  // The release nests the state dict under "state_dict"; a flat dict with the same "mapper." keys loads in both.
  io::save_state_dict(path, tensors);
}

TextDirection mapper_direction(LevelsMapper& mapper, const torch::Tensor& wplus, const std::string& prompt) {
  torch::NoGradGuard no_grad;
  const auto w = wplus.dim() == 2 ? wplus.unsqueeze(0) : wplus;
  const auto device = mapper->parameters().front().device();
  TextDirection d;
  d.prompt = prompt;
  d.method = "mapper";
  d.kind = TextDirectionKind::Latent;
  d.delta = (kMapperStep * mapper->forward(w.to(device, torch::kFloat32))).select(0, 0).cpu();
  return d;
}

MapperTrainingResult train_latent_mapper(LevelsMapper& mapper, const nn::StyleGan2& generator, const ClipGuide& clip,
                                         const std::string& prompt, const MapperTrainingOptions& o,
                                         const IdentityLoss* identity, const TextProgressFn& progress,
                                         const std::atomic<bool>* cancel) {
  if (o.steps <= 0 || o.batch_size <= 0) throw Error("mapper training needs steps > 0 and batch_size > 0");
  if (mapper->dim() != generator.style_dim())
    throw Error("the mapper's dimension " + std::to_string(mapper->dim()) + " differs from the generator's " +
                std::to_string(generator.style_dim()));
  auto& g = const_cast<nn::StyleGan2&>(generator);
  FrozenParameters frozen(g.module());
  nn::SynthesisOptions synth;
  synth.fast = false;
  synth.fast_gradients = true;  // the generator is frozen: the fast path's hand-written backward
  synth.noise = nn::NoiseMode::Const;
  synth.output_size = o.output_size;
  const auto text = clip.text_features({prompt});
  mapper->train();
  mapper->to(generator.device());
  torch::optim::Adam adam(mapper->parameters(), torch::optim::AdamOptions(o.learning_rate));
  MapperTrainingResult result;
  result.identity_used = identity != nullptr && o.id_lambda > 0;
  if (!identity && o.id_lambda > 0)
    log::get("edit")->warn("no identity model given: the λ_ID = {} term of mapper training is skipped", o.id_lambda);
  auto gen = at::detail::createCPUGenerator(o.seed);
  for (int step = 0; step < o.steps; ++step) {
    torch::Tensor w, x, id_ref;
    {
      torch::NoGradGuard no_grad;
      const auto z = at::normal(0.0, 1.0, {o.batch_size, generator.style_dim()}, gen).to(generator.device());
      w = generator.to_wplus(generator.mapping(z), o.truncation);
      if (result.identity_used) {
        x = generator.synthesis(w, synth);
        id_ref = identity->features(x);
      }
    }
    const auto w_hat = w + kMapperStep * mapper->forward(w);
    const auto x_hat = generator.synthesis(w_hat, synth);
    const auto c_loss = clip.distance(x_hat, text).mean();
    auto loss = o.clip_lambda * c_loss + o.latent_l2_lambda * (w_hat - w).pow(2).mean();
    if (result.identity_used) loss = loss + o.id_lambda * (*identity)(x_hat, id_ref);
    adam.zero_grad();
    loss.backward();
    adam.step();
    const double l = loss.item<double>(), c = c_loss.item<double>();
    if (step == 0) {
      result.first_loss = l;
      result.first_clip = c;
    }
    result.last_loss = l;
    result.last_clip = c;
    result.steps_done = step + 1;
    if (text_job_should_stop(cancel, progress, TextJobProgress{step + 1, o.steps, l, c})) {
      result.cancelled = step + 1 < o.steps;
      break;
    }
  }
  mapper->eval();
  return result;
}

}  // namespace facet::edit
