#pragma once
// Device choice: "auto" picks CUDA when this LibTorch has it and a GPU is present, else the CPU.
#include <string>

#include <torch/types.h>

namespace facet::models {

// Accepts "auto", "cpu", "cuda", "cuda:N". Throws facet::Error when CUDA is asked for and not available.
torch::Device choose_device(const std::string& preference = "auto");
// "cpu" or "cuda:0 (NVIDIA H100 …)" for status bars and benchmark reports.
std::string describe_device(const torch::Device& device);

// `t` on the host, for reading its values: itself when it is there already; from CUDA one copy into page-locked
// memory (a direct DMA transfer, which waits for the GPU's work on `t`; LibTorch's host allocator keeps the block
// for the next image of that size).
torch::Tensor to_host(const torch::Tensor& t);

}  // namespace facet::models
