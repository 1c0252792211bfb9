#include <nlohmann/json.hpp>
#include <torch/cuda.h>

#include "tests/support/test_support.h"

using facet::test::run_command;

TEST(Cli, HelpListsCommandsAndExitsZero) {
  auto r = run_command(std::string(FACET_CLI) + " --help");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("info"), std::string::npos) << r.output;
}

TEST(Cli, VersionPrintsVersion) {
  auto r = run_command(std::string(FACET_CLI) + " --version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.output.find("facet-cli "), std::string::npos) << r.output;
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(run_command(std::string(FACET_CLI)).exit_code, 2);
  EXPECT_EQ(run_command(std::string(FACET_CLI) + " no-such-command").exit_code, 2);
  EXPECT_EQ(run_command(std::string(FACET_CLI) + " info --no-such-flag").exit_code, 2);
}

TEST(Cli, InfoJsonIsMachineReadable) {
  auto r = run_command(std::string(FACET_CLI) + " info --json", /*merge_stderr=*/false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto json = nlohmann::json::parse(r.output);
  // The machine's actual device, found here without the CLI's own device code: the first GPU where this LibTorch
  // has CUDA and sees one, else the CPU.
  EXPECT_EQ(json["device"], torch::cuda::is_available() ? "cuda:0" : "cpu");
  EXPECT_FALSE(json["model_search_paths"].empty());
}

TEST(Cli, InspectListsTensorsAsJson) {
  const std::string file = facet::test::source_dir() + "/tests/data/io/mixed_zip.pt";
  auto r = run_command(std::string(FACET_CLI) + " inspect --json " + file, /*merge_stderr=*/false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto json = nlohmann::json::parse(r.output);
  ASSERT_EQ(json["tensors"].size(), 9u);
  EXPECT_EQ(json["tensors"][0]["name"], "shared_a");
  EXPECT_EQ(json["tensors"][0]["shape"], nlohmann::json({3, 4}));
  EXPECT_DOUBLE_EQ(json["tensors"][0]["sum"].get<double>(), 66.0);
  EXPECT_EQ(json["values"]["nested.list.2"], "text");
}

TEST(Cli, InspectRefusesBadFilesWithExitOne) {
  auto r = run_command(std::string(FACET_CLI) + " inspect " + facet::test::source_dir() + "/tests/data/io/evil_global.pt");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("posix.system"), std::string::npos) << r.output;
  EXPECT_EQ(run_command(std::string(FACET_CLI) + " inspect /nonexistent.pt").exit_code, 1);
}
