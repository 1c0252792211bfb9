// facet-cli info: version, LibTorch, device and where models are looked for.
#include <iostream>

#include <torch/version.h>

#include "app/cli/command.h"
#include "core/models/device.h"
#include "core/models/model_paths.h"
#include "facet_version.h"

namespace facet::cli {
namespace {

void register_info(CLI::App& root, Commands& commands) {
  auto* cmd = root.add_subcommand("info", "Show version, LibTorch, the device and the model search path");
  auto json = std::make_shared<bool>(false);
  cmd->add_flag("--json", *json, "Machine-readable output");
  commands.bind(cmd, [json] {
    nlohmann::json out;
    out["version"] = FACET_VERSION;
    out["libtorch"] = TORCH_VERSION;
    out["device"] = models::describe_device(models::choose_device("auto"));
    out["model_search_paths"] = models::model_search_paths();
    if (*json) {
      print_json(out);
    } else {
      std::cout << "facet " << FACET_VERSION << " (LibTorch " << TORCH_VERSION << ")\n"
                << "device: " << out["device"].get<std::string>() << "\nmodel search path:\n";
      for (const auto& p : out["model_search_paths"]) std::cout << "  " << p.get<std::string>() << "\n";
    }
    return kOk;
  });
}
FACET_CLI_COMMAND(register_info);

}  // namespace
}  // namespace facet::cli
