// facet-cli: every capability of the editor, scriptable. Commands register themselves (command.h).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <thread>

#include <torch/torch.h>

#include <c10/util/Exception.h>

#include "app/cli/command.h"
#include "app/cli/startup.h"
#include "core/models/runtime.h"
#include "core/io/error.h"
#include "core/io/log.h"
#include "facet_version.h"

int main(int argc, char** argv) {
  using namespace facet::cli;
  end_quiet_blas_start();  // the libraries are initialised: every CPU again
  CLI::App app{"facet-cli — edit face attributes in photos and videos (StyleGAN2 + Latent Transformer)",
               "facet-cli"};
  app.set_version_flag("--version", std::string("facet-cli ") + FACET_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  bool verbose = false;
  app.add_flag("-v,--verbose", verbose, "Log debug messages on stderr");

  // Registration order follows static initialisation; sort by name so --help is stable.
  auto regs = registrars();
  std::sort(regs.begin(), regs.end());
  Commands commands;
  for (const auto& reg : regs) reg.second(app, commands);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kUsage;
  }
  if (verbose) facet::log::set_level(spdlog::level::debug);
  facet::models::configure_runtime();

  // The deepest parsed subcommand owns the handler ("train transformer", "bench generator").
  const CLI::App* selected = &app;
  while (true) {
    auto subs = selected->get_subcommands();
    if (subs.empty()) break;
    selected = subs.front();
  }
  const Handler* handler = commands.find(selected);
  if (!handler) {
    std::cerr << "facet-cli: '" << selected->get_name() << "' needs a subcommand; see --help\n";
    return kUsage;
  }
  int status = kFailure;
  try {
    status = (*handler)();
  } catch (const facet::Error& e) {
    std::cerr << "facet-cli: error: " << e.what() << "\n";
  } catch (const c10::Error& e) {
    std::cerr << "facet-cli: error: " << e.what_without_backtrace() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "facet-cli: error: " << e.what() << "\n";
  }
  // Everything the command writes is complete and closed by now (files are written atomically). Tearing down
  // LibTorch's thread pools and freeing a gigabyte of tensors piece by piece took 0.1 s after a 1024² render;
  // leave that to the kernel (it ends the heap warm-up's helper too, if the command loaded no generator).
  std::cout.flush();
  std::cerr.flush();
  spdlog::apply_all([](const std::shared_ptr<spdlog::logger>& logger) { logger->flush(); });
  std::fflush(nullptr);
  std::_Exit(status);
}
