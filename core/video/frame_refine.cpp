#include "core/video/frame_refine.h"

#include <torch/torch.h>

#include "core/io/error.h"

namespace facet::video {

RefineFn make_frame_refiner(std::shared_ptr<nn::StyleGan2> generator, embed::PerceptualLoss perceptual,
                            const embed::EmbedOptions& options, const std::atomic<bool>* cancel) {
  if (options.steps <= 0) throw Error("per-frame refinement needs at least one step");
  auto embedder = std::make_shared<embed::Image2StyleGan>(generator, std::move(perceptual));
  return [embedder, options, cancel, device = generator->device()](const torch::Tensor& target,
                                                                   const torch::Tensor& start) {
    embed::EmbedOptions frame = options;
    frame.start = start.defined() ? start.detach() : torch::Tensor();
    return embedder->embed(target, frame, {}, cancel).wplus.to(device);
  };
}

}  // namespace facet::video
