#include "tests/support/encoder_checkpoint.h"

#include <torch/torch.h>

#include "core/io/checkpoint.h"
#include "core/io/value.h"

namespace facet::test {

void write_encoder_checkpoint(const std::string& path, const EncoderCheckpointSpec& spec) {
  torch::NoGradGuard no_grad;
  torch::manual_seed(spec.seed);
  // The module's own initialisation (LibTorch's Kaiming-uniform convolutions, unit batch norms) gives a trunk whose
  // activations neither vanish nor blow up; the style blocks' linear layers start at zero and get N(0, 1) · scale.
  nn::GradualStyleEncoder net(spec.n_styles, spec.kind, spec.style_dim);
  for (auto& p : net->named_parameters())
    if (p.key().find(".linear.weight") != std::string::npos) p.value().normal_().mul_(spec.style_scale);

  io::Value::Entries state;
  for (const auto& p : net->named_parameters())
    state.emplace_back(io::Value::string("encoder." + p.key()), io::Value::tensor(p.value().detach().clone()));
  for (const auto& b : net->named_buffers())
    state.emplace_back(io::Value::string("encoder." + b.key()), io::Value::tensor(b.value().detach().clone()));

  const torch::Tensor avg = spec.latent_avg.defined()
                                ? spec.latent_avg.detach().to(torch::kCPU, torch::kFloat32).reshape({spec.style_dim})
                                : torch::zeros({spec.style_dim});
  io::Value::Entries opts;
  opts.emplace_back(io::Value::string("encoder_type"),
                    io::Value::string(spec.kind == nn::EncoderKind::E4e ? "Encoder4Editing" : "GradualStyleEncoder"));
  opts.emplace_back(io::Value::string("start_from_latent_avg"), io::Value::boolean(true));
  opts.emplace_back(io::Value::string("learn_in_w"), io::Value::boolean(false));
  // The output size pSp derives n_styles from (n_styles = 2·log2(size) − 2).
  opts.emplace_back(io::Value::string("output_size"), io::Value::integer(int64_t{1} << ((spec.n_styles + 2) / 2)));

  io::Value::Entries root;
  root.emplace_back(io::Value::string("state_dict"), io::Value::dict(std::move(state)));
  root.emplace_back(io::Value::string("latent_avg"), io::Value::tensor(avg.contiguous().clone()));
  root.emplace_back(io::Value::string("opts"), io::Value::dict(std::move(opts)));
  io::save_checkpoint(path, io::Value::dict(std::move(root)));
}

}  // namespace facet::test
