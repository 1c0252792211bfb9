#pragma once
// Image2StyleGAN embedding (Abdal, Qin, Wonka — ICCV 2019): optimise a W+ code with Adam so that the generator
// reproduces a target image, under λ_mse · pixel MSE + λ_p · perceptual loss. Optionally the noise maps are
// optimised too, with the StyleGAN2 projector's noise regularisation (multi-scale autocorrelation penalty, maps
// re-normalised after each step). Runs on the generator's device, its gradients through the fast path's hand-written
// backward (EmbedOptions::fast_gradients).
#include <atomic>
#include <functional>
#include <memory>
#include <vector>

#include <torch/types.h>

#include "core/embed/perceptual_loss.h"
#include "core/nn/stylegan2/generator.h"

namespace facet::embed {

struct EmbedOptions {
  int steps = 1000;  // the paper uses 5000; most of the quality comes far sooner
  double lr = 0.01;
  double beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
  double lambda_mse = 1.0;         // on images in [-1, 1]
  double lambda_perceptual = 1.0;  // ignored when the perceptual loss is None
  bool optimise_noise = false;     // also optimise the noise maps (starting from seeded N(0, 1) maps)
  double lambda_noise = 1e5;       // noise regularisation weight (the StyleGAN2 projector's default)
  uint64_t seed = 0;               // seeds the initial noise maps and any other randomness
  int64_t feature_size = 256;      // images larger than this are average-pooled to it for the perceptual loss
  torch::Tensor start;             // W+ [1, n_latent, style_dim] to start from; undefined: latent_avg
  // Return the code with the lowest loss seen (the start included) rather than the last one: Adam's last step is
  // not always its best, and a cancelled run should keep the best code so far (the editor's photo refinement).
  bool keep_best = false;
  // 0: the generator's size; else a power of two below it: embed against that preview (the target has that size).
  int64_t output_size = 0;
  // Gradients through the generator's fast path and its hand-written backward (nn::SynthesisOptions::
  // fast_gradients); false: autograd over the plain path (the same function, slower, several times the memory).
  bool fast_gradients = true;
};

struct EmbedProgress {
  int step = 0;  // 1-based: the step just taken
  int steps = 0;
  double loss = 0, mse = 0, perceptual = 0, noise_reg = 0;
  double psnr = 0;  // of the image before this step's update, images clamped to [-1, 1] and seen as [0, 1]
};

struct EmbedResult {
  torch::Tensor wplus;                // [1, n_latent, style_dim] on the CPU
  std::vector<torch::Tensor> noises;  // the optimised noise maps (only with optimise_noise), CPU
  torch::Tensor image;                // G(wplus) with those noises, [1, 3, S, S] in about [-1, 1], CPU
  int steps_done = 0;
  bool cancelled = false;
  int best_step = -1;  // with keep_best: the steps taken before the returned code (0: the start); else -1
  double final_loss = 0, final_psnr = 0;  // of `image` against the target
  double ms_per_step = 0;
};

using EmbedCallback = std::function<void(const EmbedProgress&)>;

// Peak signal-to-noise ratio (dB) between images in [-1, 1] (clamped, peak 1 on the [0, 1] scale).
double psnr(const torch::Tensor& a, const torch::Tensor& b);

class Image2StyleGan {
 public:
  Image2StyleGan(std::shared_ptr<nn::StyleGan2> generator, PerceptualLoss perceptual = {});

  // target: [1, 3, S, S] in [-1, 1], S the generator's size (resize first). The generator's weights get no
  // gradients; with optimise_noise its noise buffers are borrowed during the call and restored afterwards (do not
  // run the same generator elsewhere meanwhile). cancel, when set, stops the loop before the next step.
  EmbedResult embed(const torch::Tensor& target, const EmbedOptions& options, const EmbedCallback& progress = {},
                    const std::atomic<bool>* cancel = nullptr) const;

  const PerceptualLoss& perceptual() const { return perceptual_; }

 private:
  std::shared_ptr<nn::StyleGan2> generator_;
  PerceptualLoss perceptual_;
};

// The StyleGAN2 projector's noise regulariser: Σ over maps and scales (down to 8²) of the squared mean
// autocorrelation with a one-pixel shift along x and along y.
torch::Tensor noise_regularisation(const std::vector<torch::Tensor>& noises);

}  // namespace facet::embed
