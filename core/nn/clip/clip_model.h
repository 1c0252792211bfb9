#pragma once
// CLIP (openai/CLIP) from its released TorchScript archives (ViT-B/32.pt and the others), run through
// torch::jit. Only the two encoders are used: encode_image(pre-processed images) and encode_text(token ids).
//
// The released archives were traced on a GPU in half precision, so their graphs carry the constant device
// "cuda:0" and casts to float16 (ScalarType 5). On the CPU, clip.load(jit=True) rewrites those constants before
// the first run; load() does the same here (device constants → "cpu", aten::to's float16 → float32, weights to
// float32). LibTorch's map_location only moves the weights, not constants baked into the graphs, so the rewrite
// is needed in C++ too.
#include <memory>
#include <string>

#include <torch/script.h>

namespace facet::nn::clip {

class ClipModel {
 public:
  // Loads a CLIP TorchScript archive onto `device`. Throws facet::Error naming the file when it is not one
  // (no encode_image/encode_text, no input_resolution).
  static ClipModel load(const std::string& path, const torch::Device& device = torch::kCPU);

  // images: [N, 3, R, R] normalised as CLIP expects (see clip_preprocess.h), R = input_resolution().
  // Returns [N, D] float32 features (not normalised). Differentiable in the images unless under NoGrad.
  torch::Tensor encode_image(const torch::Tensor& images) const;
  // tokens: [N, context] int64 from ClipTokenizer::tokenize. Returns [N, D] float32 features.
  torch::Tensor encode_text(const torch::Tensor& tokens) const;

  int64_t input_resolution() const { return input_resolution_; }
  int64_t context_length() const { return context_length_; }
  torch::Device device() const { return device_; }
  const std::string& path() const { return path_; }

 private:
  std::shared_ptr<torch::jit::Module> module_;
  torch::Device device_ = torch::kCPU;
  torch::ScalarType dtype_ = torch::kFloat32;
  int64_t input_resolution_ = 224, context_length_ = 77;
  std::string path_;
};

// The rewrite clip.load applies on the CPU, on every method graph of the module and its submodules: string/device
// constants starting with "cuda" become "cpu"; when `to_float`, float16 arguments of aten::to become float32.
// Returns how many constants were changed. Exposed for tests.
int patch_for_cpu(torch::jit::Module& module, bool to_float);

}  // namespace facet::nn::clip
