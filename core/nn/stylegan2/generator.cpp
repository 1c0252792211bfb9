#include "core/nn/stylegan2/generator.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <optional>
#include <tuple>

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include "core/io/checkpoint.h"
#include "core/io/error.h"
#include "core/io/log.h"
#include "core/nn/state_dict.h"
#include "core/nn/stylegan2/block_times.h"
#include "core/nn/stylegan2/fast_conv.h"
#include "core/nn/stylegan2/fast_ops.h"
#include "core/nn/stylegan2/layers.h"
#include "core/nn/stylegan2/synthesis_grad.h"
#include "core/nn/stylegan2/synthesis_reuse.h"
#include "core/nn/stylegan2/winograd_conv.h"
#include "core/nn/network_guard.h"

namespace facet::nn {

using namespace stylegan2;
namespace F = torch::nn::functional;

namespace {

torch::Tensor fused_leaky_relu(const torch::Tensor& x, const torch::Tensor& bias) {
  return F::leaky_relu(x + bias.view({1, -1, 1, 1}), F::LeakyReLUFuncOptions().negative_slope(0.2)) * std::sqrt(2.0);
}

struct StyledConvImpl : torch::nn::Module {
  StyledConvImpl(int64_t in, int64_t out, int64_t style_dim, bool upsample) {
    conv = register_module("conv", ModulatedConv(in, out, 3, style_dim, true, upsample));
    noise = register_module("noise", Holder("weight", torch::zeros({1}), false));
    activate = register_module("activate", Holder("bias", torch::zeros({out}), false));
  }
  ModulatedConv conv{nullptr};
  Holder noise{nullptr}, activate{nullptr};
};
TORCH_MODULE(StyledConv);

struct ToRgbImpl : torch::nn::Module {
  ToRgbImpl(int64_t in, int64_t style_dim, bool upsample_skip) {
    conv = register_module("conv", ModulatedConv(in, 3, 1, style_dim, false, false));
    bias = register_parameter("bias", torch::zeros({1, 3, 1, 1}));
    if (upsample_skip) {
      upsample = register_module("upsample", Holder("kernel", default_fir_kernel(), true));
    }
  }
  ModulatedConv conv{nullptr};
  Holder upsample{nullptr};
  torch::Tensor bias;
};
TORCH_MODULE(ToRgb);

struct GeneratorModuleImpl : torch::nn::Module {
  GeneratorModuleImpl(const GeneratorConfig& c, double lr_mlp) {
    style = register_module("style", std::make_shared<torch::nn::Module>());
    for (int64_t i = 1; i <= c.n_mlp; ++i)
      mlp.push_back(style->register_module(std::to_string(i), EqualLinear(c.style_dim, c.style_dim, 0.0, lr_mlp, true)));
    input = register_module("input", Holder("input", torch::randn({1, c.channels[0], 4, 4}), false));
    conv1 = register_module("conv1", StyledConv(c.channels[0], c.channels[0], c.style_dim, false));
    to_rgb1 = register_module("to_rgb1", ToRgb(c.channels[0], c.style_dim, false));
    convs = register_module("convs", torch::nn::ModuleList());
    to_rgbs = register_module("to_rgbs", torch::nn::ModuleList());
    for (size_t b = 1; b < c.channels.size(); ++b) {
      convs->push_back(StyledConv(c.channels[b - 1], c.channels[b], c.style_dim, true));
      convs->push_back(StyledConv(c.channels[b], c.channels[b], c.style_dim, false));
      to_rgbs->push_back(ToRgb(c.channels[b], c.style_dim, true));
    }
    noises = register_module("noises", std::make_shared<torch::nn::Module>());
    const int64_t num_layers = 2 * static_cast<int64_t>(c.channels.size()) - 1;
    torch::manual_seed(0);  // only for checkpoints without noise buffers: deterministic const noise
    for (int64_t i = 0; i < num_layers; ++i) {
      const int64_t res = int64_t(1) << ((i + 5) / 2);
      noise_buffers.push_back(noises->register_buffer("noise_" + std::to_string(i), torch::randn({1, 1, res, res})));
    }
  }
  std::shared_ptr<torch::nn::Module> style, noises;
  std::vector<EqualLinear> mlp;
  Holder input{nullptr};
  StyledConv conv1{nullptr};
  ToRgb to_rgb1{nullptr};
  torch::nn::ModuleList convs{nullptr}, to_rgbs{nullptr};
  std::vector<torch::Tensor> noise_buffers;
};
TORCH_MODULE(GeneratorModule);

bool is_power_of_two(int64_t v) { return v >= 4 && (v & (v - 1)) == 0; }

// Random noise: sample i of a batch draws from its own generator seeded seed + i, layer after layer, so that a
// sample's noise is the same alone or in a batch, on every path and device (drawn on the host, then moved: the
// one per-layer transfer, in this mode only).
using NoiseGenerators = std::vector<at::Generator>;
NoiseGenerators noise_generators(uint64_t seed, int64_t n) {
  NoiseGenerators gens;
  for (int64_t i = 0; i < n; ++i) gens.push_back(at::detail::createCPUGenerator(seed + static_cast<uint64_t>(i)));
  return gens;
}

}  // namespace

struct StyleGan2::Impl {
  // Tells apart every generator this process makes (SynthesisReuseCache's key: an address may be reused).
  const uint64_t serial = next_serial();
  GeneratorConfig config;
  GeneratorModule net{nullptr};
  torch::Tensor latent_avg;
  torch::Device device = torch::kCPU;
  torch::ScalarType dtype = torch::kFloat32;

