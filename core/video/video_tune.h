#pragma once
// One generator tuned to a few frames of a video (pivotal tuning, core/tune), so that a video edit rendered with it
// keeps the person across frames: frames spread evenly over the edited range, each face aligned and embedded the
// way the video edit embeds it (the encoder, then the optional refinement), and all of them tuning one copy of the
// generator together.
#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "core/embed/perceptual_loss.h"
#include "core/nn/stylegan2/generator.h"
#include "core/tune/pivotal_tuning.h"
#include "core/video/video_edit.h"

namespace facet::video {

struct VideoTuneOptions {
  int frames = 3;                   // frames to tune to (fewer when the range is shorter or faces are missing)
  int first_frame = 0, end_frame = -1;  // the range they are spread over; −1: to the end
  tune::TuneOptions tune;
};

struct VideoTuneResult {
  std::shared_ptr<nn::StyleGan2> generator;  // the tuned copy; the base is unchanged
  std::vector<int> frames;                   // the frames tuned to
  tune::TuneResult tuning;
};

// `models` embeds the faces (its generator is `base`). facet::Error when no chosen frame has a face; on cancel the
// result has the best weights so far and tuning.cancelled set.
VideoTuneResult tune_to_video(const std::string& input, const FaceOps& face, const VideoEditModels& models,
                              std::shared_ptr<nn::StyleGan2> base, embed::PerceptualLoss perceptual,
                              const VideoTuneOptions& options, const tune::TuneCallback& progress = {},
                              const std::atomic<bool>* cancel = nullptr);

}  // namespace facet::video
