#include "app/editor/generator_backend.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <torch/torch.h>

#include "core/edit/edit_render.h"
#include "core/io/error.h"
#include "core/models/device.h"
#include "core/nn/stylegan2/cpu_features.h"
#include "core/nn/stylegan2/fast_conv.h"

namespace facet::app {

namespace {
using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}
double steadyMs() { return std::chrono::duration<double, std::milli>(Clock::now().time_since_epoch()).count(); }
// Largest power of two ≤ n (the generator's skip outputs exist only at powers of two).
int floorPowerOfTwo(int n) {
  int p = 4;
  while (p * 2 <= n) p *= 2;
  return p;
}
}  // namespace

QImage tensorToImage(const torch::Tensor& image) {
  torch::Tensor chw = image.dim() == 4 ? image[0] : image;
  if (chw.dim() != 3 || chw.size(0) != 3) throw Error("expected an RGB image tensor [3, H, W]");
  torch::Tensor hwc = models::to_host(((chw.detach().to(torch::kFloat32).clamp(-1, 1) + 1) * 127.5)
                                           .round()
                                           .to(torch::kUInt8)
                                           .permute({1, 2, 0})
                                           .contiguous());
  const int h = static_cast<int>(hwc.size(0)), w = static_cast<int>(hwc.size(1));
  QImage out(w, h, QImage::Format_RGB888);
  const uint8_t* src = hwc.data_ptr<uint8_t>();
  for (int y = 0; y < h; ++y) std::copy(src + y * w * 3, src + (y + 1) * w * 3, out.scanLine(y));
  return out;
}

torch::Tensor imageToRgbTensor(const QImage& image) {
  const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
  torch::Tensor out = torch::empty({rgb.height(), rgb.width(), 3}, torch::kUInt8);
  uint8_t* dst = out.data_ptr<uint8_t>();
  for (int y = 0; y < rgb.height(); ++y)
    std::copy(rgb.constScanLine(y), rgb.constScanLine(y) + rgb.width() * 3, dst + y * rgb.width() * 3);
  return out;
}

torch::Tensor editedWplus(const models::ModelSet& models, const torch::Tensor& wplus, const std::vector<float>& alphas,
                          const std::vector<bool>& editedLayers, const std::vector<TextSliderValue>& textEdits,
                          const std::shared_ptr<const edit::TwoFaces>& twoFaces) {
  torch::InferenceMode guard;
  const torch::Tensor w = (wplus.dim() == 2 ? wplus.unsqueeze(0) : wplus).to(models.device, torch::kFloat32);
  // Latent text directions are part of the W+; style directions live after it and cannot be exported as W+.
  const edit::TextEditedCode code =
      edit::edit_code(*models.generator, *models.editor, w, edit::attribute_edits(alphas, *models.editor, editedLayers),
                      textEditsFor(textEdits), twoFaces ? *twoFaces : edit::TwoFaces{});
  return code.wplus.to(torch::kCPU).contiguous().clone();
}

std::vector<edit::TextEdit> textEditsFor(const std::vector<TextSliderValue>& values) {
  std::vector<edit::TextEdit> edits;
  for (const TextSliderValue& v : values)
    if (v.direction && v.alpha != 0) edits.push_back({v.direction, static_cast<double>(v.alpha)});
  return edits;
}

GeneratorBackend::GeneratorBackend(std::shared_ptr<const models::ModelSet> models, const torch::Tensor& wplus,
                                   Options options)
    : models_(std::move(models)), options_(std::move(options)) {
  if (!models_ || !models_->generator) throw Error("no generator loaded");
  const auto& g = *models_->generator;
  torch::Tensor w = wplus.dim() == 2 ? wplus.unsqueeze(0) : wplus;
  if (w.dim() != 3 || w.size(0) != 1 || w.size(1) != g.n_latent() || w.size(2) != g.style_dim())
    throw Error("this W+ code has shape " + std::string(c10::str(wplus.sizes())) + "; the generator needs [1, " +
                std::to_string(g.n_latent()) + ", " + std::to_string(g.style_dim()) + "]");
  torch::InferenceMode guard;
  wplus_ = w.to(models_->device, torch::kFloat32).contiguous();
  previewSize_ = std::min(floorPowerOfTwo(std::max(4, options_.preview_size)), static_cast<int>(g.size()));
  bfloat16Available_ = options_.preview_bfloat16 && models_->device.is_cpu() &&
                       nn::stylegan2::cpu_features().avx512_bf16;
  clock_ = options_.clock ? options_.clock : edit::PreviewBudget::Clock(steadyMs);
  if (options_.preview_budget_ms > 0) {
    edit::PreviewBudget::Options budget;
    budget.budget_ms = options_.preview_budget_ms;
    budget.max_size = previewSize_;
    budget.min_size = std::min(floorPowerOfTwo(std::max(4, options_.min_preview_size)), previewSize_);
    budget_.emplace(budget, clock_);
  } else {
    previewBfloat16_ = bfloat16Available_;
  }
}

void GeneratorBackend::measuredPreview(int side, double ms) {
  // Precision before resolution: the first float32 preview over budget turns to bfloat16 at the same side, whose
  // cost the next preview measures afresh (the float32 figure would make the budget halve the side for nothing).
  if (!previewBfloat16_ && bfloat16Available_ && ms > budget_->options().budget_ms) {
    previewBfloat16_ = true;
    return;
  }
  budget_->record(side, ms);
}

