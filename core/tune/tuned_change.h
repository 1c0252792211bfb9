#pragma once
// A tuned generator stored as its change to the base generator (a `.tuned` file): the SHA-256 of the base's
// weights, and only the tensors tuning changed, as bfloat16 differences or, for matrices and convolution weights,
// as low-rank factors of the difference. It loads onto that base only (another base is refused by hash), and
// exports as a plain rosinality-layout `.pt` for other tools.
//
// The file is a torch.save zip (readable by torch.load) holding {format, version, base_sha256, size, encoding,
// rank, deltas: {name: bf16}, factors: {name.left, name.right: bf16}, info: {…}}.
#include <map>
#include <memory>
#include <string>

#include <torch/types.h>

#include "core/nn/stylegan2/generator.h"

namespace facet::tune {

enum class ChangeEncoding { BFloat16, LowRank };

struct TunedChange {
  std::string base_sha256;
  int64_t size = 0;  // the generator's output size (for messages)
  ChangeEncoding encoding = ChangeEncoding::BFloat16;
  int64_t rank = 0;  // LowRank: the factors' rank
  // name → difference (bf16), for tensors stored whole; name → (left [rows, r], right [r, cols]) otherwise.
  std::map<std::string, torch::Tensor> deltas;
  std::map<std::string, std::pair<torch::Tensor, torch::Tensor>> factors;
  std::map<std::string, double> info;  // steps, lpips, mse, photos: shown by the CLI, not needed to load

  // The difference for `name` as float32 with the parameter's shape, or undefined when it did not change.
  torch::Tensor delta(const std::string& name, at::IntArrayRef shape) const;
};

// SHA-256 over the generator's parameters and buffers (name, shape and float32 bytes, in module order): the same for
// the same weights whichever file (rosinality, pSp) they came from.
std::string weights_sha256(nn::StyleGan2& generator);

// The change from `base` to `tuned` (a generator of the same shape). LowRank stores 2-D and larger tensors as rank-r
// factors (r = `rank`, at most the matrix's smaller side) and the rest as bf16.
TunedChange make_change(nn::StyleGan2& base, nn::StyleGan2& tuned, ChangeEncoding encoding = ChangeEncoding::BFloat16,
                        int64_t rank = 16);

void save_change(const std::string& path, const TunedChange& change);  // atomic
TunedChange load_change(const std::string& path);                      // facet::Error on a malformed file

// A copy of `base` with the change added; `base` is unchanged. Refuses (facet::Error naming both hashes) a base whose
// weights hash differs from the change's. `what` names the change in messages.
std::shared_ptr<nn::StyleGan2> apply_change(nn::StyleGan2& base, const TunedChange& change,
                                            const std::string& what = "tuned generator");

// Writes the generator as a rosinality checkpoint ({g_ema: state dict, latent_avg}), atomically.
void export_rosinality(nn::StyleGan2& generator, const std::string& path);

}  // namespace facet::tune
