// render-timeline (and the video commands' errors), run as a user would.
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "core/io/npy.h"
#include "core/nn/latent/latent_transformer.h"
#include "core/video/frame_source.h"
#include "core/video/video_writer.h"
#include "tests/core/video/synthetic_face.h"
#include "tests/support/test_support.h"

using facet::test::fixture;
using facet::test::run_command;

namespace {

std::string cli() { return FACET_CLI; }

// A session as the editor writes it, with a timeline moving Smiling 0 → 2 → 1 over two seconds.
std::string write_session(const std::string& dir, bool with_timeline,
                          const std::string& photo = "/photos/face.jpg") {
  const torch::Tensor w = facet::io::read_npy(fixture("stylegan2/wplus.npy")).narrow(0, 0, 1);
  facet::io::write_npy(dir + "/face.npy", w);
  nlohmann::json session{{"format", "facet-session"},
                         {"version", 1},
                         {"photo", {{"path", photo}, {"sha256", "00"}}},
                         {"face", 0},
                         {"wplus", "face.npy"},
                         {"alphas", {1.0, 0.0}},
                         {"attributes", {"Smiling", "Eyeglasses"}},
                         {"models", nlohmann::json::array()}};
  if (with_timeline)
    session["timeline"] = nlohmann::json::parse(R"({"version":1,"interpolation":"smooth","alpha_range":[-3,3],
        "attributes":["Smiling","Eyeglasses"],
        "keyframes":[{"time":0,"alphas":[0,0]},{"time":1,"alphas":[2,0]},{"time":2,"alphas":[1,0]}]})");
  const std::string path = dir + "/edit.facet";
  std::ofstream(path) << session.dump(1);
  return path;
}

}  // namespace

TEST(CliVideo, RenderTimelineWritesAVideoAndReportsFps) {
  FACET_REQUIRE_FIXTURES();
  const std::string dir = facet::test::scratch_dir("render-timeline");
  const std::string session = write_session(dir, true);
  torch::manual_seed(2);
  facet::nn::LatentTransformer t(10, 128);
  facet::nn::save_latent_transformer(dir + "/tnet_31.pth.tar", t);
  auto r = run_command(cli() + " render-timeline " + session + " --out " + dir + "/out.mp4 --generator " +
                       fixture("stylegan2/g_small_zip.pt") + " --transformer " + dir + "/tnet_31.pth.tar --fps 15 --json",
                       false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto report = nlohmann::json::parse(r.output);
  EXPECT_EQ(report["frames"], 31);
  EXPECT_EQ(report["size"], 64);
  EXPECT_GT(report["render_fps"].get<double>(), 0);
  std::cout << "render-timeline (fixture generator 64², CPU): " << report["render_fps"] << " frames/s, "
            << report["codec"] << "\n";
  facet::video::FrameSource video(report["out"].get<std::string>());
  EXPECT_EQ(video.size(), cv::Size(64, 64));
  EXPECT_NEAR(video.fps(), 15, 0.01);
  int n = 0;
  cv::Mat frame;
  while (video.read(frame)) ++n;
  EXPECT_EQ(n, 31);
  // A smaller size and MJPEG.
  r = run_command(cli() + " render-timeline " + session + " --out " + dir + "/small.avi --generator " +
                  fixture("stylegan2/g_small_zip.pt") + " --transformer " + dir + "/tnet_31.pth.tar --size 32 --codec mjpeg");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("MJPEG"), std::string::npos) << r.output;
  EXPECT_EQ(facet::video::FrameSource(dir + "/small.avi").size(), cv::Size(32, 32));
}

TEST(CliVideo, RenderTimelineErrorsAreClear) {
  FACET_REQUIRE_FIXTURES();
  const std::string dir = facet::test::scratch_dir("render-timeline-errors");
  const std::string session = write_session(dir, false);
  auto r = run_command(cli() + " render-timeline " + session + " --out " + dir + "/o.mp4 --generator " +
                       fixture("stylegan2/g_small_zip.pt"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("no timeline"), std::string::npos) << r.output;
  // Smiling moves but there is no transformer for it.
  const std::string with = write_session(dir, true);
  r = run_command(cli() + " render-timeline " + with + " --out " + dir + "/o.mp4 --generator " +
                  fixture("stylegan2/g_small_zip.pt") + " --transformers " + dir);
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir + "/o.mp4"));
  r = run_command(cli() + " render-timeline " + dir + "/missing.facet --out " + dir + "/o.mp4");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(run_command(cli() + " render-timeline " + with).exit_code, 2);  // --out missing
}

// Frames pasted into the session's photo (the astronaut): the video has the photo's size. Without core/face the
// command says what is missing.
TEST(CliVideo, RenderTimelinePastedIntoThePhoto) {
  FACET_REQUIRE_FIXTURES();
  const std::string dir = facet::test::scratch_dir("render-timeline-paste");
  const std::string photo = facet::test::source_dir() + "/tests/data/faceapi/astronaut_square.png";
  const std::string session = write_session(dir, true, photo);
  torch::manual_seed(2);
  facet::nn::LatentTransformer t(10, 128);
  facet::nn::save_latent_transformer(dir + "/tnet_31.pth.tar", t);
  const auto r = run_command(cli() + " render-timeline " + session + " --out " + dir + "/pasted.mp4 --generator " +
                             fixture("stylegan2/g_small_zip.pt") + " --transformer " + dir +
                             "/tnet_31.pth.tar --fps 5 --paste");
#ifdef FACET_CLI_HAS_FACE
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const cv::Mat original = cv::imread(photo);
  facet::video::FrameSource video(dir + "/pasted.mp4");
  EXPECT_EQ(video.size(), cv::Size(original.cols & ~1, original.rows & ~1));
#else
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("face alignment"), std::string::npos) << r.output;
#endif
}

#ifdef FACET_CLI_HAS_FACE
// track-video with dlib on the astronaut moving along a known path: the JSON has exactly the issue's keys and the
// stabilisation lowers the jitter.
TEST(CliVideo, TrackVideoPrintsTheStabilityFigure) {
  const std::string dir = facet::test::scratch_dir("track-video");
  const auto synthetic = facet::video::testing::make_synthetic_video(30, 256, 4);
  {
    facet::video::VideoWriter writer(dir + "/moving.mp4", 30, {256, 256});
    for (const auto& f : synthetic.frames) writer.write(f);
    writer.finish();
  }
  const auto r = run_command(cli() + " track-video " + dir + "/moving.mp4 --json", false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto j = nlohmann::json::parse(r.output);
  EXPECT_EQ(j.size(), 4u);
  EXPECT_EQ(j["frames"], 30);
  EXPECT_EQ(j["frames_without_face"], 0);
  EXPECT_LT(j["jitter_after"].get<double>(), j["jitter_before"].get<double>());
  EXPECT_EQ(run_command(cli() + " track-video " + dir + "/none.mp4").exit_code, 1);
}
#endif
