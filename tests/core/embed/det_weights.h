#pragma once
// Deterministic full-size weights w = f(name, shape), the formula tests/data/embed/make_fixtures.py uses, so the
// parity fixtures hold only outputs.
#include <string>
#include <vector>

#include <torch/types.h>

#include "core/io/checkpoint.h"

namespace facet::test {

torch::Tensor embed_det(const std::string& name, const std::vector<int64_t>& shape);
// torchvision vgg16 `features.N.weight/bias` filled with embed_det.
io::TensorMap det_vgg16_tensors();
// lin0..lin4 `.model.1.weight` filled with embed_det.
io::TensorMap det_lpips_lin_tensors();

}  // namespace facet::test
