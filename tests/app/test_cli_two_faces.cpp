// facet-cli morph, mix and transfer-expression end to end on the fixture generator: W+ codes, seeded random faces,
// a photo embedded by the pipeline, a morph video and a morph pasted into the photo.
#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>
#include <torch/torch.h>

#include "core/io/npy.h"
#include "core/session/session.h"
#include "tests/support/test_support.h"

namespace {
using facet::test::run_command;
const std::string kCli = std::string("OMP_NUM_THREADS=1 ") + FACET_CLI;

std::string generator() { return " --generator " + facet::test::fixture("stylegan2/g_small_zip.pt"); }

// The two fixture codes as separate files.
std::pair<std::string, std::string> two_codes(const std::string& dir) {
  const auto w = facet::io::read_npy(facet::test::fixture("stylegan2/wplus.npy"));
  facet::io::write_npy(dir + "/a.npy", w.slice(0, 0, 1).contiguous());
  facet::io::write_npy(dir + "/b.npy", w.slice(0, 1, 2).contiguous());
  return {dir + "/a.npy", dir + "/b.npy"};
}

torch::Tensor code(const std::string& path) { return facet::io::read_npy(path); }
}  // namespace

TEST(CliTwoFaces, MorphMixAndTransferOnCodes) {
  FACET_REQUIRE_FIXTURES();
  const auto dir = facet::test::scratch_dir("cli_two_faces");
  const auto [a, b] = two_codes(dir);
  for (const char* lambda : {"0", "1", "0.3"}) {
    const auto r = run_command(kCli + " morph " + a + " " + b + generator() + " --lambda " + lambda + " --out " + dir +
                               "/m" + lambda + ".npy");
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  EXPECT_TRUE(torch::equal(code(dir + "/m1.npy"), code(a)));
  EXPECT_TRUE(torch::equal(code(dir + "/m0.npy"), code(b)));
  EXPECT_TRUE(torch::allclose(code(dir + "/m0.3.npy"), 0.3 * code(a) + 0.7 * code(b), 1e-6, 1e-6));

  auto r = run_command(kCli + " mix " + a + " " + b + generator() + " --layers coarse --out " + dir + "/mix.npy" +
                       " --render " + dir + "/mix.png");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto mixed = code(dir + "/mix.npy");
  EXPECT_TRUE(torch::equal(mixed.slice(1, 0, 4), code(b).slice(1, 0, 4)));
  EXPECT_TRUE(torch::equal(mixed.slice(1, 4, 10), code(a).slice(1, 4, 10)));
  EXPECT_EQ(cv::imread(dir + "/mix.png").cols, 64);

  r = run_command(kCli + " transfer-expression " + a + " " + b + " " + b + generator() + " --out " + dir + "/t.npy");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(torch::equal(code(dir + "/t.npy"), code(a)));
}

TEST(CliTwoFaces, SeededFacesMorphSphericallyAndCodesRefuseIt) {
  FACET_REQUIRE_FIXTURES();
  const auto dir = facet::test::scratch_dir("cli_two_faces_seed");
  // The fixture's mapping network at its checkpoint's usual lr multiplier (0.01) maps every z to nearly the same
  // w; at 1 its seeds give distinct faces.
  const auto generator = [] { return ::generator() + " --lr-mlp 1"; };
  auto r = run_command(kCli + " morph seed:1 seed:2" + generator() + " --spherical --lambda 1 --out " + dir + "/s1.npy");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  r = run_command(kCli + " morph seed:1 seed:2" + generator() + " --lambda 1 --out " + dir + "/l1.npy");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(torch::allclose(code(dir + "/s1.npy"), code(dir + "/l1.npy"), 1e-5, 1e-5));  // both are seed 1
  r = run_command(kCli + " morph seed:1 seed:2" + generator() + " --spherical --lambda 0 --out " + dir + "/s0.npy");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  r = run_command(kCli + " morph seed:1 seed:2" + generator() + " --spherical --lambda 0.5 --out " + dir + "/s.npy");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto mid = code(dir + "/s.npy"), end_a = code(dir + "/s1.npy"), end_b = code(dir + "/s0.npy");
  EXPECT_FALSE(torch::allclose(end_a, end_b, 1e-4, 1e-4));
  // The halfway face lies between the ends: nearer to each than the ends are to each other.
  EXPECT_LT((mid - end_a).norm().item<double>(), (end_b - end_a).norm().item<double>());
  EXPECT_LT((mid - end_b).norm().item<double>(), (end_b - end_a).norm().item<double>());
  const auto [a, b] = two_codes(dir);
  r = run_command(kCli + " morph " + a + " " + b + generator() + " --spherical --out " + dir + "/x.npy");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("seed:N"), std::string::npos) << r.output;
  r = run_command(kCli + " morph " + a + " seed:x" + generator() + " --out " + dir + "/x.npy");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("whole number"), std::string::npos) << r.output;
}

