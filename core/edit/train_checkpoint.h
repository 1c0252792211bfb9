#pragma once
// Resumable training state. The weights stay in the authors' file layout (the trained file loads in their code);
// what a resume needs besides them — a copy of the weights, the Adam state, epoch, step and seed — goes to a side
// file next to them, "<weights>.resume" (a LibTorch archive). Both are written atomically.
#include <cstdint>
#include <string>

#include <torch/torch.h>

namespace facet::edit {

struct CheckpointOptions {
  std::string weights_path;  // empty: no checkpoints, no resume
  int64_t every = 0;         // steps between checkpoints; 0: only on cancel (Ctrl-C) and at the end
  bool resume = false;       // continue from resume_path(weights_path)
};

// Where the next step starts: epoch, step within it, and steps done in all.
struct TrainPosition {
  int64_t epoch = 0, step_in_epoch = 0, step = 0;
};

std::string resume_path(const std::string& weights_path);

// `kind` names the run ("classifier", "transformer 31"); a resume of another kind, seed or batch is refused.
void save_resume_state(const std::string& path, const std::string& kind, uint64_t seed, int64_t batch,
                       const TrainPosition& position, torch::nn::Module& module, torch::optim::Optimizer& optimizer);
// Restores module weights and optimizer state; throws facet::Error naming the file on any mismatch.
TrainPosition load_resume_state(const std::string& path, const std::string& kind, uint64_t seed, int64_t batch,
                                torch::nn::Module& module, torch::optim::Optimizer& optimizer);

// A permutation of n that depends only on (seed, epoch), so a resumed run visits the samples in the same order.
torch::Tensor epoch_permutation(int64_t n, uint64_t seed, int64_t epoch);

}  // namespace facet::edit
