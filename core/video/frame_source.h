#pragma once
// Reads a video's frames in order with cv::VideoCapture and knows its rate, size and (container-reported) length.
#include <string>

#include <opencv2/core.hpp>
#include <opencv2/videoio.hpp>

namespace facet::video {

class FrameSource {
 public:
  // facet::Error when the file is missing, not a video OpenCV can decode, or has no frames.
  explicit FrameSource(const std::string& path);

  const std::string& path() const { return path_; }
  double fps() const { return fps_; }            // 25 when the container does not say
  cv::Size size() const { return size_; }
  int frame_count() const { return count_; }     // as the container reports it (may be an estimate; −1 unknown)
  int position() const { return position_; }     // index of the next frame read() returns

  bool read(cv::Mat& bgr);  // next frame (8-bit BGR); false at the end
  void seek(int frame);     // next read() returns frame `frame` (decodes forward when the container cannot seek)

 private:
  std::string path_;
  cv::VideoCapture capture_;
  double fps_ = 25;
  cv::Size size_;
  int count_ = -1, position_ = 0;
  cv::Mat first_;  // the probe frame read by the constructor, returned by the first read()
};

}  // namespace facet::video
