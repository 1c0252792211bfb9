#include "core/video/video_writer.h"

#include <cmath>
#include <filesystem>
#include <system_error>
#include <vector>

#include <opencv2/imgproc.hpp>
#include <unistd.h>

#include "core/io/error.h"

namespace facet::video {

namespace fs = std::filesystem;

namespace {

std::string lower_extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

int fourcc_of(CodecChoice codec) {
  switch (codec) {
    case CodecChoice::H264: return cv::VideoWriter::fourcc('a', 'v', 'c', '1');
    case CodecChoice::Mpeg4: return cv::VideoWriter::fourcc('m', 'p', '4', 'v');
    default: return cv::VideoWriter::fourcc('M', 'J', 'P', 'G');
  }
}

// ".<name>.partial-<pid>.<ext>" beside the target: same file system, so the final rename is atomic.
std::string partial_name(const std::string& path) {
  const fs::path p(path);
  return (p.parent_path() / ("." + p.stem().string() + ".partial-" + std::to_string(::getpid()) +
                             p.extension().string())).string();
}

}  // namespace

CodecChoice parse_codec(const std::string& text) {
  if (text == "auto") return CodecChoice::Auto;
  if (text == "h264" || text == "avc1" || text == "H.264") return CodecChoice::H264;
  if (text == "mp4v" || text == "mpeg4") return CodecChoice::Mpeg4;
  if (text == "mjpeg" || text == "mjpg") return CodecChoice::Mjpeg;
  throw Error("codec must be auto, h264, mp4v or mjpeg (got '" + text + "')");
}

std::string codec_label(CodecChoice codec) {
  switch (codec) {
    case CodecChoice::H264: return "H.264 (avc1)";
    case CodecChoice::Mpeg4: return "MPEG-4 (mp4v)";
    case CodecChoice::Mjpeg: return "MJPEG";
    default: return "auto";
  }
}

bool VideoWriter::try_open(const std::string& partial, CodecChoice codec) {
  try {
    if (writer_.open(partial, cv::CAP_FFMPEG, fourcc_of(codec), fps_, size_, true) && writer_.isOpened()) return true;
    if (writer_.open(partial, fourcc_of(codec), fps_, size_, true) && writer_.isOpened()) return true;
  } catch (const cv::Exception&) {
  }
  writer_.release();
  std::error_code ignored;
  fs::remove(partial, ignored);
  return false;
}

VideoWriter::VideoWriter(const std::string& path, double fps, cv::Size size, CodecChoice codec)
    : path_(path), fps_(fps), size_(size) {
  if (!(fps > 0) || !std::isfinite(fps) || fps > 240) throw Error("video: frame rate must be between 0 and 240");
  if (size.width < 16 || size.height < 16 || size.width > 8192 || size.height > 8192)
    throw Error("video: frame size must be between 16 and 8192 pixels a side");
  if (size.width % 2 || size.height % 2) throw Error("video: width and height must be even (codecs need it)");
  const fs::path folder = fs::path(path).parent_path().empty() ? fs::path(".") : fs::path(path).parent_path();
  if (!fs::is_directory(folder)) throw Error("video: folder " + folder.string() + " does not exist");
  if (::access(folder.c_str(), W_OK) != 0) throw Error("video: cannot write in " + folder.string());

  const std::string ext = lower_extension(path);
  const bool mp4 = ext == ".mp4" || ext == ".m4v" || ext == ".mov";
  if (!mp4 && ext != ".avi") throw Error("video: " + path + ": use an .mp4, .mov or .avi file name");
  std::vector<CodecChoice> order;
  if (codec != CodecChoice::Auto) order.push_back(codec);
  if (mp4) {
    for (CodecChoice c : {CodecChoice::H264, CodecChoice::Mpeg4})
      if (c != codec) order.push_back(c);
  }
  if (codec != CodecChoice::Mjpeg) order.push_back(CodecChoice::Mjpeg);

  for (size_t i = 0; i < order.size(); ++i) {
    std::string target = path;
    // MJPEG goes into AVI; an .mp4 request falls back to the same name with .avi.
    if (order[i] == CodecChoice::Mjpeg && ext != ".avi") target = fs::path(path).replace_extension(".avi").string();
    if (order[i] != CodecChoice::Mjpeg && ext == ".avi") continue;
    const std::string partial = partial_name(target);
    if (try_open(partial, order[i])) {
      path_ = target;
      partial_ = partial;
      codec_ = order[i];
      fell_back_ = i > 0;
      return;
    }
  }
  throw Error("video: cannot open a video writer for " + path + " (no usable codec in this OpenCV build)");
}

VideoWriter::~VideoWriter() {
  if (!done_) abandon();
}

void VideoWriter::write(const cv::Mat& frame) {
  if (done_) throw Error("video: writer already closed");
  if (frame.empty()) throw Error("video: empty frame");
  cv::Mat bgr = frame;
  if (bgr.depth() != CV_8U) throw Error("video: frames must be 8-bit");
  if (bgr.channels() == 1) cv::cvtColor(bgr, bgr, cv::COLOR_GRAY2BGR);
  if (bgr.channels() == 4) cv::cvtColor(bgr, bgr, cv::COLOR_BGRA2BGR);
  if (bgr.size() != size_) cv::resize(bgr, bgr, size_, 0, 0, cv::INTER_AREA);
  writer_.write(bgr);
  ++frames_;
}

void VideoWriter::finish() {
  if (done_) return;
  writer_.release();
  done_ = true;
  std::error_code error;
  if (frames_ == 0) {
    fs::remove(partial_, error);
    throw Error("video: no frames were written to " + path_);
  }
  fs::rename(partial_, path_, error);
  if (error) {
    fs::remove(partial_, error);
    throw Error("video: cannot move the finished video to " + path_ + ": " + error.message());
  }
}

void VideoWriter::abandon() {
  if (done_) return;
  writer_.release();
  done_ = true;
  std::error_code ignored;
  fs::remove(partial_, ignored);
}

}  // namespace facet::video
