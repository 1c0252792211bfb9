#pragma once
// Loads named tensors (from io::Checkpoint::tensors_with_prefix) into a torch::nn::Module's parameters and
// buffers. Every problem is collected and reported in one message: missing keys, unexpected keys, shape
// mismatches, so a user sees at once whether the file is the wrong model or a partial download.
#include <functional>
#include <string>
#include <vector>

#include <torch/nn/module.h>

#include "core/io/checkpoint.h"

namespace facet::nn {

struct StateDictOptions {
  // Keys in the file that the module does not have are an error unless ignored here (predicate on the key).
  std::function<bool(const std::string&)> ignore_unexpected;
  // Module entries that may stay as initialised when the file lacks them.
  std::function<bool(const std::string&)> allow_missing;
};

// `what` names the source in messages, e.g. "stylegan2-ffhq-config-f.pt (g_ema)".
// Throws facet::Error: "<what>: missing keys: a, b; unexpected keys: c; shape mismatch: d (file [1,2] vs model
// [2,2]); is this a <kind> checkpoint?" — `kind` is the model family expected ("StyleGAN2 generator").
// Tensors of the same dtype that own their whole storage are taken over, not copied: afterwards the module's
// parameters share memory with `tensors` (checkpoints are read to be loaded once and dropped).
void load_state_dict(torch::nn::Module& module, const io::TensorMap& tensors, const std::string& what,
                     const std::string& kind, const StateDictOptions& options = {});

// The inverse: writes a module's parameters (CPU copies, the module's own key names) as a torch.save state dict.
void save_state_dict(const std::string& path, torch::nn::Module& module);

}  // namespace facet::nn
