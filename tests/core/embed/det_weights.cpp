#include "tests/core/embed/det_weights.h"

#include <cmath>

#include <torch/torch.h>

namespace facet::test {

torch::Tensor embed_det(const std::string& name, const std::vector<int64_t>& shape) {
  int64_t n = 1;
  for (auto s : shape) n *= s;
  int sum = 0;
  for (unsigned char c : name) sum += c;
  const double phase = (sum % 101) * 0.1;
  const auto k = torch::arange(n, torch::kDouble);
  if (name.rfind("input", 0) == 0) return (0.9 * torch::sin(k * 0.7 + phase)).reshape(shape).to(torch::kFloat);
  const auto s = torch::sin(k * 12.9898 + phase) * 43758.5453;
  const auto base = (2 * (s - torch::floor(s)) - 1).reshape(shape);
  const bool bias = name.size() >= 4 && name.compare(name.size() - 4, 4, "bias") == 0;
  torch::Tensor v;
  if (bias) v = 0.05 * base;
  else if (name.rfind("lin", 0) == 0) v = 0.1 * base.abs();
  else v = base * std::sqrt(6.0 / static_cast<double>(n / shape[0]));
  return v.to(torch::kFloat);
}

io::TensorMap det_vgg16_tensors() {
  const std::vector<std::pair<int, std::pair<int64_t, int64_t>>> convs = {
      {0, {3, 64}},     {2, {64, 64}},    {5, {64, 128}},   {7, {128, 128}},  {10, {128, 256}},
      {12, {256, 256}}, {14, {256, 256}}, {17, {256, 512}}, {19, {512, 512}}, {21, {512, 512}},
      {24, {512, 512}}, {26, {512, 512}}, {28, {512, 512}}};
  io::TensorMap map;
  for (const auto& [index, ch] : convs) {
    const std::string prefix = "features." + std::to_string(index) + ".";
    map[prefix + "weight"] = embed_det(prefix + "weight", {ch.second, ch.first, 3, 3});
    map[prefix + "bias"] = embed_det(prefix + "bias", {ch.second});
  }
  return map;
}

io::TensorMap det_lpips_lin_tensors() {
  const int64_t channels[] = {64, 128, 256, 512, 512};
  io::TensorMap map;
  for (int i = 0; i < 5; ++i) {
    const std::string key = "lin" + std::to_string(i) + ".model.1.weight";
    map[key] = embed_det(key, {1, channels[i], 1, 1});
  }
  return map;
}

}  // namespace facet::test
