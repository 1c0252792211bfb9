#pragma once
// CUDA for the gpu-labelled tests: the device, or a skip that says why; and the measures they report.
#include <string>

#include <gtest/gtest.h>
#include <torch/types.h>

namespace facet::test {

// Empty when LibTorch sees a CUDA device; else why not.
std::string cuda_unavailable_reason();
// cuda:0, with float32 convolutions kept at float32 (no TF32), as Facet runs them.
torch::Device cuda_device();
// PSNR in dB of `actual` against `reference`, over the reference's own value range (max − min): random
// generators' images are not confined to [-1, 1].
double psnr_db(const torch::Tensor& actual, const torch::Tensor& reference);
// Cosine similarity of two feature tensors, flattened, in double on the CPU.
double cosine(const torch::Tensor& a, const torch::Tensor& b);

}  // namespace facet::test

#define FACET_REQUIRE_CUDA()                                                      \
  do {                                                                            \
    const std::string facet_no_cuda = ::facet::test::cuda_unavailable_reason();   \
    if (!facet_no_cuda.empty()) GTEST_SKIP() << "no CUDA device: " << facet_no_cuda; \
  } while (0)
