#include "core/models/device.h"

#include <torch/cuda.h>
#include <torch/torch.h>

#include "core/io/error.h"

namespace facet::models {

torch::Device choose_device(const std::string& preference) {
  if (preference.empty() || preference == "auto")
    return torch::cuda::is_available() ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
  torch::Device device(torch::kCPU);
  try {
    device = torch::Device(preference);
  } catch (const std::exception&) {
    throw Error("unknown device '" + preference + "': use auto, cpu, cuda or cuda:N");
  }
  if (device.is_cuda() && !torch::cuda::is_available())
    throw Error("device '" + preference + "' asked for, but this build of LibTorch has no usable CUDA GPU; use --device cpu");
  if (device.is_cuda() && device.has_index() && device.index() >= static_cast<int>(torch::cuda::device_count()))
    throw Error("device '" + preference + "' does not exist: " + std::to_string(torch::cuda::device_count()) +
                " CUDA device(s) present");
  return device;
}

std::string describe_device(const torch::Device& device) {
  return device.str();
}

torch::Tensor to_host(const torch::Tensor& t) {
  if (!t.defined() || t.device().is_cpu()) return t;
  torch::Tensor host = torch::empty(t.sizes(), t.options().device(torch::kCPU).pinned_memory(t.is_cuda()));
  host.copy_(t);
  return host;
}

}  // namespace facet::models
