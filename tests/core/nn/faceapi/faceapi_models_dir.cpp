#include "tests/core/nn/faceapi/faceapi_models_dir.h"

#include <cstdlib>
#include <filesystem>

#include "core/models/model_paths.h"

namespace facet::test {

std::string faceapi_models_dir() {
  const std::string probe = "face_recognition_model-weights_manifest.json";
  auto has_models = [&](const std::string& dir) {
    return !dir.empty() && std::filesystem::exists(std::filesystem::path(dir) / probe);
  };
  if (const char* env = std::getenv("FACET_FACEAPI_DIR"); env && has_models(env)) return env;
  const std::string build_copy = std::string(FACET_BINARY_DIR) + "/faceapi/package/model";
  if (has_models(build_copy)) return build_copy;
  if (auto found = models::find_model_file("face-api/" + probe))
    return std::filesystem::path(*found).parent_path().string();
  return {};
}

}  // namespace facet::test
