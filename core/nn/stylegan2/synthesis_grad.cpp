#include "core/nn/stylegan2/synthesis_grad.h"

#include <algorithm>
#include <atomic>
#include <cmath>

#include <torch/csrc/autograd/function.h>
#include <torch/torch.h>

#include "core/nn/stylegan2/backward_ops.h"
#include "core/nn/stylegan2/conv_layout.h"
#include "core/nn/stylegan2/fast_ops.h"
#include "core/nn/stylegan2/portable_winograd.h"
#include "core/nn/stylegan2/upfirdn2d.h"
#include "core/nn/stylegan2/weight_grads.h"
#include "core/nn/stylegan2/winograd_conv.h"

namespace facet::nn::stylegan2 {

namespace F = torch::nn::functional;
using torch::autograd::variable_list;

namespace {

constexpr auto kChannelsLast = torch::MemoryFormat::ChannelsLast;
std::atomic<std::uint64_t> backward_runs{0};

// [1, C, H, W] channels-last as the [H·W, C] matrix it is in memory (a view).
torch::Tensor pixels_by_channels(const torch::Tensor& t) {
  return t.permute({0, 2, 3, 1}).reshape({t.size(2) * t.size(3), t.size(1)});
}

// The weights' transforms (one for the forward, one for the data gradient, the weight gradient's back) cost in
// proportion to in·out, what the Winograd saves to H·W·in·out: at 32² they cost as much as it saves (512 channels
// on the AVX-512 VM: forward 27 → 11 ms and weight gradient 31 → 50 ms, 19 ms a transform), from 64² it pays.
constexpr int64_t kTuningWinogradMinSide = 64;

// Whether StyledConv `conv` on input x takes the portable Winograd in all three directions (forward, data and
// weight gradients) when the weights are being tuned: the wide 3×3 stride-1 layers from 64², where it pays on
// every CPU when its bands run in parallel (facet-cli's tuning; with a threaded BLAS, as in the editor, its smaller
// products lose to the direct convolutions). Its weights are transformed at each call, as tuning changes them at
// every step. The gradients w.r.t. W+ alone (frozen weights) keep the direct convolutions: their callers run BLAS
// threaded, and their parity tests hold every W+ row to 1e-4, which the Winograd's rounding (6e-6 of a layer's
// range) breaks at full width by flipping pre-activations across the leaky ReLU's kink.
bool winograd_layer(const ModulatedConvImpl& conv, const torch::Tensor& x) {
  return conv.demodulate && !conv.upsample && conv.kernel_size == 3 && x.device().is_cpu() &&
         x.scalar_type() == torch::kFloat32 && conv.weight.scalar_type() == torch::kFloat32 && x.size(0) == 1 &&
         std::min(conv.in_channels, conv.out_channels) >= WinogradConv3x3::kPortableMinChannels &&
         x.size(2) >= kTuningWinogradMinSide && x.size(3) >= kTuningWinogradMinSide &&
         WinogradConv3x3::portable_available() && PortableWinograd::bands_in_parallel();
}

// A StyledConv's forward by the portable Winograd: conv(x·f, W) · d, then the epilogue (ModulatedConv's
// input-modulating form, with the weights as they are now).
torch::Tensor winograd_styled_forward(const ModulatedConvImpl& conv, const torch::Tensor& x, const torch::Tensor& style,
                                      Activation epilogue) {
  const torch::Tensor w = conv.weight[0];
  const torch::Tensor f = style.reshape({conv.in_channels}) * conv.scale;
  epilogue.demod = torch::rsqrt(torch::mv(w.pow(2).sum({2, 3}), f.pow(2)) + 1e-8);
  torch::Tensor y = PortableWinograd(w).forward(x * f.view({1, -1, 1, 1}));
  activate_(y, epilogue);
  return y;
}

torch::Tensor rgb_forward(const RgbLayer& r, const torch::Tensor& x, const torch::Tensor& s, const torch::Tensor& skip) {
  FastConv c = r.conv->forward_fast(x, s);
  torch::Tensor y = (c.demod.defined() ? c.y * c.demod.view({1, -1, 1, 1}) : c.y) + r.bias;
  if (skip.defined()) add_upsampled_(y, skip, r.skip_kernel);
  return y;
}

// Where each weight's gradient goes among the node's outputs; 0 for a weight that wants none (the styles come
// first, so no weight has index 0).
struct ConvSlots {
  size_t weight = 0, noise_weight = 0, bias = 0;
};
struct RgbSlots {
  size_t weight = 0, bias = 0;
};
struct ParameterSlots {
  std::vector<ConvSlots> convs;
  std::vector<RgbSlots> rgbs;
  size_t input = 0;
};

// The weights that require grad as further inputs of the node, their slots recorded.
ParameterSlots weight_inputs(const SynthesisLayers& layers, size_t first, std::vector<torch::Tensor>& inputs) {
  ParameterSlots slots;
  auto take = [&](const torch::Tensor& t) -> size_t {
    if (!t.defined() || !t.requires_grad()) return 0;
    inputs.push_back(t);
    return first + inputs.size() - 1;
  };
  slots.input = take(layers.input);
  for (const auto& c : layers.convs) slots.convs.push_back({take(c.conv->weight), take(c.noise_weight), take(c.bias)});
  for (const auto& r : layers.rgbs) slots.rgbs.push_back({take(r.conv->weight), take(r.bias)});
  return slots;
}

bool any_weight_requires_grad(const SynthesisLayers& layers) {
  std::vector<torch::Tensor> inputs;
  weight_inputs(layers, 1, inputs);
  return !inputs.empty();
}

struct SynthesisBackward : torch::autograd::Node {
  SynthesisLayers layers;
  std::vector<torch::Tensor> styles;       // detached, [1, in]
  std::vector<torch::Tensor> activations;  // the input, then each StyledConv's output (channels-last)
  std::vector<size_t> noise_inputs;        // the convs whose noise map is an input of this node (after the styles)
  std::vector<bool> by_winograd;           // per conv: the forward ran the portable Winograd (winograd_layer)
  ParameterSlots slots;                    // the weights that are inputs of this node (after the noise maps)
  int64_t image_size = 0;

