#pragma once
// NumPy .npy arrays: float32/16/64, int64, int32, uint8, bool; C and Fortran order; header versions 1, 2 and 3.
#include <string>

#include <torch/types.h>

namespace facet::io {

// Throws facet::Error naming the file and the problem (not an .npy, unsupported dtype, truncated data).
torch::Tensor read_npy(const std::string& path);
torch::Tensor read_npy_from_memory(const void* data, size_t size, const std::string& name = "<memory>");
// Writes C-order, header version 1 (2 when needed); atomically. Non-contiguous/CUDA tensors are copied first.
void write_npy(const std::string& path, const torch::Tensor& tensor);

}  // namespace facet::io
