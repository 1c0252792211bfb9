#pragma once
// Timing one synthesis setting (size, batch, precision, layout) of a generator, for `bench generator`.
#include <memory>
#include <string>
#include <vector>

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
  // With a peak set (GMAC/s, stylegan2::measure_fma_peak) and one image per call, the result also has the
  // roofline: gmac (direct-convolution work of the image), gmacs (that work over the median time), x_peak, and
  // `blocks` [{resolution, gmac, ms, gmacs, x_peak}] from the per-block times of the timed calls (median each).
  nlohmann::json time(const TimingCase& c, int repeat);
  void set_peak_gmacs(double gmacs) { peak_gmacs_ = gmacs; }

 private:
  const nn::StyleGan2& generator_for(Precision p);
  torch::Tensor wplus_for(int64_t batch);
  std::shared_ptr<nn::StyleGan2> float32_, half_, bfloat16_;
  uint64_t seed_;
  double peak_gmacs_ = 0;
};

// The roofline fields above for one image of `size` rendered in `ms`, with per-block times `block_ms` (may be
// empty); `peak_gmacs` 0 leaves out x_peak.
nlohmann::json roofline_json(const nn::GeneratorConfig& config, int64_t size, double ms,
                             const std::vector<double>& block_ms, double peak_gmacs);

// PSNR in dB of `image` against `reference` over the reference's value range (max − min).
double psnr_db(const torch::Tensor& image, const torch::Tensor& reference);

}  // namespace facet::cli
