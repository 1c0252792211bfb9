#pragma once
// The heavy half of "Add text edit…": makes a text direction for the editor off the GUI thread.
//  - Global: channel relevance statistics (cached on disk per generator + CLIP + options; computing them is the
//    long part), then Δs for the prompt against the neutral text (a Style-kind direction).
//  - Optimisation: StyleCLIP latent optimisation from the face being edited; Δ = w_opt − w_s (Latent kind).
// CLIP is loaded for the job only (it is large and the sliders never need it). The generator is loaded afresh
// for the job too, so the optimisation's autograd never touches the render worker's copy.
#include <atomic>
#include <memory>
#include <string>

#include <QString>
#include <torch/torch.h>  // global_directions.h needs torch::nn

#include "core/edit/global_directions.h"
#include "core/edit/text_direction.h"
#include "core/edit/text_progress.h"

namespace facet::app {

struct TextEditJob {
  enum class Method { Global, Optimisation };
  Method method = Method::Global;
  std::string prompt;
  std::string neutral = "a face";  // global: what the prompt is compared against
  double beta = 0.15;              // global: disentanglement threshold
  int steps = 100;                 // optimisation steps
  int64_t output_size = 256;       // optimisation renders (0: full size)
  edit::RelevanceOptions relevance;  // global statistics (render_size defaults to 256 below)
  std::string cache_dir;             // global: where the statistics are cached
  std::string generator, clip, vocab;  // files
  torch::Device device = torch::kCPU;
  torch::Tensor wplus;  // optimisation: the face being edited [1, n_latent, dim]

  TextEditJob() { relevance.render_size = 256; }
};

// The CLIP files the job needs, or a user-facing reason why they are missing ("" when both are there).
std::string missing_clip_reason(const std::string& clip, const std::string& vocab);

// Runs the job; null when cancelled. facet::Error for missing files, bad shapes, no channel passing β, …
std::shared_ptr<edit::TextDirection> run_text_edit_job(const TextEditJob& job, const edit::TextProgressFn& progress,
                                                       const std::atomic<bool>* cancel);

// A direction file for a slider, as "Add text edit…" loads it: a saved direction (facet-cli text optimise|global|
// mapper --out), or a trained latent mapper (facet-cli text mapper --save, .pt/.pth) whose Δ for `face`,
// w + 0.1·M(w), is the direction at α = 1 (named `prompt`). Blocks (the mapper is a network): run it as a job.
struct LoadedDirection {
  std::shared_ptr<edit::TextDirection> direction;  // null on failure
  QString error;                                   // "Cannot load the direction: …"
};
LoadedDirection loadTextDirectionFile(const QString& path, const QString& prompt, const torch::Tensor& face);

}  // namespace facet::app
