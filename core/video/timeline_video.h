#pragma once
// A slider timeline rendered straight to a video file, either as the aligned face or pasted into a photo (one
// function for facet-cli render-timeline and the GUI's render dialog). The file appears only when the render
// finishes (VideoWriter's partial file); a cancelled render leaves nothing behind.
#include <atomic>
#include <string>

#include "core/video/photo_paste.h"
#include "core/video/timeline_renderer.h"
#include "core/video/video_writer.h"

namespace facet::video {

struct TimelineVideoResult {
  TimelineRenderStats stats;
  std::string out, codec;  // final path (when not cancelled) and codec label
  cv::Size size;           // frame size of the video
  bool fell_back = false;  // another codec than the one asked for was used
};

// photo: null or invalid = the aligned face at options.size; else every frame is pasted into photo->photo (the video
// has the photo's size) — render at the generator's full size for that (options.size = 0).
TimelineVideoResult render_timeline_video(const std::string& out, CodecChoice codec, const nn::StyleGan2& generator,
                                          const edit::Editor& editor, const torch::Tensor& wplus,
                                          const Timeline& timeline, const TimelineRenderOptions& options,
                                          const PhotoPaste* photo = nullptr, const ProgressFn& progress = {},
                                          const std::atomic<bool>* cancel = nullptr);

}  // namespace facet::video
