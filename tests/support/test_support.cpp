#include "tests/support/test_support.h"

#include <cstdlib>
#include <filesystem>
#include <random>
#include <sys/wait.h>

#include <torch/torch.h>

namespace fs = std::filesystem;

namespace facet::test {
namespace {
struct ScratchCleanup {
  std::vector<fs::path> dirs;
  ~ScratchCleanup() {
    std::error_code ec;
    for (const auto& d : dirs) fs::remove_all(d, ec);
  }
};
ScratchCleanup& cleanup() {
  static ScratchCleanup c;
  return c;
}
}  // namespace

std::string fixtures_dir() {
  const char* env = std::getenv("FACET_FIXTURES");
  std::string dir = env ? env : FACET_FIXTURES_DIR;
  std::error_code ec;
  return fs::is_directory(dir, ec) ? fs::canonical(dir, ec).string() : std::string();
}

std::string fixture(const std::string& relative) { return fixtures_dir() + "/" + relative; }

std::string source_dir() { return FACET_SOURCE_DIR; }

std::string scratch_dir(const std::string& tag) {
  std::random_device rd;
  fs::path dir = fs::temp_directory_path() / ("facet-test-" + tag + "-" + std::to_string(rd()));
  fs::create_directories(dir);
  cleanup().dirs.push_back(dir);
  return dir.string();
}

CommandResult run_command(const std::string& command_line, bool merge_stderr) {
  CommandResult result;
  const std::string full = command_line + (merge_stderr ? " 2>&1" : "");
  FILE* pipe = popen(full.c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

double relative_max_error(const torch::Tensor& actual, const torch::Tensor& reference) {
  auto a = actual.to(torch::kCPU, torch::kFloat64);
  auto r = reference.to(torch::kCPU, torch::kFloat64);
  double scale = r.abs().max().item<double>();
  double err = (a - r).abs().max().item<double>();
  return scale > 0 ? err / scale : err;
}

}  // namespace facet::test
