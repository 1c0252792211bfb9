#pragma once
// A W+ code from an .npy file, checked against the generator that will render it: the one reader for the CLI's
// face arguments and the editor's face slots.
#include <string>

#include <torch/types.h>

namespace facet::nn {

class StyleGan2;

// [n_latent, dim] or [N, n_latent, dim] → [1, n_latent, dim] float32 on the CPU: the first code of a batch, or
// with `single` a file of exactly one code. facet::Error naming the file when it is unreadable, holds more than
// one code with `single`, has another generator's shape, or holds NaN or infinite values.
torch::Tensor read_wplus_file(const std::string& path, const StyleGan2& generator, bool single = false);

}  // namespace facet::nn
