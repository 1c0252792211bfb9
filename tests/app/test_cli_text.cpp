// facet-cli text … and edit --text end to end, on the small fixture generator with the CLIP stand-in.
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "core/io/npy.h"
#include "tests/support/test_support.h"

namespace {

using facet::test::fixture;
using facet::test::run_command;

std::string cli() { return FACET_CLI; }
std::string data(const std::string& name) { return facet::test::source_dir() + "/tests/data/clip/" + name; }
std::string clip_args() { return " --clip " + data("clip_standin.pt") + " --vocab " + data("tiny_merges.txt"); }

std::string one_code(const std::string& dir) {
  const auto w = facet::io::read_npy(fixture("stylegan2/wplus.npy"));
  const std::string path = dir + "/w.npy";
  facet::io::write_npy(path, (w.dim() == 3 ? w.slice(0, 0, 1) : w.unsqueeze(0)).contiguous());
  return path;
}

TEST(CliText, Tokenize) {
  const auto r = run_command(cli() + " text tokenize --text 'Hello' --vocab " + data("tiny_merges.txt"), false);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.output, "518 515 519\n");
  EXPECT_EQ(run_command(cli() + " text tokenize --vocab " + data("tiny_merges.txt")).exit_code, 2);
  EXPECT_EQ(run_command(cli() + " text tokenize --text a --vocab /nonexistent.gz").exit_code, 1);
}

TEST(CliText, OptimiseThenEditWithTheDirection) {
  FACET_REQUIRE_FIXTURES();
  const auto dir = facet::test::scratch_dir("cli_text_opt");
  const auto w = one_code(dir);
  const auto gen = fixture("stylegan2/g_small_zip.pt");
  auto r = run_command(cli() + " text optimise --generator " + gen + " --wplus " + w + " --prompt 'curly hair' --steps 10" +
                           clip_args() + " --out " + dir + "/curly.json --result " + dir + "/wopt.npy --json",
                       false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto report = nlohmann::json::parse(r.output);
  EXPECT_LT(report["clip_end"].get<double>(), report["clip_start"].get<double>());
  r = run_command(cli() + " edit --wplus " + w + " --out " + dir + "/half.npy --text-direction " + dir +
                  "/curly.json --alpha 0.5");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto w0 = facet::io::read_npy(w), wopt = facet::io::read_npy(dir + "/wopt.npy");
  EXPECT_TRUE(torch::allclose(facet::io::read_npy(dir + "/half.npy"), w0 + 0.5 * (wopt - w0), 1e-4, 1e-5));
  // edit --text optimises on the fly.
  r = run_command(cli() + " edit --wplus " + w + " --out " + dir + "/text.npy --text 'a surprised face' --text-generator " +
                  gen + " --text-steps 3 --alpha 1" + clip_args());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(std::filesystem::exists(dir + "/text.npy"));
  // A text edit does not mix with transformers in one call; a missing prompt is a usage error.
  EXPECT_EQ(run_command(cli() + " edit --wplus " + w + " --out x.npy --text-direction " + dir +
                        "/curly.json --transformer tnet_1.pth.tar --alpha 1 --alpha 1").exit_code, 1);
  EXPECT_EQ(run_command(cli() + " text optimise --generator " + gen + " --wplus " + w + " --out x.json").exit_code, 2);
}

TEST(CliText, GlobalApplyAndMapper) {
  FACET_REQUIRE_FIXTURES();
  const auto dir = facet::test::scratch_dir("cli_text_global");
  const auto w = one_code(dir);
  const auto gen = fixture("stylegan2/g_small_zip.pt");
  auto r = run_command(cli() + " text global --generator " + gen + " --target 'face with glasses' --neutral face --beta 0" +
                           " --samples 1 --std-samples 16 --max-channels 8 --cache " + dir + "/cache" + clip_args() +
                           " --out " + dir + "/glasses.json --json",
                       false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_GT(nlohmann::json::parse(r.output)["channels_used"].get<int>(), 0);
  r = run_command(cli() + " text apply --generator " + gen + " --direction " + dir + "/glasses.json --wplus " + w +
                  " --alpha 3 --render " + dir + "/glasses.png");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(std::filesystem::exists(dir + "/glasses.png"));
  EXPECT_EQ(run_command(cli() + " text apply --generator " + gen + " --direction " + dir + "/glasses.json --wplus " + w +
                        " --out x.npy").exit_code, 1);  // style directions have no W+ result

  r = run_command(cli() + " text mapper --generator " + gen + " --prompt 'purple hair' --steps 2 --save " + dir +
                  "/mapper.pt --wplus " + w + " --out " + dir + "/m1.json" + clip_args());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  r = run_command(cli() + " text mapper --generator " + gen + " --prompt 'purple hair' --load " + dir + "/mapper.pt --wplus " +
                  w + " --out " + dir + "/m2.json");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(run_command("cmp " + dir + "/m1.json " + dir + "/m2.json").exit_code, 0);
}

}  // namespace
