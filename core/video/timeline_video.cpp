#include "core/video/timeline_video.h"

namespace facet::video {

cv::Mat crop_to_even(const cv::Mat& image) { return image(cv::Rect(0, 0, image.cols & ~1, image.rows & ~1)); }

TimelineVideoResult render_timeline_video(const std::string& out, CodecChoice codec, const nn::StyleGan2& generator,
                                          const edit::Editor& editor, const torch::Tensor& wplus,
                                          const Timeline& timeline, const TimelineRenderOptions& options,
                                          const PhotoPaste* photo, const ProgressFn& progress,
                                          const std::atomic<bool>* cancel) {
  const bool pasting = photo && photo->valid();
  const int side = options.size > 0 ? options.size : static_cast<int>(generator.size());
  TimelineVideoResult result;
  result.size = pasting ? photo->size() : cv::Size(side, side);
  VideoWriter writer(out, options.fps, result.size, codec);
  result.codec = writer.codec_label();
  result.fell_back = writer.fell_back();
  result.stats = render_timeline(
      generator, editor, wplus, timeline, options,
      [&](const cv::Mat& frame, int) { writer.write(pasting ? photo->paste(frame) : frame); }, progress, cancel);
  if (result.stats.cancelled) {
    writer.abandon();
  } else {
    writer.finish();
    result.out = writer.path();
  }
  return result;
}

}  // namespace facet::video
