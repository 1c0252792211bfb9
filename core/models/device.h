#pragma once
// Device choice: "auto" picks CUDA when this LibTorch has it and a GPU is present, else the CPU.
#include <string>

#include <torch/types.h>

namespace facet::models {

// Accepts "auto", "cpu", "cuda", "cuda:N". Throws facet::Error when CUDA is asked for and not available.
torch::Device choose_device(const std::string& preference = "auto");
// "cpu" or "cuda:0 (NVIDIA H100 …)" for status bars and benchmark reports.
std::string describe_device(const torch::Device& device);

}  // namespace facet::models
