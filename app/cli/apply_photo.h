#pragma once
// One photo through `apply`: find the face, embed it (encoder, optional refinement, or a given W+), edit, render
// and paste back. Shared by a single `apply` and its batches, which load the models once for every photo.
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "app/cli/edit_options.h"
#include "app/cli/generator_options.h"
#include "core/face/compositor.h"
#include "core/nn/encoders/psp_encoder.h"
#include "core/nn/faceapi/face_analyzer.h"

namespace facet::cli {

struct ApplyArgs {
  std::string encoder, wplus, predictor, mode = "feather", noise = "const", save_wplus;
  GeneratorArgs generator;
  EditArgs edit;
  int face = 0, quality = 95, refine = 0;
  face::CompositeOptions composite;
};

// The flags a single photo and a batch share (not the photo, --out or --save-wplus).
void add_apply_options(CLI::App* cmd, ApplyArgs& args);
// Settings that change the result, as JSON: part of a batch item's done-key, and what shards must agree on.
nlohmann::json apply_settings(const ApplyArgs& args);
// A manifest line's per-photo settings ("alpha", "face", "mode", "wplus", …) over the batch's; facet::Error
// naming an unknown or ill-typed key.
ApplyArgs with_item_options(const ApplyArgs& args, const nlohmann::json& options);

// The models every photo of a run uses, loaded once.
struct ApplyModels {
  std::shared_ptr<nn::StyleGan2> generator;
  std::shared_ptr<const nn::PspEncoder> encoder;          // absent with --wplus
  std::optional<nn::FaceAnalyzer> analyzer;               // identity score when face-api's models are installed
};
ApplyModels load_apply_models(const ApplyArgs& args);

// Edits one photo into `out`; returns what a report or --json says about it (faces, face, alignment, identity,
// seconds per phase). facet::Error for a photo without a usable face and the like; `detected`, when given, gets
// the number of faces found as soon as the photo has been searched (a report's "face_found" for failures too).
nlohmann::json apply_photo(const ApplyArgs& args, const ApplyModels& models, const std::string& photo,
                           const std::string& out, int* detected = nullptr);

}  // namespace facet::cli
