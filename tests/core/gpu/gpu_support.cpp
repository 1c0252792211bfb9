#include "tests/core/gpu/gpu_support.h"

#include <cmath>

#include <torch/cuda.h>
#include <torch/torch.h>
#include <torch/version.h>

#include "core/models/runtime.h"

namespace facet::test {

std::string cuda_unavailable_reason() {
  if (torch::cuda::is_available()) return {};
  return "this LibTorch (" TORCH_VERSION ") was built without CUDA or sees no GPU; build against a CUDA LibTorch "
         "and run on a GPU machine (scripts/gpu_check.sh)";
}

torch::Device cuda_device() {
  models::set_cuda_tf32(false);
  return torch::Device(torch::kCUDA, 0);
}

double psnr_db(const torch::Tensor& actual, const torch::Tensor& reference) {
  const auto a = actual.detach().to(torch::kCPU, torch::kFloat64);
  const auto r = reference.detach().to(torch::kCPU, torch::kFloat64);
  const double range = (r.max() - r.min()).item<double>();
  const double mse = (a - r).pow(2).mean().item<double>();
  if (mse == 0.0) return INFINITY;
  return 10.0 * std::log10(range * range / mse);
}

double cosine(const torch::Tensor& a, const torch::Tensor& b) {
  const auto x = a.detach().to(torch::kCPU, torch::kFloat64).flatten();
  const auto y = b.detach().to(torch::kCPU, torch::kFloat64).flatten();
  return (x.dot(y) / (x.norm() * y.norm())).item<double>();
}

}  // namespace facet::test
