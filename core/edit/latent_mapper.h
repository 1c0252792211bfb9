#pragma once
// StyleCLIP's latent mapper (orpatashnik/StyleCLIP mapper/: latent_mappers.py LevelsMapper, training/coach.py).
// Three MLPs — coarse (W+ layers 0–3), medium (4–7), fine (8+) — each PixelNorm then 4 EqualLinear(512, 512,
// lr_mul 0.01, fused leaky ReLU). Checkpoint keys (under "mapper." in the release's {"state_dict", "opts"}):
// course_mapping.mapping.{1..4}.{weight,bias}, medium_mapping…, fine_mapping… (the release spells "course").
// As in the release, PixelNorm normalises over dim 1 of its [N, layers, 512] input (the layers of a group).
// The edit: w' = w + 0.1·M(w) (coach.py); its loss: λ_CLIP·D_CLIP + λ_L2·MSE(w', w) + λ_ID·L_ID.
#include <atomic>
#include <memory>
#include <string>

#include <torch/nn/module.h>
#include <torch/types.h>

#include "core/edit/clip_guidance.h"
#include "core/edit/text_direction.h"
#include "core/edit/text_progress.h"
#include "core/nn/stylegan2/generator.h"

namespace facet::edit {

class LevelsMapperImpl : public torch::nn::Module {
 public:
  // dim: the style dimension (512 in the release); levels a group can be left out of (then it predicts 0).
  explicit LevelsMapperImpl(int64_t dim = 512, bool coarse = true, bool medium = true, bool fine = true);
  torch::Tensor forward(const torch::Tensor& wplus);  // [N, L, dim] → [N, L, dim]
  int64_t dim() const { return dim_; }

 private:
  torch::Tensor group(const std::shared_ptr<torch::nn::Module>& mlp, const torch::Tensor& x);
  int64_t dim_;
  std::shared_ptr<torch::nn::Module> coarse_, medium_, fine_;
};
TORCH_MODULE(LevelsMapper);

constexpr double kMapperStep = 0.1;  // w' = w + 0.1·M(w)

// Reads a release checkpoint ({"state_dict": {"mapper.*", "decoder.*"}, "opts"}) or a bare mapper state dict
// (as save_latent_mapper writes). Levels missing from the file (no_*_mapper) predict 0. Throws facet::Error.
LevelsMapper load_latent_mapper(const std::string& path, const torch::Device& device = torch::kCPU);
// {"state_dict": {"mapper.…"}} — the release's layout, without its decoder.
void save_latent_mapper(const std::string& path, LevelsMapper& mapper);

// A slider for one face: Δ = 0.1·M(w) (Latent kind), so w + α·Δ is the mapper's edit at α = 1.
TextDirection mapper_direction(LevelsMapper& mapper, const torch::Tensor& wplus, const std::string& prompt);

struct MapperTrainingOptions {
  double learning_rate = 0.5;  // --learning_rate (the release uses Ranger; Facet uses Adam, the release's option)
  int steps = 50000;           // --max_steps
  int batch_size = 2;          // --batch_size
  double clip_lambda = 1.0, latent_l2_lambda = 0.8, id_lambda = 0.1;
  double truncation = 0.7;     // training codes: truncated samples, as configure_datasets
  int64_t output_size = 0;     // 0: full size; smaller: skip-RGB (faster, rougher)
  uint64_t seed = 0;
};

struct MapperTrainingResult {
  double first_loss = 0, last_loss = 0, first_clip = 0, last_clip = 0;
  int steps_done = 0;
  bool cancelled = false;
  bool identity_used = false;
};

// Trains `mapper` in place for one prompt on sampled codes. identity may be null (λ_ID term skipped).
MapperTrainingResult train_latent_mapper(LevelsMapper& mapper, const nn::StyleGan2& generator, const ClipGuide& clip,
                                         const std::string& prompt, const MapperTrainingOptions& options = {},
                                         const IdentityLoss* identity = nullptr, const TextProgressFn& progress = {},
                                         const std::atomic<bool>* cancel = nullptr);

}  // namespace facet::edit
