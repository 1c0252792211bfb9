// facet-cli bench preview: starts facet-bench-preview, which drives the editor's own render backend. That backend is
// part of the editor's Qt half; facet-cli stays free of Qt (it builds in the LibTorch-only configuration, and its
// sources share the executables' precompiled LibTorch header, which Qt's -fPIC would invalidate).
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "app/cli/command.h"
#include "core/io/error.h"

namespace facet::cli {
namespace {

namespace fs = std::filesystem;

// facet-bench-preview beside this executable (the build tree) or in ../libexec/facet (installed); empty if neither.
fs::path bench_preview_executable() {
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  if (error) throw Error("bench preview: cannot find facet-cli's own folder: " + error.message());
  for (const fs::path& candidate : {self.parent_path() / "facet-bench-preview",
                                    self.parent_path().parent_path() / "libexec" / "facet" / "facet-bench-preview"})
    if (fs::exists(candidate, error)) return candidate;
  return {};
}

void register_bench_preview_launcher(CLI::App& root, Commands& commands) {
  auto& bench = group(root, "bench", "Benchmarks");
  auto* cmd = bench.add_subcommand(
      "preview", "Time the editor's render backend through a slider drag: previews, the render at rest, preview PSNR "
                 "(its options: facet-cli bench preview --help)");
  // Every argument, --help included, belongs to facet-bench-preview.
  cmd->set_help_flag();
  cmd->fallthrough(false);
  cmd->prefix_command();
  commands.bind(cmd, [cmd]() -> int {
    const fs::path program = bench_preview_executable();
    if (program.empty())
      throw Error("bench preview drives the editor's render backend, which is built with the editor: "
                  "facet-bench-preview is not installed beside facet-cli (build the whole app with ./facet.sh build, "
                  "not build-core)");
    std::vector<std::string> args{program.string(), "bench", "preview"};
    for (const std::string& arg : cmd->remaining()) args.push_back(arg);
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    std::cout.flush();
    std::fflush(nullptr);
    ::execv(argv[0], argv.data());
    throw Error("bench preview: cannot start " + program.string() + ": " + std::strerror(errno));
  });
}

FACET_CLI_COMMAND(register_bench_preview_launcher);
}  // namespace
}  // namespace facet::cli