  StyledConv conv(size_t i) const { return StyledConv(std::dynamic_pointer_cast<StyledConvImpl>(net->convs->ptr(i))); }
  ToRgb rgb(size_t i) const { return ToRgb(std::dynamic_pointer_cast<ToRgbImpl>(net->to_rgbs->ptr(i))); }
  size_t blocks() const { return config.channels.size() - 1; }

  static uint64_t next_serial() {
    static std::atomic<uint64_t> count{0};
    return ++count;
  }

  // What a kept beginning of a synthesis depends on besides its styles (stylegan2/synthesis_reuse.h).
  SynthesisReuseCache::Key reuse_key(int64_t output_size) const {
    SynthesisReuseCache::Key key;
    key.generator = serial;
    key.weights_version = 0;
    for (const auto& p : net->parameters()) key.weights_version += static_cast<int64_t>(p._version());
    key.output_size = output_size;
    key.bfloat16 = bfloat16_convolutions();
    return key;
  }

  // Modulated layers in synthesis order (conv1, to_rgb1, then per block conv_up, conv, to_rgb) with the W+ index
  // each one reads.
  std::vector<std::pair<ModulatedConv, int64_t>> modulated_layers() const {
    std::vector<std::pair<ModulatedConv, int64_t>> layers = {{net->conv1->conv, 0}, {net->to_rgb1->conv, 1}};
    for (size_t b = 0; b < blocks(); ++b) {
      layers.emplace_back(conv(2 * b)->conv, 1 + 2 * b);
      layers.emplace_back(conv(2 * b + 1)->conv, 2 + 2 * b);
      layers.emplace_back(rgb(b)->conv, 3 + 2 * b);
    }
    return layers;
  }

  // Tells each modulated conv the size of its input on the fast path (see ModulatedConv::prepare_fast).
  void prepare_fast() {
    if (!device.is_cpu()) return;  // elsewhere the plain path runs, which wants the weights as they are
    net->conv1->conv->prepare_fast(4 * 4);
    int64_t res = 4;
    for (size_t b = 0; b < blocks(); ++b, res *= 2) {
      conv(2 * b)->conv->prepare_fast(res * res);
      conv(2 * b + 1)->conv->prepare_fast(4 * res * res);
    }
  }

  // Noise for an output of size h × w; undefined for NoiseMode::Zero.
  torch::Tensor noise_for(size_t layer, int64_t n, int64_t h, int64_t w, const torch::Tensor& like,
                          const SynthesisOptions& o, NoiseGenerators& gen) const {
    if (o.noise == NoiseMode::Zero) return {};
    if (o.noise == NoiseMode::Const) return net->noise_buffers[layer];
    TORCH_CHECK(static_cast<int64_t>(gen.size()) == n, "one noise generator per sample");
    std::vector<torch::Tensor> noise;
    for (auto& g : gen) noise.push_back(torch::randn({1, 1, h, w}, g, torch::kFloat32));
    return (n == 1 ? noise[0] : torch::cat(noise)).to(like.device(), like.scalar_type());
  }

