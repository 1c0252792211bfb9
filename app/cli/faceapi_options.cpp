#include "app/cli/faceapi_options.h"

#include <filesystem>

#include "core/models/model_paths.h"

namespace facet::cli {

void add_faceapi_option(CLI::App* cmd, std::string& dir) {
  cmd->add_option("--faceapi", dir,
                  "folder with face-api.js's model files (default: face-api/ in the models search path)");
}

nn::FaceAnalyzer load_face_analyzer(const std::string& dir, torch::Device device) {
  if (!dir.empty()) return nn::FaceAnalyzer::load(dir, device);
  const std::string probe = models::require_model_file("face-api/face_recognition_model-weights_manifest.json",
                                                       "face-api.js networks");
  return nn::FaceAnalyzer::load(std::filesystem::path(probe).parent_path().string(), device);
}

std::optional<nn::ArcFace> load_optional_arcface(const std::string& path, torch::Device device) {
  if (!path.empty()) return nn::ArcFace::load(models::require_model_file(path, "ArcFace IR-SE50"), device);
  if (auto found = models::find_model_file("model_ir_se50.pth")) return nn::ArcFace::load(*found, device);
  return std::nullopt;
}

}  // namespace facet::cli
