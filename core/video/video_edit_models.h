#pragma once
// The models a video edit runs with, loaded once through the model registry for facet-cli edit-video and the
// editor alike: the pSp/e4e encoder (optional: without it the frames are embedded by per-frame refinement alone),
// the generator (the encoder's decoder unless another is named) and the attribute transformers.
#include <atomic>
#include <memory>
#include <string>

#include "core/embed/image2stylegan.h"
#include "core/embed/perceptual_loss.h"
#include "core/video/video_edit.h"

namespace facet::nn {
class PspEncoder;
class StyleGan2;
}
namespace facet::edit {
class Editor;
}

namespace facet::video {

struct VideoEditModelFiles {
  std::string generator;     // "": the encoder's decoder
  std::string encoder;       // "": no encoder (the generator must then be named)
  std::string transformers;  // the transformers' folder
  double lr_mlp = 0.01;      // the mapping network's learning-rate multiplier (checkpoints do not store it)
};

struct VideoEditModelSet {
  std::shared_ptr<nn::StyleGan2> generator;
  std::shared_ptr<nn::PspEncoder> encoder;  // null without an encoder
  std::shared_ptr<edit::Editor> editor;

  // The set as edit_video takes it; with refine.steps > 0 each frame is refined with `perceptual` (cancel ends a
  // frame's optimisation early). The functions point into this set: keep it alive while they run.
  VideoEditModels models(const embed::EmbedOptions& refine, embed::PerceptualLoss perceptual,
                         const std::atomic<bool>* cancel) const;
};

// facet::Error naming the file when one cannot be loaded, or when the encoder's styles do not fit the generator.
VideoEditModelSet load_video_edit_models(const VideoEditModelFiles& files, const torch::Device& device);

}  // namespace facet::video
