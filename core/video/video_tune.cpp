#include "core/video/video_tune.h"

#include <algorithm>

#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include "core/face/tensor_image.h"
#include "core/io/error.h"
#include "core/pipeline/photo_pipeline.h"
#include "core/video/frame_source.h"

namespace facet::video {

namespace {

// `count` frame numbers spread evenly over [first, end), each in the middle of its share.
std::vector<int> spread(int first, int end, int count) {
  std::vector<int> out;
  const int n = std::min(count, end - first);
  for (int i = 0; i < n; ++i) out.push_back(first + static_cast<int>((2.0 * i + 1) * (end - first) / (2.0 * n)));
  return out;
}

}  // namespace

VideoTuneResult tune_to_video(const std::string& input, const FaceOps& face, const VideoEditModels& models,
                              std::shared_ptr<nn::StyleGan2> base, embed::PerceptualLoss perceptual,
                              const VideoTuneOptions& options, const tune::TuneCallback& progress,
                              const std::atomic<bool>* cancel) {
  if (!base) throw Error("no generator loaded");
  if (!models.encode && !models.refine) throw Error("no encoder and no refinement: nothing finds the frames' codes");
  if (options.frames < 1) throw Error("tuning to a video needs at least one frame");
  FrameSource source(input);
  int end = options.end_frame >= 0 ? options.end_frame : source.frame_count();
  if (end < 0) {  // the container does not say: count by decoding
    cv::Mat frame;
    end = 0;
    while (source.read(frame)) ++end;
  }
  const int first = std::max(0, options.first_frame);
  if (end <= first) throw Error(input + ": no frames in the range to tune to");

  const torch::Device device = base->device();
  const int64_t size = base->size();
  VideoTuneResult out;
  std::vector<tune::TuneTarget> targets;
  for (int number : spread(first, end, options.frames)) {
    cv::Mat frame;
    try {
      source.seek(number);  // the container's length may be an estimate: past the end, stop there
    } catch (const Error&) {
      break;
    }
    if (!source.read(frame)) break;
    const auto landmarks = face.detect(frame, nullptr);
    if (!landmarks) continue;  // no face here: the other frames still count
    const cv::Mat crop =
        face.align(frame, face.quad_of(*landmarks), static_cast<int>(std::max<int64_t>(size, models.encoder_size))).image;
    tune::TuneTarget t;
    t.image = pipeline::generator_target(crop, size, device);
    torch::Tensor w;
    if (models.encode) {
      cv::Mat input_crop;
      cv::resize(crop, input_crop, cv::Size(models.encoder_size, models.encoder_size), 0, 0, cv::INTER_AREA);
      w = models.encode(face::bgr_to_tensor(input_crop, device));
    }
    if (models.refine) w = models.refine(t.image, w);
    t.pivot = w.detach().to(device);
    targets.push_back(t);
    out.frames.push_back(number);
  }
  if (targets.empty()) throw Error(input + ": no face in the frames chosen to tune to");
  out.tuning = tune::PivotalTuner(std::move(base), std::move(perceptual)).tune(targets, options.tune, progress, cancel);
  out.generator = out.tuning.generator;
  return out;
}

}  // namespace facet::video