  std::string name() const override { return "StyleGan2SynthesisBackward"; }
  void release_variables() override {
    layers = {};
    styles.clear();
    activations.clear();
  }

  // dL/dy of StyledConv k → its style's gradient, and dL/dx (undefined for conv1, whose input is constant).
  torch::Tensor conv_backward(size_t k, torch::Tensor g, variable_list& grads, size_t style_index,
                              std::vector<torch::Tensor>& noise_grads) const {
    const ConvSlots& slot = slots.convs[k];
    const StyledLayer& layer = layers.convs[k];
    const ModulatedConvImpl& conv = *layer.conv;
    const torch::Tensor w = conv.weight[0];  // [out, in, k, k]
    const torch::Tensor f = styles[style_index].reshape({conv.in_channels}) * conv.scale;
    const torch::Tensor squared = w.pow(2).sum({2, 3});  // [out, in]
    const torch::Tensor demod = torch::rsqrt(torch::mv(squared, f.pow(2)) + 1e-8);
    Activation a{layer.noise.defined() ? layer.noise.detach() : torch::Tensor(), layer.noise_weight, layer.bias, demod};
    ActivationGrad ag = activation_backward_(g, activations[k + 1], a, noise_grads.size() > k && layer.noise.requires_grad());
    if (ag.noise.defined()) noise_grads[k] = ag.noise;
    if (slot.bias || slot.noise_weight) {
      EpilogueGrads eg = epilogue_grads(g, demod, a.noise);
      if (slot.bias) grads[slot.bias] = eg.bias;
      if (slot.noise_weight) grads[slot.noise_weight] = eg.noise_weight.defined() ? eg.noise_weight : torch::zeros({1});
    }
    torch::Tensor gxf;
    if (conv.upsample) {
      const torch::Tensor gt = blur_adjoint(g, conv.blur->value);
      gxf = F::conv2d(gt, w.transpose(0, 1).contiguous(kChannelsLast), F::Conv2dFuncOptions().stride(2));
      if (slot.weight) grads[slot.weight] = styled_weight_grad(conv, gt, activations[k], f, demod, ag.demod_sum);
    } else {
      const torch::Tensor adjoint = w.flip({2, 3}).transpose(0, 1);
      const bool winograd = by_winograd[k];
      if (winograd) {
        gxf = PortableWinograd(adjoint).forward(g);
      } else {
        gxf = conv.kernel_size == 3 ? conv3x3_channels_last(g, adjoint)
                                    : F::conv2d(g, adjoint.contiguous(kChannelsLast),
                                                F::Conv2dFuncOptions().padding(conv.kernel_size / 2));
      }
      if (slot.weight)
        grads[slot.weight] = styled_weight_grad(conv, g, activations[k], f, demod, ag.demod_sum, winograd);
    }
    gxf = gxf.contiguous(kChannelsLast);
    const bool input_grad = k > 0 || slots.input;
    torch::Tensor gf = input_backward_(gxf, activations[k], f, input_grad);
    // The demodulation's share: ∂d_o/∂f_i = −d_o³·Σ_k W_oik²·f_i, and dL/dd_o = demod_sum_o / d_o.
    gf = gf - f * torch::mv(squared.t(), ag.demod_sum * demod.pow(2));
    grads[style_index] = (gf * conv.scale).view({1, conv.in_channels});
    if (k == 0 && slots.input) grads[slots.input] = gxf.contiguous();
    return k > 0 ? gxf : torch::Tensor();
  }

