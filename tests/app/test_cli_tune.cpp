// facet-cli tune end to end on the fixture generator and a photo: the tuning loss falls, the change loads with --tuned
// (also onto the same weights from another file) and renders what the tuned generator rendered, closer to the photo;
// bench tune reports a step time.
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include "core/io/npy.h"
#include "tests/support/test_support.h"

namespace {
using facet::test::run_command;
const std::string kCli = FACET_CLI;

double mean_abs_difference(const cv::Mat& x, const cv::Mat& y) {
  EXPECT_FALSE(x.empty() || y.empty());
  cv::Mat d;
  cv::absdiff(x, y, d);
  const cv::Scalar m = cv::mean(d);
  return (m[0] + m[1] + m[2]) / 3;
}
double mean_abs_difference(const std::string& a, const std::string& b) {
  return mean_abs_difference(cv::imread(a), cv::imread(b));
}
}  // namespace

TEST(CliTune, TunesTowardsThePhotoAndLoadsWithTuned) {
  FACET_REQUIRE_FIXTURES();
  const auto dir = facet::test::scratch_dir("cli_tune");
  const auto g = facet::test::fixture("stylegan2/g_small_zip.pt");
  const auto codes = facet::io::read_npy(facet::test::fixture("stylegan2/wplus.npy"));
  facet::io::write_npy(dir + "/pivot.npy", codes.slice(0, 0, 1).contiguous());
  // An aligned photo (256², brought to the generator's 64²) and a fixture code as the pivot. The fixture's raw
  // outputs spread far beyond [-1, 1], so most of the pixel loss's fall is the scale; the render still moves
  // towards the photo.
  const std::string photo = facet::test::source_dir() + "/tests/data/face/astronaut_aligned_256.png";
  auto r = run_command("OMP_NUM_THREADS=1 " + kCli + " tune " + photo + " --aligned --generator " + g + " --wplus " +
                           dir + "/pivot.npy --steps 30 --lr 0.002 --loss l2 --quiet --out " + dir +
                           "/face.tuned --recon " + dir + "/recon.png --json",
                       /*merge_stderr=*/false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto j = nlohmann::json::parse(r.output);
  EXPECT_EQ(j["loss"], "l2");
  EXPECT_EQ(j["steps"], 30);
  // Measured: 278 → 3.6 (0.013 of the start).
  EXPECT_LT(j["l2"].get<double>(), 0.05 * j["l2_before"].get<double>());
  EXPECT_EQ(j["out_bytes"].get<uintmax_t>(), std::filesystem::file_size(dir + "/face.tuned"));

  r = run_command(kCli + " render --generator " + g + " --wplus " + dir + "/pivot.npy --out " + dir + "/before.png");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  // The legacy-format fixture holds the same weights: the change loads onto it too.
  r = run_command(kCli + " render --generator " + facet::test::fixture("stylegan2/g_small_legacy.pt") + " --tuned " +
                  dir + "/face.tuned --wplus " + dir + "/pivot.npy --out " + dir + "/after.png");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  // What the tuned generator rendered, to the change's bfloat16 rounding (measured: 0.19 of 255 on average).
  EXPECT_LT(mean_abs_difference(dir + "/after.png", dir + "/recon.png"), 1.0);
  cv::Mat target;
  cv::resize(cv::imread(photo), target, cv::Size(64, 64), 0, 0, cv::INTER_AREA);
  // Measured: 104.5 against 121.7 before (0.86).
  EXPECT_LT(mean_abs_difference(cv::imread(dir + "/after.png"), target),
            0.95 * mean_abs_difference(cv::imread(dir + "/before.png"), target));

  r = run_command(kCli + " render --tuned " + dir + "/face.tuned --wplus " + dir + "/pivot.npy --out " + dir + "/x.png");
  EXPECT_NE(r.exit_code, 0);  // --generator is required
  r = run_command(kCli + " tune " + photo + " --aligned --generator " + g + " --tuned " + dir + "/face.tuned --out " +
                  dir + "/again.tuned");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("starts from the base generator"), std::string::npos) << r.output;
}

TEST(CliTune, BenchTuneReportsAStepTime) {
  auto r = run_command("OMP_NUM_THREADS=1 " + kCli + " bench tune --random 16 --steps 2 --json", /*merge_stderr=*/false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto j = nlohmann::json::parse(r.output);
  EXPECT_EQ(j["size"], 16);
  EXPECT_EQ(j["steps"], 2);
  EXPECT_GT(j["ms_median"].get<double>(), 0.0);
}