  // One StyledConv: modulated conv, noise, bias + leaky ReLU.
  torch::Tensor styled(const StyledConv& c, const torch::Tensor& x, const torch::Tensor& s, size_t noise_index,
                       const SynthesisOptions& o, NoiseGenerators& gen, bool fast) const {
    const int64_t up = c->conv->upsample ? 2 : 1;
    torch::Tensor noise = noise_for(noise_index, x.size(0), up * x.size(2), up * x.size(3), x, o, gen);
    if (!fast) {
      torch::Tensor y = plain_conv(c->conv, x, s, o);
      if (noise.defined()) y = y + c->noise->value * noise;
      return fused_leaky_relu(y, c->activate->value);
    }
    // The output before the phases: the freed phases then leave a hole the next convolution's output fits. In
    // the other order the heap grew by about one more output per block (first 1024² render: 255 k → 225 k page
    // faults, peak memory 1.12 → 1.00 GB).
    torch::Tensor out;
    if (c->conv->has_phases() && x.device().is_cpu())
      out = torch::empty({1, c->conv->out_channels, 2 * x.size(2), 2 * x.size(3)},
                         x.options().memory_format(torch::MemoryFormat::ChannelsLast));
    return styled_fast(c, x, s, noise, out);
  }

  static torch::Tensor plain_conv(const ModulatedConv& c, const torch::Tensor& x, const torch::Tensor& s,
                                  const SynthesisOptions& o) {
    return o.channels_last ? c->forward_plain_batched(x, s) : c->forward_plain(x, s);
  }

  // A StyledConv on the fast path, given the noise of its output (undefined: none). `out`: see
  // blur_phases_activate.
  static torch::Tensor styled_fast(const StyledConv& c, const torch::Tensor& x, const torch::Tensor& s,
                                   const torch::Tensor& noise, const torch::Tensor& out = {}) {
    return c->conv->forward_activated(x, s, Activation{noise, c->noise->value, c->activate->value, {}}, out);
  }

  // ToRGB's 1×1 conv on the fast path (not demodulated: its weights are modulated, never its input).
  static torch::Tensor rgb_conv(const ToRgb& r, const torch::Tensor& x, const torch::Tensor& s) {
    FastConv c = r->conv->forward_fast(x, s);
    return c.demod.defined() ? c.y * c.demod.view({1, -1, 1, 1}) : c.y;
  }

  torch::Tensor to_rgb(const ToRgb& r, const torch::Tensor& x, const torch::Tensor& s, const torch::Tensor& skip,
                       const SynthesisOptions& o, bool fast) const {
    torch::Tensor y = (fast ? rgb_conv(r, x, s) : plain_conv(r->conv, x, s, o)) + r->bias;
    if (!skip.defined()) return y;
    if (fast) {
      add_upsampled_(y, skip, r->upsample->value);
      return y;
    }
    return y + upfirdn2d(skip, r->upsample->value, 2, 1, {2, 1, 2, 1});
  }

  // Rows per band for the last block, or 0 for none. Bands pay a few halo rows of the up-sampling layer (about
  // 10 per band), and save the first render the page faults of ~400 MB of fresh activations at 1024² and every
  // render the trips of those activations through memory.
  static int64_t band_rows_for(const SynthesisOptions& o, const torch::Tensor& x, int64_t out_channels) {
    if (!x.device().is_cpu() || x.size(0) != 1) return 0;
    if (o.band_rows >= 0) return o.band_rows;
    constexpr int64_t kBandBytes = 16 << 20, kMinBlockBytes = 64 << 20;
    const int64_t row_bytes = out_channels * 2 * x.size(3) * static_cast<int64_t>(sizeof(float));
    if (row_bytes * 2 * x.size(2) < kMinBlockBytes) return 0;
    return std::max<int64_t>(16, kBandBytes / row_bytes);
  }

