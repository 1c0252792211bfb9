#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "core/io/atomic_file.h"
#include "core/video/audio_mux.h"
#include "core/video/video_writer.h"
#include "tests/support/test_support.h"

namespace facet::video {
namespace {

// Sets PATH for the test's duration.
struct PathGuard {
  std::string old;
  explicit PathGuard(const std::string& value) : old(std::getenv("PATH") ? std::getenv("PATH") : "") {
    ::setenv("PATH", value.c_str(), 1);
  }
  ~PathGuard() { ::setenv("PATH", old.c_str(), 1); }
};

TEST(AudioMux, WithoutFfmpegTheAudioIsDroppedAndSaid) {
  const std::string dir = test::scratch_dir("mux_none");
  PathGuard path(dir);
  EXPECT_EQ(find_ffmpeg(), "");
  io::write_file_atomic(dir + "/v.mp4", "video");
  const MuxResult r = mux_audio(dir + "/v.mp4", dir + "/src.mp4");
  EXPECT_FALSE(r.muxed);
  EXPECT_NE(r.message.find("ffmpeg"), std::string::npos);
  EXPECT_EQ(io::read_file(dir + "/v.mp4"), "video");
}

// A stand-in ffmpeg that records its arguments one per line and writes its last argument: names with spaces and
// quotes arrive intact (no shell in between), and the result replaces the video.
TEST(AudioMux, PassesFileNamesVerbatimAndReplacesTheVideo) {
  const std::string dir = test::scratch_dir("mux_fake");
  const std::string bin = dir + "/bin";
  std::filesystem::create_directory(bin);
  {
    std::ofstream script(bin + "/ffmpeg");
    script << "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done > \"" << dir << "/args.txt\"\n"
           << "for last; do :; done\necho muxed > \"$last\"\n";
  }
  std::filesystem::permissions(bin + "/ffmpeg", std::filesystem::perms::owner_all);
  PathGuard path(bin + ":/usr/bin:/bin");
  EXPECT_EQ(find_ffmpeg(), bin + "/ffmpeg");
  const std::string video = dir + "/it's a \"clip\".mp4";
  io::write_file_atomic(video, "video");
  const std::string source = dir + "/source $HOME.mp4";
  const MuxResult r = mux_audio(video, source);
  EXPECT_TRUE(r.muxed) << r.message;
  EXPECT_EQ(io::read_file(video), "muxed\n");
  const std::string args = io::read_file(dir + "/args.txt");
  EXPECT_NE(args.find("\n" + video + "\n"), std::string::npos) << args;
  EXPECT_NE(args.find("\n" + source + "\n"), std::string::npos) << args;
  EXPECT_NE(args.find("aac"), std::string::npos);
}

// ffprobe's answer for one stream kind of `file` ("a" or "v"): its duration in seconds, or −1 without one.
double stream_duration(const std::string& file, const char* kind) {
  const std::string out = file + ".probe.txt";
  const std::string command = "ffprobe -v error -select_streams " + std::string(kind) +
                              ":0 -show_entries stream=duration -of csv=p=0 '" + file + "' > '" + out + "' 2>&1";
  if (std::system(command.c_str()) != 0) return -1;
  const std::string text = io::read_file(out);
  return text.empty() || text[0] < '0' || text[0] > '9' ? -1 : std::stod(text);
}

// The real ffmpeg (Debian's package, in facet.sh's list): a source clip with a 440 Hz sine track made by ffmpeg
// itself; the edited video (written by VideoWriter, silent) gets its sound; from an offset, the sound is the
// source's from there on. Skips when ffmpeg is absent.
TEST(AudioMux, RealFfmpegKeepsTheSourcesSound) {
  if (find_ffmpeg().empty() || std::system("ffprobe -version > /dev/null 2>&1") != 0)
    GTEST_SKIP() << "ffmpeg/ffprobe not installed (apt install ffmpeg)";
  const std::string dir = test::scratch_dir("mux_real");
  const std::string source = dir + "/source with sound.mp4";
  const std::string make = "ffmpeg -nostdin -y -v error -f lavfi -i testsrc=size=64x64:rate=10 -f lavfi -i "
                           "sine=frequency=440:sample_rate=22050 -t 4 -c:v mpeg4 -c:a aac '" + source + "'";
  ASSERT_EQ(std::system(make.c_str()), 0);
  ASSERT_GT(stream_duration(source, "a"), 3.5);

  for (const char* ext : {".mp4", ".avi"}) {
    const std::string video = dir + "/edited" + ext;
    {
      VideoWriter writer(video, 10, {64, 64}, std::string(ext) == ".avi" ? CodecChoice::Mjpeg : CodecChoice::Auto);
      for (int i = 0; i < 30; ++i) writer.write(cv::Mat(64, 64, CV_8UC3, cv::Scalar(i * 8, 0, 0)));
      writer.finish();
    }
    EXPECT_LT(stream_duration(video, "a"), 0) << "VideoWriter writes no sound";
    const MuxResult r = mux_audio(video, source);
    EXPECT_TRUE(r.muxed) << r.message;
    EXPECT_NEAR(stream_duration(video, "a"), 3.0, 0.15) << ext << ": the sound lasts as long as the video";
    EXPECT_GT(stream_duration(video, "v"), 2.8) << ext;
  }

  // From 2.5 s on, only 1.5 s of sound is left for the 3 s video (-shortest ends at the shorter stream).
  const std::string late = dir + "/late.mp4";
  {
    VideoWriter writer(late, 10, {64, 64});
    for (int i = 0; i < 30; ++i) writer.write(cv::Mat(64, 64, CV_8UC3, cv::Scalar(0, i * 8, 0)));
    writer.finish();
  }
  const MuxResult r = mux_audio(late, source, 2.5);
  EXPECT_TRUE(r.muxed) << r.message;
  EXPECT_NEAR(stream_duration(late, "a"), 1.5, 0.15);

  // A silent source: the video is left as it was.
  const std::string silent = dir + "/silent.mp4";
  ASSERT_EQ(std::system(("ffmpeg -nostdin -y -v error -f lavfi -i testsrc=size=64x64:rate=10 -t 1 -c:v mpeg4 '" +
                         silent + "'").c_str()), 0);
  const std::string before = io::read_file(late);
  const MuxResult none = mux_audio(late, silent);
  EXPECT_FALSE(none.muxed);
  EXPECT_EQ(io::read_file(late), before);
}

}  // namespace
}  // namespace facet::video
