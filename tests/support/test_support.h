#pragma once
// Shared test helpers: where fixtures live, scratch folders, tensor comparison with the fixtures' tolerance.
#include <string>

#include <gtest/gtest.h>
#include <torch/types.h>

namespace facet::test {

// tests/data/fixtures (or $FACET_FIXTURES). Empty string when the folder is absent.
std::string fixtures_dir();
std::string fixture(const std::string& relative);  // fixtures_dir() + "/" + relative
std::string source_dir();                         // the repository root
// A fresh empty folder under the system temp dir, removed at process exit.
std::string scratch_dir(const std::string& tag);

// Runs a shell command line, capturing stdout (stderr too when merge_stderr); returns the exit status.
struct CommandResult {
  int exit_code = -1;
  std::string output;
};
CommandResult run_command(const std::string& command_line, bool merge_stderr = true);

// max |a − b| / max |b| — the parity measure the fixtures README asks for.
double relative_max_error(const torch::Tensor& actual, const torch::Tensor& reference);

}  // namespace facet::test

// Fails the current test, saying why, when the fixtures folder is missing: the repository ships it, so its
// absence is a broken checkout or a wrong $FACET_FIXTURES, never a reason to skip.
#define FACET_REQUIRE_FIXTURES()                                                                        \
  do {                                                                                                  \
    if (::facet::test::fixtures_dir().empty())                                                          \
      FAIL() << "tests/data/fixtures not found (a partial checkout, or $FACET_FIXTURES names no folder)"; \
  } while (0)
