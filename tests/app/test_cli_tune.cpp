// facet-cli tune end to end on the fixture generator and a photo: the tuning loss falls, the change loads with --tuned
// (also onto the same weights from another file) and renders what the tuned generator rendered, closer to the photo;
// bench tune reports a step time; evaluate --photos compares encoder, refinement and tuning.
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include "core/io/atomic_file.h"
#include "core/io/npy.h"
#include "core/nn/latent/latent_transformer.h"
#include "core/nn/stylegan2/generator.h"
#include "tests/core/nn/faceapi/faceapi_models_dir.h"
#include "tests/support/encoder_checkpoint.h"
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
  // An aligned photo (256², brought to the generator's 64²) and a fixture code as the pivot.
  const std::string photo = facet::test::source_dir() + "/tests/data/face/astronaut_aligned_256.png";
  auto r = run_command("OMP_NUM_THREADS=1 " + kCli + " tune " + photo + " --aligned --generator " + g + " --wplus " +
                           dir + "/pivot.npy --steps 30 --lr 0.002 --loss l2 --quiet --out " + dir +
                           "/face.tuned --recon " + dir + "/recon.png --json",
                       /*merge_stderr=*/false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto j = nlohmann::json::parse(r.output);
  EXPECT_EQ(j["loss"], "l2");
  EXPECT_EQ(j["steps"], 30);
  // Measured: 0.351 → 0.146 (0.41 of the start).
  EXPECT_LT(j["l2"].get<double>(), 0.6 * j["l2_before"].get<double>());
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

// evaluate --photos: the encoder (a random-weight pSp sized for the fixture generator), a few refinement steps and
// pivotal tuning side by side on two photos, and a photo without a face that is named and skipped. Identity figures
// come from face-api when its models are found (FACET_FACEAPI_DIR, the build's copy, the models path), else they
// are absent and the report says so.
TEST(CliTune, EvaluatePhotosComparesEncoderRefinementAndTuning) {
  FACET_REQUIRE_FIXTURES();
  const auto dir = facet::test::scratch_dir("cli_evaluate_photos");
  const auto g_path = facet::test::fixture("stylegan2/g_small_zip.pt");
  auto g = facet::nn::StyleGan2::load(g_path);
  facet::test::EncoderCheckpointSpec spec;
  spec.n_styles = g->n_latent();
  spec.style_dim = g->style_dim();
  spec.latent_avg = g->latent_avg();
  spec.style_scale = 0.2;
  facet::test::write_encoder_checkpoint(dir + "/psp_small.pt", spec);
  std::filesystem::create_directories(dir + "/tnets");
  torch::manual_seed(4);
  facet::nn::LatentTransformer transformer(g->n_latent(), g->style_dim());
  facet::nn::save_latent_transformer(dir + "/tnets/tnet_31.pth.tar", transformer);  // 31: Smiling

  const cv::Mat astronaut = cv::imread(facet::test::source_dir() + "/resources/astronaut.png");
  cv::Mat mirrored, noise(240, 320, CV_8UC3);
  cv::flip(astronaut, mirrored, 1);
  cv::randu(noise, 0, 255);
  cv::imwrite(dir + "/a.png", astronaut);
  cv::imwrite(dir + "/b_mirrored.png", mirrored);
  cv::imwrite(dir + "/c_noise.png", noise);
  facet::io::write_file_atomic(dir + "/photos.txt", dir + "/a.png\n" + dir + "/c_noise.png\n" + dir + "/b_mirrored.png\n");

  const std::string faceapi = facet::test::faceapi_models_dir();
  const std::string common = "OMP_NUM_THREADS=1 " + kCli + " evaluate --photos " + dir + "/photos.txt --generator " +
                             g_path + " --transformers " + dir + "/tnets --attrs Smiling --alpha 1.5 --loss l2" +
                             (faceapi.empty() ? std::string() : " --faceapi " + faceapi);
  const std::string base = common + " --encoder " + dir + "/psp_small.pt";
  auto r = run_command(base + " --refine-steps 5 --tune-steps 30 --tune-lr 0.002 --json --out " + dir + "/eval",
                       /*merge_stderr=*/false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto j = nlohmann::json::parse(r.output);
  EXPECT_EQ(j, nlohmann::json::parse(facet::io::read_file(dir + "/eval/evaluation.json")));
  EXPECT_EQ(j["evaluated"], 2);
  EXPECT_EQ(j["not_evaluated"], 1);
  EXPECT_EQ(j["metrics"]["lpips"], false);  // --loss l2: no LPIPS, and said so
  const bool identity = !j["metrics"]["identity"].is_null();
  EXPECT_EQ(identity, !faceapi.empty() || j["metrics"]["identity"] == "arcface_cosine_distance");
  if (!identity) {
    EXPECT_NE(j["notes"].dump().find("identity distance absent"), std::string::npos) << j["notes"];
  }
  EXPECT_EQ(j["attributes"], nlohmann::json::array({"Smiling"}));
  ASSERT_EQ(j["photos"].size(), 3u);
  const auto& no_face = j["photos"][1];
  EXPECT_NE(no_face["error"].get<std::string>().find("no face found"), std::string::npos) << no_face;
  EXPECT_TRUE(no_face["methods"].is_null());

  double mse_sum[3] = {0, 0, 0};
  for (int i : {0, 2}) {
    const auto& p = j["photos"][i];
    ASSERT_TRUE(p["error"].is_null()) << p;
    int k = 0;
    for (const char* method : {"encoder", "refined", "tuned"}) {
      const auto& m = p["methods"][method];
      ASSERT_TRUE(m.is_object()) << method << ": " << p;
      for (const char* key : {"mse", "lpips", "identity", "edits", "seconds"}) EXPECT_TRUE(m.contains(key)) << key;
      EXPECT_GT(m["mse"].get<double>(), 0);
      EXPECT_TRUE(m["lpips"].is_null());
      EXPECT_EQ(m["identity"].is_number(), identity);
      EXPECT_EQ(m["edits"]["Smiling"].is_number(), identity);
      if (identity) {
        EXPECT_GT(m["edits"]["Smiling"].get<double>(), 0) << "an edit at α 1.5 moves the face";
      }
      EXPECT_TRUE(std::filesystem::exists(dir + "/eval/" + (i == 0 ? "a" : "b_mirrored") + "_" + method + ".png"));
      mse_sum[k++] += m["mse"].get<double>();
    }
    // Measured on the fixtures: encoder 0.304 and 0.304, refined (5 steps) 0.270 and 0.269, tuned (30 steps) 0.112
    // and 0.125: 0.37 and 0.41 of the encoder's.
    EXPECT_LT(p["methods"]["tuned"]["mse"].get<double>(), 0.6 * p["methods"]["encoder"]["mse"].get<double>()) << p;
    std::cout << p["photo"] << ": " << p["methods"].dump() << "\n";
  }
  int k = 0;
  for (const char* method : {"encoder", "refined", "tuned"})
    EXPECT_NEAR(j["means"][method]["mse"].get<double>(), mse_sum[k++] / 2, 1e-9) << method;

  // The table, here without the encoder and tuning: every method's row, the photo without a face in words, the
  // means.
  r = run_command(common + " --refine-steps 2 --tune-steps 0", /*merge_stderr=*/false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("c_noise.png"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("not evaluated: no face found"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("mean of 2 photo(s)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("encoder    (not run)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("tuned      (not run)"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("refined    (not run)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("LPIPS: absent"), std::string::npos) << r.output;

  // Nothing to start from; no photo with a face: errors, in words.
  r = run_command(kCli + " evaluate --photos " + dir + "/photos.txt --generator " + g_path + " --refine-steps 0");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("nothing to start from"), std::string::npos) << r.output;
  facet::io::write_file_atomic(dir + "/none.txt", dir + "/c_noise.png\n");
  r = run_command("OMP_NUM_THREADS=1 " + kCli + " evaluate --photos " + dir + "/none.txt --generator " + g_path +
                  " --refine-steps 1 --tune-steps 1 --loss l2");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("no photo could be evaluated"), std::string::npos) << r.output;
  // --latents and --photos exclude each other.
  r = run_command(kCli + " evaluate --photos " + dir + "/none.txt --latents x.npy --generator " + g_path);
  EXPECT_EQ(r.exit_code, 2) << r.output;
}
