#pragma once
// Training of the latent classifier and of one latent transformer, exactly as the authors' trainer.py does
// (InterDigitalInc/latent-transformer), without Python. Progress and cancellation are callbacks.
#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "core/edit/train_checkpoint.h"
#include "core/nn/latent/latent_classifier.h"
#include "core/nn/latent/latent_transformer.h"

namespace facet::edit {

struct TrainProgress {
  int64_t step = 0, total_steps = 0, epoch = 0;
  double loss = 0, loss_cls = 0, loss_attr = 0, loss_rec = 0;  // transformer terms (loss_cls only for C)
};
using ProgressFn = std::function<void(const TrainProgress&)>;

struct ClassifierTrainOptions {
  std::vector<int64_t> hidden = {2048, 512};  // the authors' [9216, 2048, 512, 40] for 18×512 codes
  int64_t epochs = 20, batch = 32;
  double lr = 1e-3, validation_fraction = 0.1;
  uint64_t seed = 0;  // split and sample order (per epoch, from (seed, epoch))
  const std::atomic<bool>* cancel = nullptr;
  ProgressFn progress;
  CheckpointOptions checkpoint;  // periodic checkpoints, a resumable one on cancel, --resume
};

struct ClassifierReport {
  std::vector<double> validation_accuracy;  // per attribute, on the held-out part
  double mean_accuracy = 0;
  int64_t train_count = 0, validation_count = 0;
  int64_t steps = 0, resumed_from = 0;  // steps done in all; the step a resume started at
  bool cancelled = false;
};

// latents [N, n_latent, dim], labels [N, A] in {0, 1}. Binary cross-entropy with logits.
ClassifierReport train_classifier(nn::LatentClassifier& classifier, const torch::Tensor& latents,
                                  const torch::Tensor& labels, const ClassifierTrainOptions& options);

struct TransformerTrainOptions {
  int64_t epochs = 10, batch = 32;
  double lr = 1e-3, beta1 = 0.9, beta2 = 0.999, weight_decay = 5e-4;
  int64_t step_size = 10;  // StepLR, in epochs
  double gamma = 0.1;
  double w_cls = 1, w_attr = 1, w_rec = 10;
  double corr_threshold = 1;  // |corr| ≥ threshold counts as the attribute itself (mask 0)
  int64_t max_steps = 0;      // 0: all epochs
  uint64_t seed = 0;          // sample order (per epoch, from (seed, epoch))
  const std::atomic<bool>* cancel = nullptr;
  ProgressFn progress;
  CheckpointOptions checkpoint;
};

// The per-sample coefficient α from the current probability p: −p when p > 0.5, 1 − p when p < 0.5, 0 at 0.5.
torch::Tensor flip_coefficient(const torch::Tensor& p);
// 1 − |corr(a_k, a_i)| over the labels (NaN → 0 correlation): the mask of L_attr.
torch::Tensor correlation_mask(const torch::Tensor& labels, int64_t attribute, double threshold = 1.0);

struct TransformerReport {
  int64_t steps = 0, resumed_from = 0;
  TrainProgress last;
  bool cancelled = false;
};

// Trains `transformer` (T_k) against the fixed classifier C: L = w_cls·L_cls + w_attr·L_attr + w_rec·L_rec.
// The learning rate follows StepLR (× gamma every step_size epochs), computed from the epoch so a resume agrees.
TransformerReport train_transformer(nn::LatentTransformer& transformer, nn::LatentClassifier& classifier,
                                    const torch::Tensor& latents, const torch::Tensor& labels, int64_t attribute,
                                    const TransformerTrainOptions& options);

}  // namespace facet::edit
