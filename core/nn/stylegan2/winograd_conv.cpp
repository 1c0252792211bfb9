#include "core/nn/stylegan2/winograd_conv.h"

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <utility>

#include <torch/torch.h>

#include "core/nn/stylegan2/cpu_features.h"
#include "core/nn/stylegan2/portable_winograd.h"

#if FACET_WITH_DNNL
#include <dnnl.hpp>
#endif

namespace facet::nn::stylegan2 {

namespace {
thread_local bool winograd_scope = false;
std::atomic<int64_t> winograd_runs{0};

bool switched_off() {
  static const bool off = [] {
    const char* value = std::getenv("FACET_WINOGRAD");
    return value && std::strcmp(value, "0") == 0;
  }();
  return off;
}
}  // namespace

bool WinogradConv3x3::portable_available() { return !switched_off(); }

int64_t WinogradConv3x3::runs() { return winograd_runs.load(); }

WinogradConvolutions::WinogradConvolutions() : previous_(winograd_scope) { winograd_scope = true; }
WinogradConvolutions::~WinogradConvolutions() { winograd_scope = previous_; }
bool winograd_convolutions() { return winograd_scope; }

#if FACET_WITH_DNNL

namespace {
using dnnl::memory;
using Tag = memory::format_tag;
constexpr auto kF32 = memory::data_type::f32;

dnnl::engine& cpu_engine() {
  static dnnl::engine engine(dnnl::engine::kind::cpu, 0);
  return engine;
}

}  // namespace

// One input size's primitive, its layout changes and the weights transformed for it.
struct Plan {
  dnnl::convolution_forward::primitive_desc pd;
  dnnl::convolution_forward conv;
  dnnl::reorder to_blocked, from_blocked;
  memory weights;
  memory::desc user_src, user_dst;
};

struct WinogradConv3x3::Plans {
  explicit Plans(const torch::Tensor& w) : weight(w.detach().to(torch::kCPU, torch::kFloat32).contiguous()) {}

  torch::Tensor weight;  // [out, in, 3, 3], contiguous
  std::mutex mutex;
  std::map<std::pair<int64_t, int64_t>, std::shared_ptr<const Plan>> by_size;  // null: no kernel for that size

  std::shared_ptr<const Plan> get(int64_t h, int64_t w) {
    const std::lock_guard<std::mutex> lock(mutex);
    const auto key = std::make_pair(h, w);
    if (const auto it = by_size.find(key); it != by_size.end()) return it->second;
    std::shared_ptr<const Plan> plan;
    try {
      plan = make(h, w);
    } catch (const dnnl::error&) {
      plan = nullptr;  // oneDNN has no Winograd kernel here: the caller convolves directly
    }
    by_size.emplace(key, plan);
    return plan;
  }

  std::shared_ptr<const Plan> make(int64_t h, int64_t w) const {
    const int64_t out = weight.size(0), in = weight.size(1);
    auto plan = std::make_shared<Plan>();
    plan->user_src = memory::desc({1, in, h, w}, kF32, Tag::nhwc);
    plan->user_dst = memory::desc({1, out, h, w}, kF32, Tag::nhwc);
    const memory::desc any_src({1, in, h, w}, kF32, Tag::any), any_dst({1, out, h, w}, kF32, Tag::any);
    const memory::desc any_weights({out, in, 3, 3}, kF32, Tag::any);
    const dnnl::convolution_forward::desc desc(dnnl::prop_kind::forward_inference,
                                               dnnl::algorithm::convolution_winograd, any_src, any_weights, any_dst,
                                               {1, 1}, {1, 1}, {1, 1});
    plan->pd = dnnl::convolution_forward::primitive_desc(desc, cpu_engine());
    plan->conv = dnnl::convolution_forward(plan->pd);
    plan->to_blocked =
        dnnl::reorder(memory(plan->user_src, cpu_engine()), memory(plan->pd.src_desc(), cpu_engine()));
    plan->from_blocked =
        dnnl::reorder(memory(plan->pd.dst_desc(), cpu_engine()), memory(plan->user_dst, cpu_engine()));
    memory user_weights({{out, in, 3, 3}, kF32, Tag::oihw}, cpu_engine(), weight.data_ptr<float>());
    plan->weights = memory(plan->pd.weights_desc(), cpu_engine());
    dnnl::stream stream(cpu_engine());
    dnnl::reorder(user_weights, plan->weights).execute(stream, user_weights, plan->weights);
    stream.wait();
    return plan;
  }
};

bool WinogradConv3x3::available() { return !switched_off() && cpu_features().avx512; }

torch::Tensor WinogradConv3x3::forward_onednn(const torch::Tensor& x) {
  TORCH_CHECK(x.dim() == 4 && x.size(0) == 1 && x.size(1) == plans_->weight.size(1),
              "WinogradConv3x3: x [1, in, H, W]");
  const int64_t h = x.size(2), w = x.size(3);
  const auto plan = plans_->get(h, w);
  if (!plan) return {};
  constexpr auto kChannelsLast = torch::MemoryFormat::ChannelsLast;
  const torch::Tensor input = x.to(torch::kFloat32).contiguous(kChannelsLast);
  torch::Tensor y = torch::empty({1, plans_->weight.size(0), h, w},
                                 x.options().dtype(torch::kFloat32).memory_format(kChannelsLast));
  memory src(plan->user_src, cpu_engine(), input.data_ptr<float>());
  memory dst(plan->user_dst, cpu_engine(), y.data_ptr<float>());
  const auto bytes = [](const memory::desc& d) { return static_cast<int64_t>(d.get_size()); };
  memory blocked_src(plan->pd.src_desc(), cpu_engine(), winograd_scratch(0, bytes(plan->pd.src_desc())).data_ptr());
  memory blocked_dst(plan->pd.dst_desc(), cpu_engine(), winograd_scratch(1, bytes(plan->pd.dst_desc())).data_ptr());
  dnnl::stream stream(cpu_engine());
  plan->to_blocked.execute(stream, src, blocked_src);
  plan->conv.execute(stream,
                     {{DNNL_ARG_SRC, blocked_src}, {DNNL_ARG_WEIGHTS, plan->weights}, {DNNL_ARG_DST, blocked_dst}});
  plan->from_blocked.execute(stream, blocked_dst, dst);
  stream.wait();
  return y;
}

#else  // built without oneDNN's headers

struct WinogradConv3x3::Plans {
  explicit Plans(const torch::Tensor&) {}
};
bool WinogradConv3x3::available() { return false; }
torch::Tensor WinogradConv3x3::forward_onednn(const torch::Tensor&) { return {}; }

#endif

WinogradConv3x3::WinogradConv3x3(const torch::Tensor& weight) {
  TORCH_CHECK(weight.dim() == 4 && weight.size(2) == 3 && weight.size(3) == 3, "WinogradConv3x3: a 3×3 weight");
  if (available()) {
    plans_ = std::make_unique<Plans>(weight);
  } else {
    portable_ = std::make_unique<PortableWinograd>(weight);
  }
}

WinogradConv3x3::~WinogradConv3x3() = default;

torch::Tensor WinogradConv3x3::forward(const torch::Tensor& x) {
  torch::Tensor y = portable_ ? portable_->forward(x) : forward_onednn(x);
  if (y.defined()) ++winograd_runs;
  return y;
}

}  // namespace facet::nn::stylegan2
