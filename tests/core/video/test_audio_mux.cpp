#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "core/io/atomic_file.h"
#include "core/video/audio_mux.h"
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

}  // namespace
}  // namespace facet::video
