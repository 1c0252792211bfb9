#pragma once
// Writes videos with cv::VideoWriter, choosing the best codec the platform's OpenCV/FFmpeg can open:
// for .mp4/.m4v/.mov H.264 ('avc1'), else MPEG-4 Part 2 ('mp4v'); when no MP4 codec opens, MJPEG in an .avi
// beside the requested name (the path changes: ask path()). For .avi, MJPEG. The frames go to a hidden partial
// file in the same folder that becomes `path()` only on finish(), so a cancelled or failed render leaves nothing
// half-written behind and never clobbers an existing file with a broken one.
#include <string>

#include <opencv2/core.hpp>
#include <opencv2/videoio.hpp>

namespace facet::video {

enum class CodecChoice { Auto, H264, Mpeg4, Mjpeg };
CodecChoice parse_codec(const std::string& text);  // auto, h264, mp4v, mjpeg; facet::Error otherwise
std::string codec_label(CodecChoice codec);        // "H.264 (avc1)", "MPEG-4 (mp4v)", "MJPEG"

class VideoWriter {
 public:
  // facet::Error when fps/size are invalid, the folder is not writable or no codec can be opened.
  VideoWriter(const std::string& path, double fps, cv::Size size, CodecChoice codec = CodecChoice::Auto);
  ~VideoWriter();  // abandons the partial file unless finish() ran
  VideoWriter(const VideoWriter&) = delete;
  VideoWriter& operator=(const VideoWriter&) = delete;

  const std::string& path() const { return path_; }  // where the video will be after finish()
  CodecChoice codec() const { return codec_; }
  std::string codec_label() const { return video::codec_label(codec_); }
  bool fell_back() const { return fell_back_; }  // true when a codec other than the first choice was used
  cv::Size size() const { return size_; }
  double fps() const { return fps_; }
  int frames_written() const { return frames_; }

  // Any 8-bit BGR (or grey) frame; a frame of another size is resized to the video's size.
  void write(const cv::Mat& frame);
  void finish();   // closes and moves the partial file to path(); facet::Error when nothing was written
  void abandon();  // closes and deletes the partial file

 private:
  bool try_open(const std::string& partial, CodecChoice codec);

  std::string path_, partial_;
  double fps_ = 0;
  cv::Size size_;
  CodecChoice codec_ = CodecChoice::Auto;
  bool fell_back_ = false, done_ = false;
  int frames_ = 0;
  cv::VideoWriter writer_;
};

}  // namespace facet::video