TEST(CliTwoFaces, MorphVideoFromAPhotoPastedIntoIt) {
  FACET_REQUIRE_FIXTURES();
  const auto dir = facet::test::scratch_dir("cli_two_faces_video");
  const auto photo = facet::test::source_dir() + "/resources/astronaut.png";
  // The photo is embedded by the pipeline (two refinement steps from the average face, pixel loss).
  auto r = run_command(kCli + " morph " + photo + " seed:3" + generator() +
                       " --steps 2 --perceptual none --frames 5 --fps 10 --codec mjpeg --paste --out " +
                       dir + "/morph.avi");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  cv::VideoCapture video(dir + "/morph.avi");
  ASSERT_TRUE(video.isOpened());
  EXPECT_EQ(static_cast<int>(video.get(cv::CAP_PROP_FRAME_COUNT)), 5);
  cv::Mat frame;
  ASSERT_TRUE(video.read(frame));
  const cv::Mat original = cv::imread(photo);
  EXPECT_EQ(frame.size(), original.size());  // pasted into the photo at its size
  // A photo without --encoder or --steps cannot be embedded.
  r = run_command(kCli + " morph " + photo + " seed:3" + generator() + " --out " + dir + "/w.npy");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("--encoder"), std::string::npos) << r.output;
}

// A session whose timeline moves the morph's λ from 1 to 0 renders as a morph video from the edited face to the
// second face (the editor's "record a morph" saved and rendered by render-timeline).
TEST(CliTwoFaces, RenderTimelineRendersASessionsMorph) {
  FACET_REQUIRE_FIXTURES();
  const auto dir = facet::test::scratch_dir("cli_two_faces_timeline");
  const auto w = facet::io::read_npy(facet::test::fixture("stylegan2/wplus.npy"));
  facet::session::Session s;
  s.alphas = {0.f};
  s.attribute_ids = {"Smiling"};
  s.two_faces.mode = "morph";
  s.two_faces.amount = 1.0;
  facet::session::OtherFace second;
  second.role = "second";
  second.kind = "random";
  second.seed = 5;
  s.two_faces.faces = {second};
  s.timeline = nlohmann::json::parse(R"({"version": 1, "interpolation": "linear", "attributes": ["Smiling"],
      "two_faces": true, "keyframes": [{"time": 0, "alphas": [0], "two_face": 1},
                                       {"time": 1, "alphas": [0], "two_face": 0}]})");
  facet::session::write_session_with_wplus(dir + "/morph.facet", s, w.slice(0, 0, 1).contiguous(),
                                           {{"second", w.slice(0, 1, 2).contiguous()}});
  const auto r = run_command(kCli + " render-timeline " + dir + "/morph.facet" + generator() +
                             " --transformers " + facet::test::fixture("latent_transformer") +
                             " --fps 4 --codec mjpeg --json --out " + dir + "/morph.avi");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("\"frames\": 5"), std::string::npos) << r.output;
  cv::VideoCapture video(dir + "/morph.avi");
  ASSERT_TRUE(video.isOpened());
  std::vector<cv::Mat> frames;
  for (cv::Mat f; video.read(f);) frames.push_back(f.clone());
  ASSERT_EQ(frames.size(), 5u);
  // The first frame is face A, the last face B (MJPEG: compared loosely against each other's distance).
  auto render = [&](const std::string& npy, const std::string& png) {
    const auto rr = run_command(kCli + " morph " + npy + " " + npy + generator() + " --lambda 1 --out " + png +
                                ".npy --render " + png);
    EXPECT_EQ(rr.exit_code, 0) << rr.output;
    return cv::imread(png);
  };
  const auto [a, b] = two_codes(dir);
  const cv::Mat ra = render(a, dir + "/a.png"), rb = render(b, dir + "/b.png");
  ASSERT_FALSE(ra.empty());
  EXPECT_LT(cv::norm(frames.front(), ra, cv::NORM_L1), cv::norm(frames.front(), rb, cv::NORM_L1));
  EXPECT_LT(cv::norm(frames.back(), rb, cv::NORM_L1), cv::norm(frames.back(), ra, cv::NORM_L1));
}
