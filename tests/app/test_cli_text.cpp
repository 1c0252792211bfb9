// facet-cli text … and edit --text end to end, on the small fixture generator with the CLIP stand-in.
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "core/io/atomic_file.h"
#include "core/io/npy.h"
#ifdef FACET_WITH_VISION
#include <fstream>

#include <opencv2/core.hpp>

#include "core/edit/text_direction.h"
#include "core/video/frame_source.h"
#endif
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

// text statistics in shards: each computes a block of channels, and merge writes the file one run writes, byte for
// byte, where text global --cache finds it. 8 channels over 3 shards: 3, 3 and 2.
TEST(CliText, StatisticsShardsMergedAreTheFileOfOneRun) {
  FACET_REQUIRE_FIXTURES();
  namespace fs = std::filesystem;
  const auto dir = facet::test::scratch_dir("cli_text_statistics");
  const auto gen = fixture("stylegan2/g_small_zip.pt");
  const std::string statistics = cli() + " text statistics --generator " + gen +
                                 " --samples 2 --std-samples 16 --max-channels 8 --batch 3" + clip_args() + " --out ";
  auto one = run_command(statistics + dir + "/whole --json", false);
  ASSERT_EQ(one.exit_code, 0) << one.output;
  const auto report = nlohmann::json::parse(one.output);
  EXPECT_EQ(report["channels"], 8);
  EXPECT_FALSE(report["cached"].get<bool>());
  const std::string name = fs::path(report["statistics"].get<std::string>()).filename().string();
  for (int s : {2, 0}) {
    const auto r = run_command(statistics + dir + "/split --shard " + std::to_string(s) + "/3 --json", false);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(nlohmann::json::parse(r.output)["channels"], s == 2 ? 2 : 3);
  }
  auto r = run_command(cli() + " merge " + dir + "/split");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("1/3"), std::string::npos) << "names the missing shard: " << r.output;
  ASSERT_EQ(run_command(statistics + dir + "/split --shard 1/3").exit_code, 0);
  r = run_command(cli() + " merge " + dir + "/split");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  ASSERT_TRUE(fs::exists(dir + "/split/" + name)) << r.output;
  EXPECT_TRUE(facet::io::read_file(dir + "/whole/" + name) == facet::io::read_file(dir + "/split/" + name));
  // A second run finds the statistics; text global uses the merged ones as its cache and gives the same direction.
  r = run_command(statistics + dir + "/split --json", false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(nlohmann::json::parse(r.output)["cached"].get<bool>());
  for (const std::string tag : {"whole", "split"}) {
    r = run_command(cli() + " text global --generator " + gen + " --target 'face with glasses' --neutral face --beta 0" +
                    " --samples 2 --std-samples 16 --max-channels 8 --cache " + dir + "/" + tag + clip_args() +
                    " --out " + dir + "/" + tag + ".json");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(r.output.find("channel 8/8"), std::string::npos) << "computed again: " << r.output;
  }
  EXPECT_TRUE(facet::io::read_file(dir + "/whole.json") == facet::io::read_file(dir + "/split.json"));
  r = run_command(statistics.substr(0, statistics.size() - 7) + " --shard 0/2");  // without --out
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("--shard needs --out"), std::string::npos) << r.output;
}

#ifdef FACET_WITH_VISION
// A session whose timeline moves a text slider (a W+ direction embedded in the session) 0 → `to` over a second.
std::string text_session(const std::string& dir, const std::string& name, float to, bool embed) {
  facet::io::write_npy(dir + "/face.npy", facet::io::read_npy(one_code(dir)));
  torch::manual_seed(5);
  facet::edit::TextDirection d;
  d.prompt = "curly hair";
  d.method = "optimisation";
  d.delta = torch::randn({10, 128}) * 0.5;
  nlohmann::json session{{"format", "facet-session"}, {"version", 1}, {"face", 0}, {"wplus", "face.npy"},
                         {"alphas", nlohmann::json::array()}, {"attributes", nlohmann::json::array()},
                         {"models", nlohmann::json::array()}};
  if (embed)
    session["text_sliders"] = {{{"id", "text-1"}, {"alpha", to}, {"direction", facet::edit::text_direction_to_json(d)}}};
  session["timeline"] = {{"version", 1}, {"interpolation", "linear"}, {"attributes", nlohmann::json::array()},
                         {"text_sliders", {"text-1"}},
                         {"keyframes", {{{"time", 0}, {"alphas", nlohmann::json::array()}, {"text_alphas", {0.0}}},
                                        {{"time", 1}, {"alphas", nlohmann::json::array()}, {"text_alphas", {to}}}}}};
  const std::string path = dir + "/" + name + ".facet";
  std::ofstream(path) << session.dump();
  return path;
}

std::vector<cv::Mat> frames_of(const std::string& video) {
  facet::video::FrameSource source(video);
  std::vector<cv::Mat> out;
  cv::Mat frame;
  while (source.read(frame)) out.push_back(frame.clone());
  return out;
}

TEST(CliText, RenderTimelineMovesATextSlider) {
  FACET_REQUIRE_FIXTURES();
  const auto dir = facet::test::scratch_dir("cli_text_timeline");
  const auto gen = fixture("stylegan2/g_small_zip.pt");
  const auto render = [&](const std::string& session, const std::string& out, bool json = true) {
    return run_command(cli() + " render-timeline " + session + " --out " + dir + "/" + out + " --codec mjpeg --fps 2 "
                       "--generator " + gen + (json ? " --json" : ""), !json);
  };
  auto moving = render(text_session(dir, "moving", 2.f, true), "moving.avi");
  ASSERT_EQ(moving.exit_code, 0) << moving.output;
  EXPECT_EQ(nlohmann::json::parse(moving.output)["frames"], 3);
  auto still = render(text_session(dir, "still", 0.f, true), "still.avi");
  ASSERT_EQ(still.exit_code, 0) << still.output;
  const auto a = frames_of(dir + "/moving.avi"), b = frames_of(dir + "/still.avi");
  ASSERT_EQ(a.size(), 3u);
  ASSERT_EQ(b.size(), 3u);
  // Same first frame (α = 0 in both); the text slider's frames move away from the unedited face.
  const double first = cv::norm(a[0], b[0], cv::NORM_L1) / a[0].total();
  const double last = cv::norm(a[2], b[2], cv::NORM_L1) / a[2].total();
  EXPECT_LT(first, 1.0);
  EXPECT_GT(last, 10 * std::max(first, 1.0)) << "first " << first << " last " << last;
  // A timeline that moves a text slider the session does not embed fails, naming it.
  const auto missing = render(text_session(dir, "missing", 2.f, false), "missing.avi", false);
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.output.find("text-1"), std::string::npos) << missing.output;
}
#endif

}  // namespace
