// facet-cli embed end to end: a face rendered by the fixture generator is embedded back.
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <torch/torch.h>

#include "core/io/npy.h"
#include "tests/support/test_support.h"

namespace {
using facet::test::run_command;
const std::string kCli = FACET_CLI;
}  // namespace

TEST(CliEmbed, EmbedsARenderedFace) {
  FACET_REQUIRE_FIXTURES();
  const auto dir = facet::test::scratch_dir("cli_embed");
  const auto g = facet::test::fixture("stylegan2/g_small_zip.pt");
  auto r = run_command(kCli + " render --generator " + g + " --wplus " + facet::test::fixture("stylegan2/wplus.npy") +
                       " --out " + dir + "/face.png");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  // One thread: the CI machine is shared, and OpenMP threads busy-wait badly when oversubscribed.
  const auto embed = [&](int steps, const std::string& out) {
    auto res = run_command("OMP_NUM_THREADS=1 " + kCli + " embed " + dir + "/face_0.png --generator " + g +
                               " --aligned --steps " + std::to_string(steps) + " --lr 0.02 --perceptual none --quiet --out " +
                               dir + "/" + out + ".npy --recon " + dir + "/" + out + ".png --json",
                           /*merge_stderr=*/false);
    EXPECT_EQ(res.exit_code, 0) << res.output;
    return nlohmann::json::parse(res.output);
  };
  const auto start = embed(0, "start"), j = embed(40, "w");
  EXPECT_EQ(j["steps"], 40);
  EXPECT_GT(j["ms_per_step"].get<double>(), 0.0);
  EXPECT_EQ(j["start"], "latent_avg");
  EXPECT_EQ(j["perceptual"], "none (pixel loss only)");
  // The PNG target is the fixture's (mostly saturated) image clamped to [0, 255]: the fit improves clearly.
  EXPECT_LT(j["loss"].get<double>(), 0.2 * start["loss"].get<double>());
  EXPECT_GT(j["psnr_db"].get<double>(), start["psnr_db"].get<double>() + 1.0);
  const auto w = facet::io::read_npy(dir + "/w.npy");
  EXPECT_EQ(w.sizes(), (std::vector<int64_t>{1, 10, 128}));
  EXPECT_EQ(cv::imread(dir + "/w.png").cols, 64);
}

TEST(CliEmbed, RejectsBadInput) {
  FACET_REQUIRE_FIXTURES();
  const auto dir = facet::test::scratch_dir("cli_embed_bad");
  const auto g = facet::test::fixture("stylegan2/g_small_zip.pt");
  cv::imwrite(dir + "/wide.png", cv::Mat(40, 80, CV_8UC3, cv::Scalar(10, 20, 30)));
  auto r = run_command("OMP_NUM_THREADS=1 " + kCli + " embed " + dir + "/wide.png --generator " + g + " --steps 1 --out " + dir + "/w.npy");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("not square"), std::string::npos) << r.output;
  r = run_command(kCli + " embed " + dir + "/missing.png --generator " + g + " --out " + dir + "/w.npy");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_EQ(run_command(kCli + " embed " + dir + "/wide.png --generator " + g).exit_code, 2);  // no --out
  // psp_small.pt has a decoder (used as the generator when --generator is absent) but no encoder weights.
  cv::imwrite(dir + "/square.png", cv::Mat(64, 64, CV_8UC3, cv::Scalar(10, 20, 30)));
  r = run_command("OMP_NUM_THREADS=1 " + kCli + " embed " + dir + "/square.png --encoder " +
                  facet::test::fixture("stylegan2/psp_small.pt") + " --out " + dir + "/w.npy");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("no encoder.* weights"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir + "/w.npy"));
  r = run_command("OMP_NUM_THREADS=1 " + kCli + " embed " + dir + "/square.png --out " + dir + "/w.npy");
  EXPECT_EQ(r.exit_code, 1) << r.output;  // no generator at all
  EXPECT_NE(r.output.find("needs --generator"), std::string::npos) << r.output;
}

TEST(CliEmbed, RandomGeneratorBenchmark) {
  const auto dir = facet::test::scratch_dir("cli_embed_random");
  cv::imwrite(dir + "/square.png", cv::Mat(48, 48, CV_8UC3, cv::Scalar(90, 120, 200)));
  auto r = run_command("OMP_NUM_THREADS=1 " + kCli + " embed " + dir + "/square.png --aligned --random 32 --steps 2 --quiet " +
                           "--perceptual none --out " + dir + "/w.npy --json",
                       /*merge_stderr=*/false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto j = nlohmann::json::parse(r.output);
  EXPECT_EQ(j["generator"], "random config-f");
  EXPECT_EQ(j["size"], 32);
  EXPECT_EQ(j["steps"], 2);
  EXPECT_GT(j["ms_per_step"].get<double>(), 0.0);
  EXPECT_EQ(facet::io::read_npy(dir + "/w.npy").sizes(), (std::vector<int64_t>{1, 8, 512}));
}

#ifdef FACET_WITH_VISION
TEST(CliEmbed, AlignsAPhotoFirst) {
  FACET_REQUIRE_FIXTURES();
  const auto dir = facet::test::scratch_dir("cli_embed_align");
  const auto g = facet::test::fixture("stylegan2/g_small_zip.pt");
  const auto photo = facet::test::source_dir() + "/resources/astronaut.png";
  // The photo, aligned by embed itself, and the crop facet-cli align makes at the generator's size give the same
  // target, so the same loss from the same start.
  auto r = run_command(kCli + " align " + photo + " --size 64 --out " + dir + "/aligned.png");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto embed = [&](const std::string& image, const std::string& flags) {
    auto res = run_command("OMP_NUM_THREADS=1 " + kCli + " embed " + image + " --generator " + g + flags +
                               " --steps 0 --perceptual none --out " + dir + "/w.npy --json",
                           /*merge_stderr=*/false);
    EXPECT_EQ(res.exit_code, 0) << res.output;
    return nlohmann::json::parse(res.output);
  };
  const auto from_photo = embed(photo, ""), from_crop = embed(dir + "/aligned.png", " --aligned");
  EXPECT_FALSE(from_photo.contains("face_note")) << from_photo.dump();
  EXPECT_NEAR(from_photo["loss"].get<double>(), from_crop["loss"].get<double>(),
              1e-3 * from_crop["loss"].get<double>());
}
#endif
