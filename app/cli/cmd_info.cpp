// facet-cli info: version, LibTorch, device, where models are looked for and, when installed, Facet's data files.
#include <filesystem>
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
    // Installed files (null from a build tree, whose files are the repository's): what a package put where.
    const std::string data = models::installed_data_dir();
    const auto installed = [&data](const std::string& relative) -> nlohmann::json {
      std::error_code ec;
      if (data.empty() || !std::filesystem::exists(data + "/" + relative, ec)) return nullptr;
      return data + "/" + relative;
    };
    out["data_dir"] = data.empty() ? nlohmann::json(nullptr) : nlohmann::json(data);
    out["manifest"] = installed("models/manifest.json");
    out["fetch_script"] = installed("models/fetch");
    out["sample_photo"] = installed("astronaut.png");
    if (*json) {
      print_json(out);
    } else {
      std::cout << "facet " << FACET_VERSION << " (LibTorch " << TORCH_VERSION << ")\n"
                << "device: " << out["device"].get<std::string>() << "\nmodel search path:\n";
      for (const auto& p : out["model_search_paths"]) std::cout << "  " << p.get<std::string>() << "\n";
      if (data.empty()) {
        std::cout << "data: not installed (running from a build tree)\n";
      } else {
        std::cout << "data: " << data << "\n";
        for (const char* key : {"manifest", "fetch_script", "sample_photo"})
          std::cout << "  " << key << ": " << (out[key].is_null() ? "missing" : out[key].get<std::string>()) << "\n";
      }
    }
    return kOk;
  });
}
FACET_CLI_COMMAND(register_info);

}  // namespace
}  // namespace facet::cli