  // Block b (up-sampling conv, conv, ToRGB) band by band: output rows [r0, r1) need the up-sampled activation's
  // rows r0 − 1 … r1 (the 3×3 conv), which need input rows from ⌊(r0 − 2)/2⌋ − 1 to ⌊(r1 + 2)/2⌋ (transposed
  // conv and 4-tap blur). Each band computes those rows from a slice of x; rows next to a cut, which see zeros
  // where the image goes on, are dropped. Exact: every kept value reads only real rows or the image's own border.
  torch::Tensor block_in_bands(size_t b, const torch::Tensor& x, const std::vector<torch::Tensor>& s,
                               const torch::Tensor& skip, const SynthesisOptions& o, NoiseGenerators& gen,
                               int64_t band) const {
    const StyledConv up = conv(2 * b), same = conv(2 * b + 1);
    const ToRgb r = rgb(b);
    const int64_t h = x.size(2), w = x.size(3);
    const torch::Tensor noise_up = noise_for(1 + 2 * b, 1, 2 * h, 2 * w, x, o, gen);
    const torch::Tensor noise_same = noise_for(2 + 2 * b, 1, 2 * h, 2 * w, x, o, gen);
    auto rows = [](const torch::Tensor& t, int64_t first, int64_t last) {
      return t.defined() ? t.slice(2, first, last) : t;
    };
    const auto channels_last = x.options().memory_format(torch::MemoryFormat::ChannelsLast);
    torch::Tensor image = torch::empty({1, 3, 2 * h, 2 * w}, channels_last);
    for (int64_t r0 = 0; r0 < 2 * h; r0 += band) {
      const int64_t r1 = std::min(2 * h, r0 + band);
      const int64_t u0 = std::max<int64_t>(0, r0 - 1), u1 = std::min(2 * h, r1 + 1);  // up-sampled rows needed
      const int64_t x0 = std::max<int64_t>(0, (u0 - 1) / 2 - 1), x1 = std::min(h, (u1 + 1) / 2 + 1);
      const torch::Tensor u = styled_fast(up, x.slice(2, x0, x1), s[2 + 3 * b], rows(noise_up, 2 * x0, 2 * x1))
                                  .slice(2, u0 - 2 * x0, u1 - 2 * x0);
      const torch::Tensor v = styled_fast(same, u, s[3 + 3 * b], rows(noise_same, u0, u1));
      image.slice(2, r0, r1).copy_(rgb_conv(r, v.slice(2, r0 - u0, r1 - u0), s[4 + 3 * b]) + r->bias);
    }
    add_upsampled_(image, skip, r->upsample->value);
    return image;
  }

  bool weights_frozen() const {
    for (const auto& p : net->parameters())
      if (p.requires_grad()) return false;
    return true;
  }

  // One sample (styles [1, in]) through synthesis_with_gradients, up to the block whose resolution is `target`.
  torch::Tensor run_with_gradients(const std::vector<torch::Tensor>& s, const SynthesisOptions& o) const {
    const int64_t target = o.output_size ? o.output_size : config.size;
    NoiseGenerators gen = noise_generators(o.seed, 1);
    SynthesisLayers layers;
    layers.input = net->input->value;
    auto styled_layer = [&](const StyledConv& c, size_t noise_index, int64_t res) {
      return StyledLayer{c->conv.ptr(), c->noise->value, c->activate->value,
                         noise_for(noise_index, 1, res, res, layers.input, o, gen)};
    };
    layers.convs.push_back(styled_layer(net->conv1, 0, 4));
    layers.rgbs.push_back(RgbLayer{net->to_rgb1->conv.ptr(), net->to_rgb1->bias, {}});
    std::vector<torch::Tensor> used = {s[0], s[1]};
    int64_t res = 4;
    for (size_t b = 0; b < blocks() && res < target; ++b, res *= 2) {
      layers.convs.push_back(styled_layer(conv(2 * b), 1 + 2 * b, 2 * res));
      layers.convs.push_back(styled_layer(conv(2 * b + 1), 2 + 2 * b, 2 * res));
      layers.rgbs.push_back(RgbLayer{rgb(b)->conv.ptr(), rgb(b)->bias, rgb(b)->upsample->value});
      used.insert(used.end(), {s[2 + 3 * b], s[3 + 3 * b], s[4 + 3 * b]});
    }
    return synthesis_with_gradients(layers, used);
  }

