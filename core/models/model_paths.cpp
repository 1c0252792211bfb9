#include "core/models/model_paths.h"

#include <cstdlib>
#include <filesystem>

#include "core/io/error.h"

#ifndef FACET_INSTALL_MODELS_DIR
#define FACET_INSTALL_MODELS_DIR "/usr/local/share/facet/models"
#endif
#ifndef FACET_SOURCE_MODELS_DIR
#define FACET_SOURCE_MODELS_DIR ""
#endif

namespace fs = std::filesystem;

namespace facet::models {
namespace {
std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}
}  // namespace

std::string user_models_dir() {
  std::string base = env("XDG_DATA_HOME");
  if (base.empty()) {
    std::string home = env("HOME");
    base = (home.empty() ? std::string(".") : home) + "/.local/share";
  }
  return base + "/facet/models";
}

std::string installed_data_dir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec || exe.parent_path().filename() != "bin") return {};
  const fs::path data = exe.parent_path().parent_path() / "share" / "facet";
  return fs::is_regular_file(data / "models" / "manifest.json", ec) ? data.lexically_normal().string() : std::string();
}

std::vector<std::string> model_search_paths() {
  std::vector<std::string> paths;
  // $FACET_MODELS may hold several folders separated by ':'.
  std::string custom = env("FACET_MODELS");
  size_t start = 0;
  while (!custom.empty() && start <= custom.size()) {
    size_t end = custom.find(':', start);
    std::string part = custom.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!part.empty()) paths.push_back(part);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  paths.push_back(user_models_dir());
  const std::string installed = installed_data_dir();
  if (!installed.empty()) {
    paths.push_back(installed + "/models");
    return paths;
  }
  paths.push_back(FACET_INSTALL_MODELS_DIR);
  if (std::string(FACET_SOURCE_MODELS_DIR).size()) paths.push_back(FACET_SOURCE_MODELS_DIR);
  return paths;
}

std::optional<std::string> find_model_file(const std::string& file_name) {
  std::error_code ec;
  // A file the user names that exists (here, or at a path) wins over the search path: `--generator g.pt` in the
  // current folder means that file.
  if (fs::is_regular_file(file_name, ec)) return file_name;
  for (const auto& dir : model_search_paths()) {
    fs::path candidate = fs::path(dir) / file_name;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
  }
  return std::nullopt;
}

std::string require_model_file(const std::string& file_name, const std::string& role) {
  if (auto found = find_model_file(file_name)) return *found;
  std::string msg = role + " model '" + file_name + "' not found; searched:";
  for (const auto& dir : model_search_paths()) msg += " " + dir;
  msg += ". Run models/fetch, or set FACET_MODELS to the folder that holds it.";
  throw Error(msg);
}

}  // namespace facet::models
