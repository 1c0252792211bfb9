#pragma once
// The photo flow's optional refinement after the encoder: Image2StyleGAN (core/embed) optimises the W+ code so
// the generator reproduces the aligned face, under pixel MSE plus a perceptual loss (LPIPS when its files are
// installed, else VGG-16 features). It starts from the encoder's code, or from the generator's average face
// (latent_avg) when no encoder is installed — so a photo can be edited without one. Runs on a pool thread; cancel
// stops before the next step and the best code seen so far is kept. Only built with core/face.
#include <atomic>
#include <functional>
#include <string>

#include <opencv2/core.hpp>
#include <torch/types.h>

#include "app/editor/model_registry.h"
#include "core/embed/image2stylegan.h"

namespace facet::ui {

// The perceptual loss from the models folders: LPIPS (vgg16-397923af.pth + lpips_vgg_v0.1.pth) or VGG-16 features
// (vgg16-397923af.pth alone). facet::Error with a plain message saying what to get when VGG-16 is missing.
embed::PerceptualLoss loadRefinementPerceptual(const torch::Device& device);

struct RefinedFace {
  torch::Tensor wplus;  // [1, n_latent, style_dim] CPU: the best code seen
  int steps_done = 0;
  bool cancelled = false;
  double psnr = 0;  // of G(wplus) against the aligned face, dB
};

// aligned: the FFHQ crop (BGR uint8, any size; area-resized to the generator's size). start: the encoder's W+
// (undefined: latent_avg). progress is called after each step (on the calling thread).
RefinedFace refineFace(const app::EditorModels& models, const embed::PerceptualLoss& perceptual,
                       const cv::Mat& aligned, const torch::Tensor& start, int steps,
                       const embed::EmbedCallback& progress, const std::atomic<bool>& cancel);

}  // namespace facet::ui
