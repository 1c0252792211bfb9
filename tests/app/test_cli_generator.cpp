// render, sample and bench generator, run as a user would.
#include <filesystem>
#include <thread>

#include <nlohmann/json.hpp>
#include <torch/cuda.h>
#include <torch/torch.h>

#include "core/io/npy.h"
#include "tests/support/test_support.h"

using facet::test::fixture;
using facet::test::run_command;

namespace {
std::string cli() { return FACET_CLI; }
}  // namespace

TEST(CliGenerator, RenderNpyMatchesTheReference) {
  FACET_REQUIRE_FIXTURES();
  const std::string out = facet::test::scratch_dir("render") + "/out.npy";
  auto r = run_command(cli() + " render --generator " + fixture("stylegan2/g_small_legacy.pt") + " --wplus " +
                       fixture("stylegan2/wplus.npy") + " --out " + out);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto image = facet::io::read_npy(out);
  EXPECT_LT(facet::test::relative_max_error(image, facet::io::read_npy(fixture("stylegan2/image_wplus.npy"))), 1e-4);
}

TEST(CliGenerator, RenderWritesOnePngPerSampleAndPreviews) {
  FACET_REQUIRE_FIXTURES();
  const std::string dir = facet::test::scratch_dir("render-png");
  auto r = run_command(cli() + " render --generator " + fixture("stylegan2/g_small_zip.pt") + " --wplus " +
                       fixture("stylegan2/wplus.npy") + " --out " + dir + "/face.png --size 32 --noise zero");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* name : {"/face_0.png", "/face_1.png"}) {
    ASSERT_TRUE(std::filesystem::exists(dir + name)) << name;
    auto head = run_command("head -c 8 " + dir + name + " | od -An -tx1", false).output;
    EXPECT_NE(head.find("89 50 4e 47"), std::string::npos) << head;  // PNG signature
  }
  EXPECT_EQ(run_command(cli() + " render --generator " + fixture("stylegan2/g_small_zip.pt") + " --wplus " +
                        fixture("stylegan2/wplus.npy") + " --out " + dir + "/x.png --noise loud").exit_code, 1);
  EXPECT_EQ(run_command(cli() + " render --wplus w.npy --out x.png").exit_code, 2);  // --generator missing
}

TEST(CliGenerator, SampleWritesImagesAndTheirCodes) {
  FACET_REQUIRE_FIXTURES();
  const std::string dir = facet::test::scratch_dir("sample");
  auto r = run_command(cli() + " sample --generator " + fixture("stylegan2/psp_small.pt") +
                       " --seed 3 --count 3 --truncation 0.7 --out " + dir);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(facet::io::read_npy(dir + "/wplus.npy").sizes(), (std::vector<int64_t>{3, 10, 128}));
  EXPECT_TRUE(std::filesystem::exists(dir + "/000002.png"));
  // Seeded: the same seed gives the same codes.
  const std::string again = facet::test::scratch_dir("sample2");
  run_command(cli() + " sample --generator " + fixture("stylegan2/psp_small.pt") + " --seed 3 --count 3 --truncation 0.7 --out " + again);
  EXPECT_TRUE(torch::equal(facet::io::read_npy(dir + "/wplus.npy"), facet::io::read_npy(again + "/wplus.npy")));
}