  // ToRGB of block output x (channels-last), dL/d(rgb) g [1, 3, H, W] → its style's gradient, and dL/dx added to
  // gx (or made, when undefined).
  void rgb_backward(size_t i, const torch::Tensor& x, const torch::Tensor& g, variable_list& grads,
                    size_t style_index, torch::Tensor& gx) const {
    const RgbLayer& r = layers.rgbs[i];
    const ModulatedConvImpl& conv = *r.conv;
    const torch::Tensor w = conv.weight.reshape({conv.out_channels, conv.in_channels});
    const torch::Tensor f = styles[style_index].reshape({conv.in_channels}) * conv.scale;
    const torch::Tensor g2 = pixels_by_channels(g.contiguous(kChannelsLast));  // [P, 3]
    const torch::Tensor m = torch::mm(pixels_by_channels(x).t(), g2);          // [in, 3]: Σ_p x_i·g_o
    grads[style_index] = ((w.t() * m).sum(1) * conv.scale).view({1, conv.in_channels});
    if (slots.rgbs[i].weight) grads[slots.rgbs[i].weight] = rgb_weight_grad(conv, m, f);
    if (slots.rgbs[i].bias) grads[slots.rgbs[i].bias] = g2.sum(0).view({1, 3, 1, 1});
    const torch::Tensor wf = w * f.view({1, -1});  // [3, in]
    if (gx.defined()) {
      torch::Tensor view = pixels_by_channels(gx);
      view.addmm_(g2, wf);
    } else {
      gx = torch::mm(g2, wf).view({1, x.size(2), x.size(3), conv.in_channels}).permute({0, 3, 1, 2});
    }
  }

