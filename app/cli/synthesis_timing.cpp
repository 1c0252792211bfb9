#include "app/cli/synthesis_timing.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>
#include <vector>

#include <torch/cuda.h>
#include <torch/torch.h>

#include "core/io/error.h"
#include "core/models/runtime.h"
#include "core/nn/stylegan2/block_times.h"
#include "core/nn/stylegan2/roofline.h"

namespace facet::cli {

namespace {
using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

void wait_for(const torch::Device& device) {
  if (device.is_cuda()) torch::cuda::synchronize(device.index() < 0 ? -1 : device.index());
}

// TF32 for the duration of one timing case, then back to Facet's setting.
class Tf32Scope {
 public:
  explicit Tf32Scope(bool on) : on_(on) { if (on_) models::set_cuda_tf32(true); }
  ~Tf32Scope() { if (on_) models::set_cuda_tf32(false); }
  Tf32Scope(const Tf32Scope&) = delete;
  Tf32Scope& operator=(const Tf32Scope&) = delete;

 private:
  bool on_;
};
}  // namespace

Precision parse_precision(const std::string& name) {
  if (name == "float32" || name == "fp32") return Precision::Float32;
  if (name == "tf32") return Precision::Tf32;
  if (name == "half" || name == "float16" || name == "fp16") return Precision::Half;
  if (name == "bfloat16" || name == "bf16") return Precision::BFloat16;
  throw Error("unknown precision '" + name + "': use float32, tf32, half or bfloat16");
}

std::string precision_name(Precision p) {
  switch (p) {
    case Precision::Float32: return "float32";
    case Precision::Tf32: return "tf32";
    case Precision::Half: return "half";
    case Precision::BFloat16: return "bfloat16";
  }
  return "?";
}

double psnr_db(const torch::Tensor& image, const torch::Tensor& reference) {
  const auto a = image.detach().to(torch::kCPU, torch::kFloat64);
  const auto r = reference.detach().to(torch::kCPU, torch::kFloat64);
  const double range = (r.max() - r.min()).item<double>();
  const double mse = (a - r).pow(2).mean().item<double>();
  return mse == 0.0 ? INFINITY : 10.0 * std::log10(range * range / mse);
}

SynthesisTimer::SynthesisTimer(std::shared_ptr<nn::StyleGan2> generator, uint64_t seed)
    : float32_(std::move(generator)), seed_(seed) {}

const nn::StyleGan2& SynthesisTimer::generator_for(Precision p) {
  if (p == Precision::Half) {
    if (!half_) half_ = float32_->cast(torch::kFloat16);
    return *half_;
  }
  if (p == Precision::BFloat16) {
    if (!bfloat16_) bfloat16_ = float32_->cast(torch::kBFloat16);
    return *bfloat16_;
  }
  return *float32_;
}

torch::Tensor SynthesisTimer::wplus_for(int64_t batch) {
  torch::InferenceMode guard;
  torch::manual_seed(seed_);  // the same codes for every precision and layout
  const auto z = torch::randn({batch, float32_->style_dim()});
  return float32_->to_wplus(float32_->mapping(z), 0.7).to(torch::kFloat32);
}

nlohmann::json SynthesisTimer::time(const TimingCase& c, int repeat) {
  const nn::StyleGan2& g = generator_for(c.precision);
  const torch::Device device = g.device();
  if (c.precision == Precision::Tf32 && !device.is_cuda())
    throw Error("tf32 is a CUDA precision; on " + device.str() + " use float32");
  const torch::Tensor wplus = wplus_for(c.batch);
  nn::SynthesisOptions o;
  o.output_size = c.size;
  o.fast = !c.plain;
  o.channels_last = c.channels_last;
  torch::NoGradGuard no_grad;
  torch::Tensor reference;  // float32, Facet's default layout: what reduced precision is measured against
  if (c.precision != Precision::Float32) {
    nn::SynthesisOptions reference_options = o;
    reference_options.channels_last = false;
    reference = float32_->synthesis(wplus, reference_options);
  }
  Tf32Scope tf32(c.precision == Precision::Tf32);
  const auto first = Clock::now();
  torch::Tensor image = g.synthesis(wplus, o);  // warm-up: allocations, kernel selection
  wait_for(device);
  const double first_ms = ms_since(first);
  std::vector<double> times;
  std::vector<std::vector<double>> block_times;  // [block][call]
  const bool per_block = c.batch == 1 && device.is_cpu();
  for (int r = 0; r < repeat; ++r) {
    std::vector<double> blocks;
    const auto t = Clock::now();
    {
      std::optional<nn::stylegan2::BlockTimes> timed;
      if (per_block) timed.emplace();
      image = g.synthesis(wplus, o);
      wait_for(device);
      if (timed) blocks = timed->ms();
    }
    times.push_back(ms_since(t));
    block_times.resize(std::max(block_times.size(), blocks.size()));
    for (size_t b = 0; b < blocks.size(); ++b) block_times[b].push_back(blocks[b]);
  }
  std::vector<double> block_ms;
  for (auto& b : block_times) {
    std::sort(b.begin(), b.end());
    block_ms.push_back(b[b.size() / 2]);
  }
  std::sort(times.begin(), times.end());
  const double median = times[times.size() / 2];
  const double per_image = static_cast<double>(c.batch);
  nlohmann::json out{{"size", c.size},
                     {"batch", c.batch},
                     {"precision", precision_name(c.precision)},
                     {"layout", c.channels_last ? "channels-last" : "nchw"},
                     {"path", device.is_cpu() && !c.plain ? "fast" : "plain"},
                     {"ms_per_image", median / per_image},
                     {"ms_median", median / per_image},
                     {"ms_min", times.front() / per_image},
                     {"ms_batch", median},
                     {"ms_first", first_ms}};
  if (reference.defined()) out["psnr_db"] = psnr_db(image, reference);
  if (c.batch == 1) out.update(roofline_json(g.config(), c.size, median, block_ms, peak_gmacs_));
  return out;
}

nlohmann::json roofline_json(const nn::GeneratorConfig& config, int64_t size, double ms,
                             const std::vector<double>& block_ms, double peak_gmacs) {
  const std::vector<nn::stylegan2::BlockWork> work = nn::stylegan2::synthesis_work(config, size);
  auto figures = [peak_gmacs](double macs, double ms) {
    nlohmann::json f{{"gmac", macs / 1e9}, {"gmacs", ms > 0 ? macs / 1e6 / ms : 0.0}};
    if (peak_gmacs > 0) f["x_peak"] = f["gmacs"].get<double>() / peak_gmacs;
    return f;
  };
  double total = 0;
  for (const auto& b : work) total += b.macs;
  nlohmann::json out = figures(total, ms);
  if (block_ms.size() == work.size()) {
    out["blocks"] = nlohmann::json::array();
    for (size_t b = 0; b < work.size(); ++b) {
      nlohmann::json f = figures(work[b].macs, block_ms[b]);
      f["resolution"] = work[b].resolution;
      f["ms"] = block_ms[b];
      out["blocks"].push_back(f);
    }
  }
  return out;
}

}  // namespace facet::cli