TEST(CliGenerator, BenchReportsJson) {
  FACET_REQUIRE_FIXTURES();
  auto r = run_command(cli() + " bench generator --generator " + fixture("stylegan2/g_small_zip.pt") +
                       " --size 16 --size 64 --repeat 1 --json", false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto json = nlohmann::json::parse(r.output);
  EXPECT_EQ(json["device"], torch::cuda::is_available() ? "cuda:0" : "cpu");  // found without the CLI's device code
  ASSERT_EQ(json["results"].size(), 2u);
  EXPECT_EQ(json["results"][1]["size"], 64);
  EXPECT_GT(json["results"][1]["ms_median"].get<double>(), 0.0);
  // The roofline: the measured peak, and per block the direct-convolution work that adds up to the image's.
  EXPECT_GT(json["fma_peak"]["gmacs"].get<double>(), 0.0);
  const auto& r64 = json["results"][1];
  ASSERT_TRUE(r64.contains("blocks")) << r64.dump();
  ASSERT_EQ(r64["blocks"].size(), 5u);  // 4² … 64²
  EXPECT_EQ(r64["blocks"][4]["resolution"], 64);
  double block_gmac = 0;
  for (const auto& b : r64["blocks"]) block_gmac += b["gmac"].get<double>();
  EXPECT_NEAR(block_gmac, r64["gmac"].get<double>(), 1e-9);
  EXPECT_NEAR(r64["x_peak"].get<double>(), r64["gmacs"].get<double>() / json["fma_peak"]["gmacs"].get<double>(), 1e-9);
}

TEST(CliGenerator, BenchTimesBatchesPrecisionsAndTheMatrix) {
  FACET_REQUIRE_FIXTURES();
  const std::string bench = cli() + " bench generator --generator " + fixture("stylegan2/g_small_zip.pt");
  auto r = run_command(bench + " --device cpu --size 32 --batch 1 --batch 3 --repeat 1 --json", false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto json = nlohmann::json::parse(r.output);
  ASSERT_EQ(json["results"].size(), 2u);
  EXPECT_EQ(json["results"][1]["batch"], 3);
  EXPECT_EQ(json["results"][1]["precision"], "float32");
  EXPECT_NEAR(json["results"][1]["ms_per_image"].get<double>() * 3, json["results"][1]["ms_batch"].get<double>(), 1e-6);

  r = run_command(bench + " --device cpu --matrix --repeat 1 --json", false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  json = nlohmann::json::parse(r.output);
  ASSERT_EQ(json["results"].size(), 2u);  // the CPU: float32 at batch 1 and 8
  EXPECT_EQ(json["results"][0]["size"], 64);
  EXPECT_EQ(json["results"][1]["batch"], 8);

  // Reduced precision is for CUDA; unknown names are usage errors that say what is allowed.
  r = run_command(bench + " --device cpu --size 16 --precision half --repeat 1");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("needs a CUDA device"), std::string::npos) << r.output;
  r = run_command(bench + " --device cpu --size 16 --precision fp8 --repeat 1");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("float32, tf32, half or bfloat16"), std::string::npos) << r.output;
}

TEST(CliGenerator, StartupTuningChangesNothingButTime) {
  FACET_REQUIRE_FIXTURES();
  // The pre-init hook (app/cli/startup.cpp) shows the libraries' initialisers one CPU and warms the heap: the
  // images must stay the same (up to float rounding: OpenBLAS then sums the mapping network single-threaded), and
  // the command must still get every core (OMP_NUM_THREADS unset, as for a user).
  const std::string dir = facet::test::scratch_dir("startup-tuning");
  const std::string render = " render --generator " + fixture("stylegan2/g_small_zip.pt") + " --wplus " +
                             fixture("stylegan2/wplus.npy") + " --out ";
  ASSERT_EQ(run_command(cli() + render + dir + "/tuned.npy").exit_code, 0);
  ASSERT_EQ(run_command("env FACET_NO_STARTUP_TUNING=1 " + cli() + render + dir + "/plain.npy").exit_code, 0);
  EXPECT_LT(facet::test::relative_max_error(facet::io::read_npy(dir + "/tuned.npy"),
                                            facet::io::read_npy(dir + "/plain.npy")),
            1e-5);

  auto r = run_command("env -u OMP_NUM_THREADS " + cli() + " bench generator --generator " +
                           fixture("stylegan2/g_small_zip.pt") + " --size 16 --repeat 1 --json",
                       false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(nlohmann::json::parse(r.output)["threads"].get<unsigned>(), std::thread::hardware_concurrency());
}

TEST(CliLatent, ClassifyAndEditMatchTheReference) {
  FACET_REQUIRE_FIXTURES();
  const std::string dir = facet::test::scratch_dir("latent");
  auto r = run_command(cli() + " classify --classifier " + fixture("latent_transformer/latent_classifier.pth") +
                       " --wplus " + fixture("stylegan2/wplus.npy") + " --out " + dir + "/p.npy --json", false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto json = nlohmann::json::parse(r.output);
  auto logits = facet::io::read_npy(fixture("latent_transformer/classifier_logits.npy"));
  EXPECT_NEAR(json[1]["Eyeglasses"].get<double>(), torch::sigmoid(logits[1][15]).item<double>(), 1e-5);
  EXPECT_EQ(facet::io::read_npy(dir + "/p.npy").sizes(), (std::vector<int64_t>{2, 40}));

  // Sample 0 of the fixture was transformed with α = 0.75 over all layers.
  r = run_command(cli() + " edit --wplus " + fixture("stylegan2/wplus.npy") + " --transformer " +
                  fixture("latent_transformer/tnet_15.pth.tar") + " --alpha 0.75 --layers all --out " + dir + "/e.npy");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto edited = facet::io::read_npy(dir + "/e.npy");
  EXPECT_LT(facet::test::relative_max_error(edited[0], facet::io::read_npy(fixture("latent_transformer/tnet_out.npy"))[0]), 1e-5);
  // --attr with a folder, default layers: layers 0–9 of this 10-layer code are all edited (0–10 clipped).
  r = run_command(cli() + " edit --wplus " + fixture("stylegan2/wplus.npy") + " --attr Eyeglasses --transformers " +
                  fixture("latent_transformer") + " --alpha 0.75 --out " + dir + "/e2.npy");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(torch::allclose(facet::io::read_npy(dir + "/e2.npy"), edited));
  EXPECT_EQ(run_command(cli() + " edit --wplus " + fixture("stylegan2/wplus.npy") + " --attr Tail --transformers " +
                        fixture("latent_transformer") + " --alpha 1 --out " + dir + "/x.npy").exit_code, 1);
}

TEST(CliLatent, TrainWritesFilesTheLoadersRead) {
  const std::string dir = facet::test::scratch_dir("train");
  torch::manual_seed(3);
  auto w = torch::randn({96, 4, 8});
  facet::io::write_npy(dir + "/w.npy", w);
  facet::io::write_npy(dir + "/l.npy", w.reshape({96, -1}).slice(1, 0, 40).gt(0).to(torch::kFloat32));
  auto r = run_command(cli() + " train classifier --latents " + dir + "/w.npy --labels " + dir + "/l.npy --out " + dir +
                       "/c.pth --epochs 2 --json", false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_GT(nlohmann::json::parse(r.output)["mean_accuracy"].get<double>(), 0.0);
  r = run_command(cli() + " train transformer --attr Smiling --latents " + dir + "/w.npy --labels " + dir +
                  "/l.npy --classifier " + dir + "/c.pth --out " + dir + "/tnet_31.pth.tar --max-steps 4 --json", false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(nlohmann::json::parse(r.output)["steps"], 4);
  // The trained transformer drives `edit` like the authors' files do.
  r = run_command(cli() + " edit --wplus " + dir + "/w.npy --attr Smiling --transformers " + dir + " --alpha 1 --out " +
                  dir + "/e.npy");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_FALSE(torch::equal(facet::io::read_npy(dir + "/e.npy"), w));
  EXPECT_EQ(run_command(cli() + " train transformer --attr Nope --latents " + dir + "/w.npy --labels " + dir +
                        "/l.npy --classifier " + dir + "/c.pth --out " + dir + "/t.pth").exit_code, 1);
}
