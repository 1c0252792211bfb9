#include "core/pipeline/inversion_comparison.h"

#include <chrono>

#include <torch/torch.h>

#include "core/io/error.h"
#include "core/nn/faceapi/ffhq_face_crop.h"
#include "core/pipeline/photo_pipeline.h"

namespace facet::pipeline {

namespace {

namespace F = torch::nn::functional;

// Both identity networks read a 256² FFHQ crop; generated faces of other sizes are resampled to it, clamped to
// the range a viewer sees.
torch::Tensor at_256(const torch::Tensor& image) {
  torch::Tensor x = image.to(torch::kCPU, torch::kFloat).clamp(-1, 1);
  if (x.dim() == 3) x = x.unsqueeze(0);
  if (x.size(-1) == 256 && x.size(-2) == 256) return x;
  return F::interpolate(x, F::InterpolateFuncOptions()
                               .size(std::vector<int64_t>{256, 256})
                               .mode(torch::kBilinear)
                               .align_corners(false)
                               .antialias(x.size(-1) > 256));
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

IdentityMeter arcface_meter(std::shared_ptr<const nn::ArcFace> arcface) {
  if (!arcface) throw Error("no ArcFace model loaded");
  IdentityMeter m;
  m.metric = "arcface_cosine_distance";
  m.features = [arcface](const torch::Tensor& image) {
    return F::normalize(arcface->features(at_256(image)).cpu(), F::NormalizeFuncOptions().dim(1))[0];
  };
  m.distance = [](const torch::Tensor& a, const torch::Tensor& b) { return 1.0 - torch::dot(a, b).item<double>(); };
  return m;
}

IdentityMeter faceapi_meter(std::shared_ptr<const nn::FaceAnalyzer> analyzer) {
  if (!analyzer) throw Error("no face-api models loaded");
  IdentityMeter m;
  m.metric = "faceapi_descriptor_distance";
  m.features = [analyzer](const torch::Tensor& image) {
    return analyzer->descriptor(nn::faceapi::ffhq_face_crop(at_256(image)));
  };
  m.distance = [](const torch::Tensor& a, const torch::Tensor& b) { return nn::descriptor_distance(a, b); };
  return m;
}

const char* inversion_method_name(InversionMethod method) {
  switch (method) {
    case InversionMethod::Encoder: return "encoder";
    case InversionMethod::Refined: return "refined";
    case InversionMethod::Tuned: return "tuned";
  }
  return "?";
}

PhotoComparison compare_inversions(const cv::Mat& aligned, const ComparisonModels& models,
                                   const ComparisonOptions& options) {
  if (!models.generator) throw Error("no generator loaded");
  if (!models.encoder && options.refine_steps <= 0)
    throw Error("nothing to start from: give an encoder or refinement steps (from the average face)");
  const auto& g = models.generator;
  const torch::Device device = g->device();
  PhotoComparison out;
  out.target = generator_target(aligned, g->size(), device);

  // What every method is measured against, computed once.
  const bool lpips = models.perceptual.kind() == embed::PerceptualKind::Lpips;
  const auto pool = [&](const torch::Tensor& x) {
    // LPIPS on at most 256², as tuning's loss sees it.
    return x.size(-1) > 256 ? F::adaptive_avg_pool2d(x, F::AdaptiveAvgPool2dFuncOptions(256)) : x;
  };
  std::vector<torch::Tensor> target_features;
  if (lpips) {
    torch::NoGradGuard no_grad;
    target_features = models.perceptual.target_features(pool(out.target.clamp(-1, 1)));
  }
  torch::Tensor target_identity;
  if (models.identity) target_identity = models.identity->features(out.target);
  const bool editing = models.editor && !options.attributes.empty();

  const auto measure = [&](InversionMethod method, const nn::StyleGan2& generator, const torch::Tensor& wplus,
                           double seconds) {
    torch::NoGradGuard no_grad;
    MethodFigures f;
    f.method = method;
    f.seconds = seconds;
    const torch::Tensor w = wplus.to(device);
    const torch::Tensor image = generator.synthesis(w).clamp(-1, 1);
    f.image = image.cpu();
    f.mse = (image - out.target.clamp(-1, 1)).pow(2).mean().item<double>();
    if (lpips) f.lpips = models.perceptual.loss(pool(image), target_features).item<double>();
    if (models.identity) f.identity = models.identity->distance(models.identity->features(image), target_identity);
    if (editing) {
      for (int attribute : options.attributes) {
        const torch::Tensor edited =
            models.editor->edit_one(w, attribute, torch::full({w.size(0)}, options.alpha, w.options()));
        if (models.identity)
          f.edit_identity.push_back(models.identity->distance(
              models.identity->features(generator.synthesis(edited)), target_identity));
        else
          f.edit_identity.push_back(std::nullopt);
      }
    }
    out.methods.push_back(std::move(f));
  };

  // Encoder.
  torch::Tensor pivot;
  if (models.encoder) {
    const auto start = std::chrono::steady_clock::now();
    EmbedModels embed_models;
    embed_models.generator = g;
    embed_models.encoder = models.encoder;
    EmbedSettings settings;
    settings.encoder_size = options.encoder_size;
    pivot = embed_aligned(aligned, embed_models, settings).wplus;
    measure(InversionMethod::Encoder, *g, pivot, seconds_since(start));
  }
  // Refinement from the encoder's code (latent_avg without one).
  if (options.refine_steps > 0) {
    const auto start = std::chrono::steady_clock::now();
    embed::EmbedOptions refine = options.refine;
    refine.steps = options.refine_steps;
    refine.start = pivot;
    const embed::Image2StyleGan embedder(g, models.perceptual);
    pivot = embedder.embed(out.target, refine).wplus.contiguous();
    measure(InversionMethod::Refined, *g, pivot, seconds_since(start));
  }
  // Pivotal tuning around the best code so far.
  if (options.tune.steps > 0) {
    const auto start = std::chrono::steady_clock::now();
    tune::TuneTarget target{out.target, pivot.to(device)};
    const tune::TuneResult r = tune::PivotalTuner(g, models.perceptual).tune({target}, options.tune);
    measure(InversionMethod::Tuned, *r.generator, pivot, seconds_since(start));
  }
  return out;
}

}  // namespace facet::pipeline
