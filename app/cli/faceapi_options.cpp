#include "app/cli/faceapi_options.h"

#include "core/models/model_registry.h"

namespace facet::cli {

void add_faceapi_option(CLI::App* cmd, std::string& dir) {
  cmd->add_option("--faceapi", dir,
                  "folder with face-api.js's model files (default: face-api/ in the models search path)");
}

nn::FaceAnalyzer load_face_analyzer(const std::string& dir, torch::Device device) {
  return *models::load_face_analyzer(dir, device);
}

std::optional<nn::ArcFace> load_optional_arcface(const std::string& path, torch::Device device) {
  return models::load_optional_arcface(path, device);
}

}  // namespace facet::cli