  variable_list apply(variable_list&& inputs) override {
    backward_runs.fetch_add(1, std::memory_order_relaxed);
    TORCH_CHECK(!activations.empty(), "StyleGAN2 synthesis: backward through the same image twice (its saved "
                                      "activations are freed after the first; render again)");
    torch::NoGradGuard no_grad;
    variable_list grads(num_outputs());
    std::vector<torch::Tensor> noise_grads(noise_inputs.empty() ? 0 : layers.convs.size());
    torch::Tensor g_skip = inputs[0].defined() ? inputs[0].to(torch::kFloat32).contiguous()
                                               : torch::zeros({1, 3, image_size, image_size});
    const size_t blocks = layers.rgbs.size() - 1;
    torch::Tensor g_next;  // dL/d(the current block's output) from the layer above
    for (size_t i = blocks + 1; i-- > 0;) {
      const RgbLayer& r = layers.rgbs[i];
      const torch::Tensor g_rgb = g_skip;
      if (r.skip_kernel.defined())
        g_skip = upfirdn2d(g_rgb, torch::flip(r.skip_kernel, {0, 1}), 1, 2, {1, 2, 1, 2});
      const size_t last_conv = 2 * i;  // conv1 for i = 0; block i−1's second conv otherwise
      rgb_backward(i, activations[last_conv + 1], g_rgb, grads, i == 0 ? 1 : 1 + 3 * i, g_next);
      if (i == 0) {
        conv_backward(0, g_next, grads, 0, noise_grads);
        break;
      }
      torch::Tensor g = conv_backward(last_conv, g_next, grads, 3 * i, noise_grads);
      g_next = conv_backward(last_conv - 1, g, grads, 3 * i - 1, noise_grads);
    }
    for (size_t j = 0; j < noise_inputs.size(); ++j) grads[styles.size() + j] = noise_grads[noise_inputs[j]];
    release_variables();
    return grads;
  }
};

}  // namespace

torch::Tensor synthesis_with_gradients(const SynthesisLayers& layers, const std::vector<torch::Tensor>& styles) {
  TORCH_CHECK(layers.rgbs.size() >= 1 && layers.convs.size() == 2 * layers.rgbs.size() - 1 &&
                  styles.size() == 2 + 3 * (layers.rgbs.size() - 1),
              "synthesis_with_gradients: ", styles.size(), " styles for ", layers.convs.size(), " convolutions");
  bool needs_graph = false;
  if (torch::GradMode::is_enabled()) {
    for (const auto& s : styles) needs_graph = needs_graph || s.requires_grad();
    for (const auto& c : layers.convs) needs_graph = needs_graph || (c.noise.defined() && c.noise.requires_grad());
    needs_graph = needs_graph || any_weight_requires_grad(layers);
  }
  std::vector<torch::Tensor> detached;
  for (const auto& s : styles) detached.push_back(s.detach());

  torch::NoGradGuard no_grad;
  std::vector<torch::Tensor> activations = {layers.input.contiguous(kChannelsLast)};
  const bool tuning = needs_graph && any_weight_requires_grad(layers);
  std::vector<bool> by_winograd(layers.convs.size(), false);
  auto styled = [&](size_t k, size_t style_index) {
    const StyledLayer& l = layers.convs[k];
    const torch::Tensor& x = activations.back();
    torch::Tensor out;
    if (l.conv->has_phases())  // allocated before the phases: see StyleGan2's styled()
      out = torch::empty({1, l.conv->out_channels, 2 * x.size(2), 2 * x.size(3)}, x.options().memory_format(kChannelsLast));
    Activation a{l.noise.defined() ? l.noise.detach() : torch::Tensor(), l.noise_weight, l.bias, {}};
    by_winograd[k] = tuning && winograd_layer(*l.conv, x);
    activations.push_back(by_winograd[k] ? winograd_styled_forward(*l.conv, x, detached[style_index], a)
                                         : l.conv->forward_activated(x, detached[style_index], a, out));
  };
  styled(0, 0);
  torch::Tensor skip = rgb_forward(layers.rgbs[0], activations.back(), detached[1], {});
  for (size_t b = 1; b < layers.rgbs.size(); ++b) {
    styled(2 * b - 1, 3 * b - 1);
    styled(2 * b, 3 * b);
    skip = rgb_forward(layers.rgbs[b], activations.back(), detached[1 + 3 * b], skip);
  }
  torch::Tensor image = skip.contiguous();
  if (!needs_graph) return image;

  auto node = std::shared_ptr<SynthesisBackward>(new SynthesisBackward(), torch::autograd::deleteNode);
  node->layers = layers;
  node->styles = std::move(detached);
  node->activations = std::move(activations);
  node->by_winograd = std::move(by_winograd);
  node->image_size = image.size(2);
  std::vector<torch::Tensor> noises;
  for (size_t k = 0; k < layers.convs.size(); ++k)
    if (layers.convs[k].noise.defined() && layers.convs[k].noise.requires_grad()) {
      node->noise_inputs.push_back(k);
      noises.push_back(layers.convs[k].noise);
    }
  std::vector<torch::Tensor> weights;
  node->slots = weight_inputs(layers, styles.size() + noises.size(), weights);
  node->set_next_edges(torch::autograd::collect_next_edges(styles, noises, weights));
  torch::autograd::create_gradient_edge(image, node);
  return image;
}

std::uint64_t synthesis_backward_runs() { return backward_runs.load(std::memory_order_relaxed); }

}  // namespace facet::nn::stylegan2
