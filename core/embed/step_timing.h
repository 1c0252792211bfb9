#pragma once
// How long one embedding step (forward, backward, Adam) takes with a given generator and loss on this machine:
// the figure behind `facet-cli bench embed` and the editor's estimate before a photo refinement starts.
#include <atomic>
#include <memory>
#include <vector>

#include "core/embed/image2stylegan.h"

namespace facet::embed {

struct StepTiming {
  std::vector<double> step_ms;  // each timed step, in order (the warm-up step excluded)
  double median_ms = 0, min_ms = 0;
  double final_psnr = 0;  // of the last code against the target
};

// Embeds a face the generator renders itself (a seeded z through the mapping at truncation 0.7) for one warm-up
// step and then `steps` timed steps, with `options` (its steps, start and keep_best are set here). The generator's
// noise buffers are borrowed as Image2StyleGan::embed does. cancel, when set, ends the run early.
StepTiming time_embedding_steps(const std::shared_ptr<nn::StyleGan2>& generator, const PerceptualLoss& perceptual,
                                EmbedOptions options, int steps, const std::atomic<bool>* cancel = nullptr);

}  // namespace facet::embed
