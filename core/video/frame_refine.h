#pragma once
// edit-video's optional per-frame optimisation: Image2StyleGAN
// (core/embed) for a fixed number of steps per frame, from the start code edit_video passes (the encoder's W+, the
// previous frame's refined code, or latent_avg). Returns the function VideoEditModels::refine expects.
#include <atomic>
#include <functional>
#include <memory>

#include <torch/types.h>

#include "core/embed/image2stylegan.h"

namespace facet::video {

using RefineFn = std::function<torch::Tensor(const torch::Tensor& target, const torch::Tensor& start)>;

// options.steps is the steps per frame (> 0); options.start is ignored (each call passes its own). cancel, when set,
// ends a frame's optimisation early (edit_video then stops before the next frame).
RefineFn make_frame_refiner(std::shared_ptr<nn::StyleGan2> generator, embed::PerceptualLoss perceptual,
                            const embed::EmbedOptions& options, const std::atomic<bool>* cancel = nullptr);

}  // namespace facet::video
