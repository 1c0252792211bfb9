#pragma once
// The three ways from a photo to an editable face, compared on the same aligned crop (facet-cli evaluate --photos):
//   encoder   — the encoder's W+ code, rendered by the base generator;
//   refined   — that code refined by Image2StyleGAN steps against the crop (from latent_avg without an encoder);
//   tuned     — pivotal tuning of the generator around the refined code (the encoder's when there are no
//               refinement steps), rendered by the tuned copy.
// Each is measured for reconstruction (MSE on images clamped to [-1, 1], LPIPS when given, identity distance to
// the crop) and for editing (identity distance to the crop after each attribute edit at one α). Every image is
// compared at the generator's size: the target is the crop brought to that size, so the figures measure the
// inversion, not the generator's resolution.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <torch/types.h>

#include "core/edit/edit_stack.h"
#include "core/embed/image2stylegan.h"
#include "core/embed/perceptual_loss.h"
#include "core/nn/encoders/arcface.h"
#include "core/nn/encoders/psp_encoder.h"
#include "core/nn/faceapi/face_analyzer.h"
#include "core/nn/stylegan2/generator.h"
#include "core/tune/pivotal_tuning.h"

namespace facet::pipeline {

// How far a face is from another person-wise: features of an FFHQ-aligned face, and a distance between two.
struct IdentityMeter {
  std::string metric;  // names the distance in reports
  std::function<torch::Tensor(const torch::Tensor& image)> features;  // [1, 3, S, S] in about [-1, 1] → [D], CPU
  std::function<double(const torch::Tensor&, const torch::Tensor&)> distance;
};
// 1 − cosine of ArcFace IR-SE50 features (pSp's identity measure), on the face brought to 256².
IdentityMeter arcface_meter(std::shared_ptr<const nn::ArcFace> arcface);
// Euclidean distance of face-api's descriptors on the FFHQ face box (the same person below 0.6).
IdentityMeter faceapi_meter(std::shared_ptr<const nn::FaceAnalyzer> analyzer);

enum class InversionMethod { Encoder, Refined, Tuned };
const char* inversion_method_name(InversionMethod method);  // "encoder", "refined", "tuned"

struct ComparisonModels {
  std::shared_ptr<nn::StyleGan2> generator;       // required; never changed (tuning works on a copy)
  std::shared_ptr<const nn::PspEncoder> encoder;  // optional: without it there is no encoder method
  embed::PerceptualLoss perceptual;               // LPIPS: refinement's and tuning's loss, and the LPIPS figure
  std::optional<IdentityMeter> identity;          // none: no identity figures
  std::shared_ptr<const edit::Editor> editor;     // none or no attributes: no editing figures
};

struct ComparisonOptions {
  int refine_steps = 100;              // 0: no refined method; tuning pivots on the encoder's code
  embed::EmbedOptions refine;          // steps and start are set here
  tune::TuneOptions tune;              // its steps: 0 means no tuned method
  std::vector<int> attributes;         // edited one at a time
  double alpha = 1.0;                  // the edits' strength
  int encoder_size = 256;              // the encoder's input size
};

struct MethodFigures {
  InversionMethod method = InversionMethod::Encoder;
  double mse = 0;
  std::optional<double> lpips, identity;         // absent without LPIPS / an identity meter
  std::vector<std::optional<double>> edit_identity;  // per ComparisonOptions::attributes
  double seconds = 0;                            // this method's own work (after the method it starts from)
  torch::Tensor image;                           // the reconstruction [1, 3, S, S], CPU
};

struct PhotoComparison {
  std::vector<MethodFigures> methods;  // in the order encoder, refined, tuned; those that ran
  torch::Tensor target;                // [1, 3, S, S], CPU
};

// Runs every method on one aligned crop (8-bit BGR, any square size). facet::Error when the models do not fit
// (no generator, an encoder whose codes do not fit it, or neither an encoder nor refinement steps).
PhotoComparison compare_inversions(const cv::Mat& aligned, const ComparisonModels& models,
                                   const ComparisonOptions& options);

}  // namespace facet::pipeline