  // Synthesis from styles (each [N, in]); stops at the block whose resolution is `target`.
  torch::Tensor run(const std::vector<torch::Tensor>& s, const SynthesisOptions& o, bool fast) const {
    std::optional<WinogradConvolutions> winograd;
    if (fast) winograd.emplace();  // inference renders: the constant 3×3 layers by Winograd where the CPU has it
    const int64_t target = o.output_size ? o.output_size : config.size;
    NoiseGenerators gen = noise_generators(o.seed, s[0].size(0));
    BlockTimes::start();
    // Stages 0 (4²) and b + 1 (block b) before `first` come from the cache of a SynthesisReuse scope.
    SynthesisReuseCache* reuse = fast && device.is_cpu() && s[0].size(0) == 1 && o.noise == NoiseMode::Const
                                     ? SynthesisReuse::active()
                                     : nullptr;
    const size_t first = reuse ? reuse->first_stage_to_compute(reuse_key(target), s) : 0;
    SynthesisReuse::count_reused(static_cast<int64_t>(first));
    torch::Tensor x, skip;
    if (first == 0) {
      x = net->input->value.repeat({s[0].size(0), 1, 1, 1});
      // The fast path's layout (ModulatedConv::forward_fast), and the plain path's NHWC form.
      if (fast || o.channels_last) x = x.contiguous(torch::MemoryFormat::ChannelsLast);
      x = styled(net->conv1, x, s[0], 0, o, gen, fast);
      skip = to_rgb(net->to_rgb1, x, s[1], {}, o, fast);
      if (reuse) reuse->keep(0, x, skip);
    } else {
      std::tie(x, skip) = reuse->stages[first - 1];
    }
    BlockTimes::block_done();
    int64_t res = 4;
    for (size_t b = 0; b < blocks() && res < target; ++b, res *= 2) {
      if (b + 1 < first) {  // kept
        BlockTimes::block_done();
        continue;
      }
      if (const int64_t band = fast && 2 * res == target ? band_rows_for(o, x, conv(2 * b)->conv->out_channels) : 0) {
        torch::Tensor image = block_in_bands(b, x, s, skip, o, gen, band);
        BlockTimes::block_done();
        if (reuse) reuse->finish(s);
        return image.contiguous();
      }
      x = styled(conv(2 * b), x, s[2 + 3 * b], 1 + 2 * b, o, gen, fast);
      x = styled(conv(2 * b + 1), x, s[3 + 3 * b], 2 + 2 * b, o, gen, fast);
      skip = to_rgb(rgb(b), x, s[4 + 3 * b], skip, o, fast);
      if (reuse) reuse->keep(b + 1, x, skip);
      BlockTimes::block_done();
    }
    if (reuse) reuse->finish(s);
    return skip.contiguous();  // callers get plain NCHW whatever layout the fast path used
  }
};

StyleGan2::StyleGan2(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
StyleGan2::~StyleGan2() = default;

const GeneratorConfig& StyleGan2::config() const { return impl_->config; }
torch::Device StyleGan2::device() const { return impl_->device; }
torch::ScalarType StyleGan2::dtype() const { return impl_->dtype; }
torch::Tensor StyleGan2::latent_avg() const { return impl_->latent_avg; }
torch::nn::Module& StyleGan2::module() { return *impl_->net; }

torch::Tensor StyleGan2::mapping(const torch::Tensor& z) const {
  check_network_thread("StyleGAN2 mapping");
  if (z.dim() != 2 || z.size(1) != style_dim())
    throw Error("mapping expects z of shape [N, " + std::to_string(style_dim()) + "]");
  torch::Tensor x = z.to(impl_->device, impl_->dtype);
  x = x * torch::rsqrt(x.pow(2).mean(1, true) + 1e-8);  // PixelNorm
  for (const auto& layer : impl_->net->mlp) x = layer->forward(x);
  return x;
}

torch::Tensor StyleGan2::to_wplus(const torch::Tensor& w, double psi) const {
  torch::Tensor wp = w.dim() == 2 ? w.unsqueeze(1).repeat({1, n_latent(), 1}) : w;
  if (psi == 1.0) return wp;
  torch::Tensor avg = impl_->latent_avg.view({1, 1, -1});
  return avg + psi * (wp - avg);
}

std::vector<torch::Tensor> StyleGan2::styles(const torch::Tensor& wplus) const {
  check_network_thread("StyleGAN2 styles");
  if (wplus.dim() != 3 || wplus.size(1) != n_latent() || wplus.size(2) != style_dim())
    throw Error("W+ must have shape [N, " + std::to_string(n_latent()) + ", " + std::to_string(style_dim()) + "]");
  torch::Tensor w = wplus.to(impl_->device, impl_->dtype);
  std::vector<torch::Tensor> out;
  for (auto& [layer, index] : impl_->modulated_layers()) out.push_back(layer->modulation->forward(w.select(1, index)));
  return out;
}

torch::Tensor StyleGan2::synthesis_from_styles(const std::vector<torch::Tensor>& styles,
                                               const SynthesisOptions& o) const {
  check_network_thread("StyleGAN2 synthesis");
  if (styles.size() != 2 + 3 * impl_->blocks()) throw Error("wrong number of style vectors for this generator");
  if (o.output_size && (!is_power_of_two(o.output_size) || o.output_size > size()))
    throw Error("output size " + std::to_string(o.output_size) + " must be a power of two from 4 to " +
                std::to_string(size()));
  std::vector<torch::Tensor> s;
  for (const auto& t : styles) s.push_back(t.to(impl_->device, impl_->dtype));  // no copy when already there
  // The fast path and its hand-written gradients are CPU kernels; other devices run the plain path, batched.
  if (!impl_->device.is_cpu()) {
    c10::optional<torch::InferenceMode> inference;
    if (o.fast) inference.emplace();
    torch::Tensor image = impl_->run(s, o, false);
    return impl_->dtype == torch::kFloat32 ? image : image.to(torch::kFloat32);
  }
  if (!o.fast && !(o.fast_gradients && impl_->weights_frozen())) return impl_->run(s, o, false);
  c10::optional<torch::InferenceMode> inference;
  if (o.fast) inference.emplace();
  std::vector<torch::Tensor> images;
  const int64_t n = s[0].size(0);
  for (int64_t i = 0; i < n; ++i) {
    std::vector<torch::Tensor> one;
    for (const auto& t : s) one.push_back(t.slice(0, i, i + 1));
    SynthesisOptions oi = o;
    oi.seed = o.seed + static_cast<uint64_t>(i);  // random noise differs per sample, reproducibly
    images.push_back(o.fast ? impl_->run(one, oi, true) : impl_->run_with_gradients(one, oi));
  }
  return n == 1 ? images[0] : torch::cat(images, 0);
}

torch::Tensor StyleGan2::synthesis(const torch::Tensor& wplus, const SynthesisOptions& o) const {
  check_network_thread("StyleGAN2 synthesis");
  if (o.fast) {
    torch::InferenceMode guard;
    return synthesis_from_styles(styles(wplus), o);
  }
  return synthesis_from_styles(styles(wplus), o);
}

std::shared_ptr<StyleGan2> StyleGan2::cast(torch::ScalarType dtype) const {
  if (dtype != torch::kFloat32 && dtype != torch::kFloat16 && dtype != torch::kBFloat16)
    throw Error(std::string("a generator computes in float32, float16 or bfloat16, not ") + c10::toString(dtype));
  if (dtype != torch::kFloat32 && impl_->device.is_cpu())
    throw Error(std::string("reduced precision (") + c10::toString(dtype) +
                ") synthesis needs a CUDA device; on the CPU the generator computes in float32");
  auto g = std::shared_ptr<StyleGan2>(new StyleGan2(std::make_unique<Impl>()));
  g->impl_->config = impl_->config;
  {
    stylegan2::SkipWeightInit uninitialised;  // every weight is copied below
    g->impl_->net = GeneratorModule(impl_->config, impl_->net->mlp.empty() ? 0.01 : impl_->net->mlp.front()->lr_mul);
  }
  g->impl_->net->eval();
  {
    torch::NoGradGuard no_grad;
    const auto params = impl_->net->named_parameters(), buffers = impl_->net->named_buffers();
    for (auto& p : g->impl_->net->named_parameters()) p.value().set_data(params[p.key()].detach().clone());
    for (auto& b : g->impl_->net->named_buffers()) b.value().set_data(buffers[b.key()].clone());
  }
  g->impl_->net->to(impl_->device, dtype);  // in place: noise_buffers still name the module's buffers
  g->impl_->device = impl_->device;
  g->impl_->dtype = dtype;
  g->impl_->latent_avg = impl_->latent_avg.to(impl_->device, dtype);
  g->impl_->prepare_fast();
  return g;
}

namespace {

GeneratorConfig config_from(const io::TensorMap& t, const std::string& what) {
  auto need = [&](const std::string& key) -> const torch::Tensor& {
    auto it = t.find(key);
    if (it == t.end()) throw Error(what + ": missing key '" + key + "'; is this a StyleGAN2 (rosinality layout) file?");
    return it->second;
  };
  GeneratorConfig c;
  c.style_dim = need("style.1.weight").size(1);
  while (t.count("style." + std::to_string(c.n_mlp + 1) + ".weight")) ++c.n_mlp;
  c.channels.push_back(need("input.input").size(1));
  int64_t blocks = 0;
  while (t.count("to_rgbs." + std::to_string(blocks) + ".bias")) ++blocks;
  for (int64_t b = 0; b < blocks; ++b) c.channels.push_back(need("convs." + std::to_string(2 * b) + ".conv.weight").size(1));
  c.size = int64_t(4) << blocks;
  c.n_latent = 2 * (blocks + 2) - 2;
  return c;
}

}  // namespace

std::shared_ptr<StyleGan2> StyleGan2::load(const std::string& path, const GeneratorLoadOptions& options) {
  io::Checkpoint ckpt = io::load_checkpoint(path);
  std::string prefix;
  if (ckpt.find("g_ema")) prefix = "g_ema.";
  else if (ckpt.find("state_dict")) prefix = "state_dict.decoder.";
  io::TensorMap tensors = ckpt.tensors_with_prefix(prefix);
  const std::string what = path + (prefix.empty() ? "" : " (" + prefix.substr(0, prefix.size() - 1) + ")");
  if (tensors.empty())
    throw Error(what + ": no generator weights found (expected 'g_ema' or 'state_dict' with 'decoder.*' keys)");
  GeneratorConfig c = config_from(tensors, what);
  auto g = std::shared_ptr<StyleGan2>(new StyleGan2(std::make_unique<Impl>()));
  g->impl_->config = c;
  {
    stylegan2::SkipWeightInit uninitialised;  // load_state_dict fills every weight (missing keys are an error)
    g->impl_->net = GeneratorModule(c, options.lr_mlp);
  }
  StateDictOptions sd;
  sd.allow_missing = [](const std::string& k) { return k.rfind("noises.", 0) == 0; };
  load_state_dict(*g->impl_->net, tensors, what, "StyleGAN2 generator", sd);
  g->impl_->net->eval();
  g->impl_->net->to(options.device);
  g->impl_->device = options.device;
  g->impl_->prepare_fast();
  if (auto avg = ckpt.find("latent_avg"); avg && avg->is(io::ValueKind::Tensor)) {
    torch::Tensor a = avg->as_tensor().to(torch::kFloat32);
    // pSp stores it repeated per layer ([n_latent, style_dim]); the generator's mean w is one row.
    g->impl_->latent_avg = (a.dim() == 2 ? a.mean(0) : a.flatten()).to(options.device);
  } else {
    torch::NoGradGuard no_grad;
    auto gen = at::detail::createCPUGenerator(123);
    g->impl_->latent_avg = g->mapping(torch::randn({4096, c.style_dim}, gen, torch::kFloat32)).mean(0);
  }
  log::get("nn")->info("loaded StyleGAN2 {}² (style_dim {}, {} mapping layers) from {}", c.size, c.style_dim, c.n_mlp, path);
  return g;
}

std::shared_ptr<StyleGan2> StyleGan2::random(int64_t size, int64_t style_dim, int64_t n_mlp, int64_t cm, uint64_t seed,
                                             torch::Device device, int64_t max_channels) {
  if (!is_power_of_two(size) || size < 8) throw Error("generator size must be a power of two ≥ 8");
  GeneratorConfig c;
  c.size = size;
  c.style_dim = style_dim;
  c.n_mlp = n_mlp;
  const std::map<int64_t, int64_t> table = {{4, 512}, {8, 512}, {16, 512}, {32, 512}, {64, 256 * cm},
                                            {128, 128 * cm}, {256, 64 * cm}, {512, 32 * cm}, {1024, 16 * cm}};
  for (int64_t r = 4; r <= size; r *= 2)
    c.channels.push_back(std::min(max_channels, table.count(r) ? table.at(r) : 16 * cm));
  c.n_latent = 2 * static_cast<int64_t>(std::log2(static_cast<double>(size))) - 2;
  torch::manual_seed(seed);
  auto g = std::shared_ptr<StyleGan2>(new StyleGan2(std::make_unique<Impl>()));
  g->impl_->config = c;
  g->impl_->net = GeneratorModule(c, 0.01);
  g->impl_->net->eval();
  g->impl_->net->to(device);
  g->impl_->device = device;
  g->impl_->prepare_fast();
  torch::NoGradGuard no_grad;
  g->impl_->latent_avg = g->mapping(torch::randn({1024, style_dim}).to(device)).mean(0);
  return g;
}

}  // namespace facet::nn
