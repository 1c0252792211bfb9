#pragma once
// The real render backend: the generator, classifier, latent transformers and face analyser of one models::ModelSet,
// and the W+ code being edited, resident on the models' device. render() runs the edit stack, synthesises the
// preview (the skip RGB at preview size, no extra layers run) or the full-size image, then scores the result:
// classifier probabilities of the edited W+, identity against the unedited face (and against the second face of a
// morph or mix), age/gender/expression from the pixels. Called only from the render worker's thread.
// Previews fit a frame budget, as a game engine's dynamic resolution: each is timed from the edit to its read-outs.
// Over budget in float32, previews go to bfloat16 convolutions first where the CPU has AVX512_BF16 (≥ 35 dB from
// float32, hard to see; a halved side is not), then the side steps by powers of two between the smallest and the
// largest preview (edit::PreviewBudget). Full-size renders stay float32 at full size.
#include <memory>
#include <optional>
#include <vector>

#include <QImage>
#include <torch/types.h>

#include "core/models/model_registry.h"
#include "app/editor/render_backend.h"
#include "core/edit/preview_budget.h"
#include "core/edit/text_edits.h"
#include "core/nn/stylegan2/synthesis_reuse.h"

namespace facet::nn {
struct FaceAnalysis;
}

namespace facet::app {

class GeneratorBackend : public RenderBackend {
 public:
  struct Options {
    int preview_size = 256;            // largest preview side (a power of two; capped at the generator's size)
    std::vector<bool> edited_layers;   // empty: the edit stack's default (layers 0–10); a request's own mask wins
    double preview_budget_ms = 100;    // the time one preview may take; 0: every preview at preview_size
    int min_preview_size = 64;         // the smallest side the budget may choose (capped at preview_size)
    // Previews may use bfloat16 convolutions (where the CPU has AVX512_BF16, on the CPU): with a budget once a
    // float32 preview is over it, without one every preview.
    bool preview_bfloat16 = true;
    edit::PreviewBudget::Clock clock;  // monotonic ms for the budget; empty: the steady clock
  };

  // wplus: [1, n_latent, style_dim] or [n_latent, style_dim], any device (moved to the models' device; no network
  // runs here, so the GUI thread may construct it). Throws facet::Error when its shape does not fit the generator.
  GeneratorBackend(std::shared_ptr<const models::ModelSet> models, const torch::Tensor& wplus, Options options);
  GeneratorBackend(std::shared_ptr<const models::ModelSet> models, const torch::Tensor& wplus)
      : GeneratorBackend(std::move(models), wplus, Options{}) {}

  RenderResult render(const RenderRequest& request, const std::function<bool()>& superseded) override;

  // The side and precision of the next preview: the budget's choice, or the options' without a budget.
  int previewSize() const { return budget_ ? budget_->size() : previewSize_; }
  bool previewBfloat16() const { return previewBfloat16_; }

 private:
  std::vector<float> probabilities(const torch::Tensor& wplus) const;
  FaceReadout read(const torch::Tensor& image, torch::Tensor* descriptor) const;
  // A whole preview of `side` took `ms`: the budget chooses the next preview's precision and side.
  void measuredPreview(int side, double ms);
  // The second face's probabilities and face-api descriptor, computed once per second face.
  void scoreSecondFace(const torch::Tensor& second);

  std::shared_ptr<const models::ModelSet> models_;
  torch::Tensor wplus_;  // [1, n_latent, dim] on the device
  Options options_;
  int previewSize_ = 256;  // the largest preview
  std::optional<edit::PreviewBudget> budget_;
  edit::PreviewBudget::Clock clock_;
  bool bfloat16Available_ = false;  // the options allow it, and the models' CPU has AVX512_BF16
  bool previewBfloat16_ = false;
  // The last preview's blocks: the next one recomputes only those from the first block its edit changes.
  nn::stylegan2::SynthesisReuseCache previewReuse_;
  std::vector<float> originalProbabilities_;
  // The unedited face as the face analyser saw it; computed on the first render (on the worker thread).
  QImage originalImage_;  // the unedited face, full size, rendered once
  bool originalRead_ = false;
  FaceReadout original_;
  torch::Tensor originalDescriptor_;
  torch::Tensor secondScored_;  // the second face whose scores are below (compared by identity, not value)
  std::vector<float> secondProbabilities_;
  torch::Tensor secondDescriptor_;
};

// The edited W+ for export (CPU, float32); runs the transformers on the models' device. editedLayers: as in
// RenderRequest (empty: the default 0–10). The two-face operation comes first, as in renders; latent text sliders
// in `textEdits` are added too (style-space ones cannot be expressed in W+ and are left out).
torch::Tensor editedWplus(const models::ModelSet& models, const torch::Tensor& wplus, const std::vector<float>& alphas,
                          const std::vector<bool>& editedLayers = {},
                          const std::vector<TextSliderValue>& textEdits = {},
                          const std::shared_ptr<const edit::TwoFaces>& twoFaces = nullptr);
// What face-api read, in the render result's form (the editor's renders and its photo analysis alike).
FaceReadout faceReadout(const nn::FaceAnalysis& analysis);
// The request's text sliders with α ≠ 0, as core/edit's TextEdit list.
std::vector<edit::TextEdit> textEditsFor(const std::vector<TextSliderValue>& values);

// [1, 3, H, W] or [3, H, W] in about [-1, 1], any device → an RGB888 QImage (clamped, rounded).
QImage tensorToImage(const torch::Tensor& image);
// The inverse for face crops: QImage → [H, W, 3] uint8 RGB tensor (CPU).
torch::Tensor imageToRgbTensor(const QImage& image);

}  // namespace facet::app
