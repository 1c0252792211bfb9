// bench preview, run as a user would: the editor's render backend through a scripted drag.
#include <nlohmann/json.hpp>

#include "tests/support/test_support.h"

using facet::test::fixture;
using facet::test::run_command;

TEST(CliPreview, DragReportsPreviewFullAndPsnr) {
  FACET_REQUIRE_FIXTURES();
  auto r = run_command(std::string(FACET_CLI) + " bench preview --generator " + fixture("stylegan2/g_small_zip.pt") +
                           " --device cpu --moves 4 --full-repeat 1 --preview-size 16 --json",
                       false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto json = nlohmann::json::parse(r.output);
  EXPECT_EQ(json["moves"], 4);
  EXPECT_EQ(json["preview"]["size"], 16);
  EXPECT_EQ(json["full"]["size"], json["model_size"]);
  EXPECT_GT(json["preview"]["ms_median"].get<double>(), 0.0);
  EXPECT_GE(json["preview"]["ms_p95"].get<double>(), json["preview"]["ms_median"].get<double>());
  EXPECT_GE(json["preview"]["ms_median"].get<double>(), json["preview"]["synthesis_ms_median"].get<double>());
  EXPECT_GT(json["full"]["ms_median"].get<double>(), 0.0);
  EXPECT_GT(json["fma_peak"]["gmacs"].get<double>(), 0.0);
  EXPECT_GT(json["preview"]["x_peak"].get<double>(), 0.0);
  // The preview is the float32 synthesis at its size: pixel for pixel the reference (no PSNR: +∞).
  EXPECT_TRUE(json["preview_psnr_db"].is_null()) << json["preview_psnr_db"];

  r = run_command(std::string(FACET_CLI) + " bench preview --generator " + fixture("stylegan2/g_small_zip.pt") +
                  " --moves 1");
  EXPECT_NE(r.exit_code, 0);
}

// facet-cli forwards every argument to the backend's executable, --help included: its options are the real ones.
TEST(CliPreview, HelpIsTheBackendsOwn) {
  const auto r = run_command(std::string(FACET_CLI) + " bench preview --help", false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("--preview-precision"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("--moves"), std::string::npos) << r.output;
}
