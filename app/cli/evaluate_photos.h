#pragma once
// `facet-cli evaluate --photos LIST|DIR`: encoder, refinement and pivotal tuning side by side on real photos
// (core/pipeline/inversion_comparison.h), printed as a table or JSON, with means over the photos.
#include <string>
#include <vector>

#include "app/cli/generator_options.h"

namespace facet::cli {

struct PhotoEvaluationArgs {
  std::string photos;  // a text file (one photo per line) or a folder of images
  GeneratorArgs generator;
  std::string encoder, predictor, transformers, directions, arcface, faceapi, loss = "auto", out;
  std::vector<std::string> attrs;
  int refine_steps = 100, tune_steps = 350;
  double refine_lr = 0.01, tune_lr = 3e-4, alpha = 1.0;
  bool aligned = false, json = false;
};

int evaluate_photos(const PhotoEvaluationArgs& args);

}  // namespace facet::cli
