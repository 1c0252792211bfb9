#pragma once
// The face-api.js model folder shared by analyze, identity, label and bench faceapi.
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "core/nn/encoders/arcface.h"
#include "core/nn/faceapi/face_analyzer.h"

namespace facet::cli {

// --faceapi DIR: the folder with face-api's *-weights_manifest.json files; default: face-api/ in the models path.
void add_faceapi_option(CLI::App* cmd, std::string& dir);
nn::FaceAnalyzer load_face_analyzer(const std::string& dir, torch::Device device = torch::kCPU);

// model_ir_se50.pth given by the user (must load) or found in the models folders (optional): nullopt when absent.
std::optional<nn::ArcFace> load_optional_arcface(const std::string& path, torch::Device device = torch::kCPU);

}  // namespace facet::cli
