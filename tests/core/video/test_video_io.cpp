#include <filesystem>

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "core/io/error.h"
#include "core/video/frame_source.h"
#include "core/video/video_writer.h"
#include "tests/support/test_support.h"

namespace facet::video {
namespace {

cv::Mat moving_square(int i) {
  cv::Mat frame(96, 128, CV_8UC3, cv::Scalar(40, 80, 120));
  cv::rectangle(frame, cv::Rect(10 + 4 * i, 20, 30, 30), cv::Scalar(250, 250, 250), cv::FILLED);
  return frame;
}

void write_and_read(const std::string& name, CodecChoice codec) {
  const std::string dir = test::scratch_dir("video_io");
  std::string path;
  {
    VideoWriter writer(dir + "/" + name, 12.0, {128, 96}, codec);
    path = writer.path();
    std::cout << name << ": " << writer.codec_label() << " → " << path << "\n";
    for (int i = 0; i < 10; ++i) writer.write(moving_square(i));
    EXPECT_FALSE(std::filesystem::exists(path)) << "visible before finish()";
    writer.finish();
  }
  ASSERT_TRUE(std::filesystem::exists(path));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), {}), 1) << "partial file left behind";
  FrameSource source(path);
  EXPECT_EQ(source.size(), cv::Size(128, 96));
  EXPECT_NEAR(source.fps(), 12.0, 0.01);
  cv::Mat frame;
  int n = 0;
  while (source.read(frame)) {
    // The bright square is where it was drawn (lossy codecs: compare a pixel inside it).
    EXPECT_GT(frame.at<cv::Vec3b>(35, 25 + 4 * n)[0], 180) << "frame " << n;
    ++n;
  }
  EXPECT_EQ(n, 10);
  source.seek(7);
  ASSERT_TRUE(source.read(frame));
  EXPECT_GT(frame.at<cv::Vec3b>(35, 25 + 28)[0], 180);
  EXPECT_LT(frame.at<cv::Vec3b>(35, 20)[0], 100);
}

TEST(VideoIo, AutoCodecRoundTrip) { write_and_read("auto.mp4", CodecChoice::Auto); }
TEST(VideoIo, MjpegAviRoundTrip) { write_and_read("mjpeg.avi", CodecChoice::Mjpeg); }

TEST(VideoIo, AbandonedWriteLeavesNothing) {
  const std::string dir = test::scratch_dir("video_abandon");
  {
    VideoWriter writer(dir + "/x.mp4", 10, {64, 64});
    writer.write(cv::Mat(64, 64, CV_8UC3, cv::Scalar::all(0)));
  }  // destroyed without finish()
  EXPECT_TRUE(std::filesystem::is_empty(dir));
}

TEST(VideoIo, ClearErrors) {
  const std::string dir = test::scratch_dir("video_errors");
  EXPECT_THROW(VideoWriter(dir + "/x.mp4", 0, {64, 64}), Error);
  EXPECT_THROW(VideoWriter(dir + "/x.mp4", 25, {63, 64}), Error);
  EXPECT_THROW(VideoWriter(dir + "/x.gif", 25, {64, 64}), Error);
  EXPECT_THROW(VideoWriter(dir + "/missing/x.mp4", 25, {64, 64}), Error);
  EXPECT_THROW(FrameSource(dir + "/none.mp4"), Error);
  const std::string junk = dir + "/junk.mp4";
  FILE* f = std::fopen(junk.c_str(), "wb");
  std::fputs("not a video at all", f);
  std::fclose(f);
  EXPECT_THROW(FrameSource{junk}, Error);
  EXPECT_THROW(parse_codec("divx"), Error);
}

}  // namespace
}  // namespace facet::video
