#pragma once
// Timing one synthesis setting (size, batch, precision, layout) of a generator, for `bench generator`.
#include <memory>
#include <string>

#include <nlohmann/json.hpp>
#include <torch/types.h>

#include "core/nn/stylegan2/generator.h"

namespace facet::cli {

// float32 (TF32 off: what Facet renders), tf32 (float32 weights, cuDNN's TF32 tensor cores allowed), half,
// bfloat16 (StyleGan2::cast copies; CUDA only).
enum class Precision { Float32, Tf32, Half, BFloat16 };
Precision parse_precision(const std::string& name);  // throws facet::Error naming the choices
std::string precision_name(Precision p);

struct TimingCase {
  int64_t size = 0;  // output size
  int64_t batch = 1;
  Precision precision = Precision::Float32;
  bool channels_last = false;
  bool plain = false;  // the plain path on the CPU (elsewhere it is the only path)
};

// Holds the generator and its reduced-precision copies (made once, on first use), and the float32 image of
// each (size, batch) that the others' PSNR is measured against.
class SynthesisTimer {
 public:
  explicit SynthesisTimer(std::shared_ptr<nn::StyleGan2> generator, uint64_t seed = 0);
  // One warm-up, then `repeat` timed syntheses, each waited for on a GPU. JSON: size, batch, precision, layout,
  // path, ms_per_image (median), ms_min (per image), ms_batch (median), ms_first (the warm-up, per batch) and,
  // for reduced precision, psnr_db against float32 over the float32 image's range.
  nlohmann::json time(const TimingCase& c, int repeat);

 private:
  const nn::StyleGan2& generator_for(Precision p);
  torch::Tensor wplus_for(int64_t batch);
  std::shared_ptr<nn::StyleGan2> float32_, half_, bfloat16_;
  uint64_t seed_;
};

// PSNR in dB of `image` against `reference` over the reference's value range (max − min).
double psnr_db(const torch::Tensor& image, const torch::Tensor& reference);

}  // namespace facet::cli
