#include "core/video/frame_source.h"

#include <cmath>
#include <filesystem>

#include <opencv2/imgproc.hpp>

#include "core/io/error.h"

namespace facet::video {

FrameSource::FrameSource(const std::string& path) : path_(path) {
  if (!std::filesystem::is_regular_file(path)) throw Error(path + ": no such video file");
  try {
    capture_.open(path, cv::CAP_FFMPEG);
    if (!capture_.isOpened()) capture_.open(path);
  } catch (const cv::Exception&) {
  }
  if (!capture_.isOpened()) throw Error(path + ": cannot decode this file as a video");
  const double fps = capture_.get(cv::CAP_PROP_FPS);
  if (std::isfinite(fps) && fps > 0 && fps <= 1000) fps_ = fps;
  const double count = capture_.get(cv::CAP_PROP_FRAME_COUNT);
  count_ = std::isfinite(count) && count > 0 ? static_cast<int>(std::lround(count)) : -1;
  // Read one frame now: a file that opens but yields nothing is reported here, not mid-way.
  if (!capture_.read(first_) || first_.empty()) throw Error(path + ": the video has no readable frames");
  size_ = first_.size();
}

bool FrameSource::read(cv::Mat& bgr) {
  if (!first_.empty()) {
    bgr = first_;
    first_.release();
  } else if (!capture_.read(bgr) || bgr.empty()) {
    return false;
  }
  if (bgr.channels() == 1) cv::cvtColor(bgr, bgr, cv::COLOR_GRAY2BGR);
  if (bgr.channels() == 4) cv::cvtColor(bgr, bgr, cv::COLOR_BGRA2BGR);
  ++position_;
  return true;
}

void FrameSource::seek(int frame) {
  if (frame < 0) throw Error(path_ + ": frame numbers start at 0");
  if (frame == position_) return;
  // Reopen and decode forward: exact on every container (CAP_PROP_POS_FRAMES lands on key frames on some).
  if (frame < position_ || !first_.empty()) {
    capture_.release();
    capture_.open(path_, cv::CAP_FFMPEG);
    if (!capture_.isOpened()) capture_.open(path_);
    if (!capture_.isOpened()) throw Error(path_ + ": cannot reopen the video");
    first_.release();
    position_ = 0;
  }
  cv::Mat skip;
  while (position_ < frame) {
    if (!capture_.grab()) throw Error(path_ + ": frame " + std::to_string(frame) + " is past the end of the video");
    ++position_;
  }
}

}  // namespace facet::video