std::vector<float> GeneratorBackend::probabilities(const torch::Tensor& wplus) const {
  if (!models_->classifier) return {};
  torch::Tensor p = torch::sigmoid(models_->classifier.ptr()->forward(wplus)).to(torch::kCPU, torch::kFloat32).contiguous();
  return std::vector<float>(p.data_ptr<float>(), p.data_ptr<float>() + p.numel());
}

FaceReadout GeneratorBackend::read(const torch::Tensor& image, torch::Tensor* descriptor) const {
  if (!models_->analyzer) return {};
  // face-api.js takes an RGB crop, 0–255 (it pads and resizes itself).
  torch::Tensor hwc = ((image[0].clamp(-1, 1) + 1) * 127.5).permute({1, 2, 0}).contiguous();
  const nn::FaceAnalysis analysis = models_->analyzer->analyze(hwc);
  if (descriptor) *descriptor = analysis.descriptor;
  return faceReadout(analysis);
}

void GeneratorBackend::scoreSecondFace(const torch::Tensor& second) {
  if (secondScored_.defined() && secondScored_.is_same(second)) return;
  const torch::Tensor w = (second.dim() == 2 ? second.unsqueeze(0) : second).to(models_->device, torch::kFloat32);
  secondProbabilities_ = probabilities(w);
  secondDescriptor_ = torch::Tensor();
  if (models_->analyzer) {
    // At the preview size: face-api reads 150² crops, so the full size would only cost time.
    nn::SynthesisOptions synthesis;
    synthesis.output_size = previewSize_;
    read(models_->generator->synthesis(w, synthesis), &secondDescriptor_);
  }
  secondScored_ = second;
}

FaceReadout faceReadout(const nn::FaceAnalysis& analysis) {
  FaceReadout readout;
  readout.valid = true;
  readout.age = analysis.age;
  readout.maleProbability = analysis.male_probability;
  readout.expressions.assign(analysis.expressions.begin(), analysis.expressions.end());
  return readout;
}

RenderResult GeneratorBackend::render(const RenderRequest& request, const std::function<bool()>& superseded) {
  torch::InferenceMode guard;
  RenderResult result;
  const auto& g = *models_->generator;

  // The unedited face, rendered and read once (before/after, identity reference, "original" readouts).
  if (!originalRead_) {
    const auto start = Clock::now();
    const torch::Tensor original = g.synthesis(wplus_, nn::SynthesisOptions{});
    originalImage_ = tensorToImage(original);
    originalProbabilities_ = probabilities(wplus_);
    if (models_->analyzer) original_ = read(original, &originalDescriptor_);
    originalRead_ = true;
    result.timings.synthesis_ms += msSince(start);
    if (superseded()) return result;
  }
  result.before = originalImage_;

  // A preview is timed from here (the edit) to its read-outs: what the budget must fit.
  const bool preview = request.quality == RenderQuality::Preview;
  const int previewSide = previewSize();
  const double previewStart = preview && budget_ ? clock_() : 0;
  auto start = Clock::now();
  const std::vector<bool>& layers = request.editedLayers.empty() ? options_.edited_layers : request.editedLayers;
  if (!layers.empty() && static_cast<int64_t>(layers.size()) != g.n_latent())
    throw Error("the layer mask has " + std::to_string(layers.size()) + " layers; this generator has " +
                std::to_string(g.n_latent()));
  const edit::TextEditedCode code = edit::edit_code(
      g, *models_->editor, wplus_, edit::attribute_edits(request.alphas, *models_->editor, layers),
      textEditsFor(request.textEdits), request.twoFaces ? *request.twoFaces : edit::TwoFaces{});
  const torch::Tensor& edited = code.wplus;
  result.timings.edit_ms = msSince(start);
  if (superseded()) return result;

  start = Clock::now();
  nn::SynthesisOptions synthesis;
  synthesis.output_size = preview ? previewSide : 0;
  torch::Tensor image;
  {
    std::optional<nn::stylegan2::BFloat16Convolutions> bfloat16;
    std::optional<nn::stylegan2::SynthesisReuse> reuse;
    if (preview && previewBfloat16_) bfloat16.emplace();
    if (preview) reuse.emplace(previewReuse_);
    image = edit::synthesise_text_edited(g, code, synthesis);
  }
  result.image = tensorToImage(image);  // copies to the CPU, which also waits for a GPU to finish
  result.timings.synthesis_ms += msSince(start);

  start = Clock::now();
  result.probabilities = probabilities(edited);
  result.originalProbabilities = originalProbabilities_;
  const auto& two = request.twoFaces;
  const bool second = two && two->active() && two->mode != edit::TwoFaceMode::Expression;
  if (second) {
    scoreSecondFace(two->second);
    result.secondProbabilities = secondProbabilities_;
  }
  if (models_->analyzer) {
    torch::Tensor descriptor;
    result.edited = read(image, &descriptor);
    result.original = original_;
    result.identity = nn::identity_score(nn::descriptor_distance(originalDescriptor_, descriptor));
    if (second && secondDescriptor_.defined())
      result.identitySecond = nn::identity_score(nn::descriptor_distance(secondDescriptor_, descriptor));
  }
  result.timings.scoring_ms += msSince(start);
  if (preview && budget_) measuredPreview(previewSide, clock_() - previewStart);  // whole previews only
  return result;
}

}  // namespace facet::app
