#pragma once
// The face-api.js model folder shared by analyze, identity, label and bench faceapi.
#include <string>

#include <CLI/CLI.hpp>

#include "core/nn/faceapi/face_analyzer.h"

namespace facet::cli {

// --faceapi DIR: the folder with face-api's *-weights_manifest.json files; default: face-api/ in the models path.
void add_faceapi_option(CLI::App* cmd, std::string& dir);
nn::FaceAnalyzer load_face_analyzer(const std::string& dir, torch::Device device = torch::kCPU);

}  // namespace facet::cli
