// Reading encoder checkpoints from disk (kept apart from the networks so they link without the file reader).
#include "core/io/error.h"
#include "core/io/log.h"
#include "core/nn/encoders/arcface.h"
#include "core/nn/encoders/psp_encoder.h"

namespace facet::nn {

namespace {
bool opt_bool(const io::Checkpoint& ckpt, const char* path, bool fallback) {
  const auto v = ckpt.find(path);
  return v && v->is(io::ValueKind::Bool) ? v->as_bool() : fallback;
}
}  // namespace

PspEncoder PspEncoder::load(const std::string& path, const torch::Device& device) {
  const auto ckpt = io::load_checkpoint(path);
  const std::string prefix = ckpt.find("state_dict") ? "state_dict.encoder." : "encoder.";
  const auto tensors = ckpt.tensors_with_prefix(prefix);
  if (tensors.empty())
    throw Error(path + ": no encoder.* weights; expected a pSp or e4e checkpoint such as psp_ffhq_encode.pt or "
                       "e4e_ffhq_encode.pt");
  Options options;
  const auto type = ckpt.find("opts.encoder_type");
  if (type && type->is(io::ValueKind::String)) {
    const auto& name = type->as_string();
    if (name == "Encoder4Editing") options.kind = EncoderKind::E4e;
    else if (name != "GradualStyleEncoder")
      throw Error(path + ": encoder type '" + name + "' is not supported (GradualStyleEncoder or Encoder4Editing)");
  } else if (tensors.count("styles.0.convs.0.weight") && ckpt.find("opts.progressive_start")) {
    options.kind = EncoderKind::E4e;  // e4e files always carry its progressive-training options
  }
  options.add_latent_avg = opt_bool(ckpt, "opts.start_from_latent_avg", true);
  if (opt_bool(ckpt, "opts.learn_in_w", false))
    throw Error(path + ": encoders trained with learn_in_w (a single w) are not supported");
  torch::Tensor latent_avg;
  if (const auto avg = ckpt.find("latent_avg"); avg && avg->is(io::ValueKind::Tensor)) latent_avg = avg->as_tensor();
  auto encoder = from_tensors(tensors, latent_avg, options, path, device);
  log::get("nn")->info("loaded {} encoder from {} ({} styles)", options.kind == EncoderKind::E4e ? "e4e" : "pSp",
                       path, encoder.n_styles());
  return encoder;
}

ArcFace ArcFace::load(const std::string& path, const torch::Device& device) {
  const auto ckpt = io::load_checkpoint(path);
  // model_ir_se50.pth is a bare state dict; accept one nested under "state_dict" too.
  const std::string prefix = ckpt.find("state_dict") ? "state_dict." : "";
  return from_tensors(ckpt.tensors_with_prefix(prefix), path, device);
}

}  // namespace facet::nn
