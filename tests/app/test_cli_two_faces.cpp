// facet-cli morph, mix and transfer-expression end to end on the fixture generator: W+ codes, seeded random faces,
// a photo embedded by the pipeline, a morph video and a morph pasted into the photo.
#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>
#include <torch/torch.h>

#include "core/io/npy.h"
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
