#pragma once
// StyleCLIP global directions (orpatashnik/StyleCLIP global_directions/: MapTS.py GetDt/GetBoundary/GetFs,
// SingleChannel.py). Text-driven edits without per-prompt optimisation:
//  1. Channel relevance statistics (the expensive, cached part): for every style channel c of the non-toRGB
//     style vectors and each of `samples` sampled faces, render with s_c − k·σ_c and s_c + k·σ_c (k = 5, σ_c the
//     channel's std over sampled styles), take the unit CLIP image features of both, their difference
//     normalised; average over the faces and normalise → a unit CLIP-space direction per channel.
//  2. Δt: the prompt-template ensemble of the target text minus that of the neutral text, normalised.
//  3. R_c = direction_c · Δt; channels with |R_c| < β set to 0; R normalised by max|R|; Δs_c = R_c·σ_c
//     (toRGB styles unchanged); the edit is s + α·Δs.
#include <atomic>
#include <string>
#include <vector>

#include <torch/types.h>

#include "core/edit/clip_guidance.h"
#include "core/edit/text_direction.h"
#include "core/edit/text_progress.h"
#include "core/nn/stylegan2/generator.h"

namespace facet::edit {

struct RelevanceOptions {
  int samples = 100;          // faces averaged per channel (the release's num_images)
  int std_samples = 2000;     // sampled styles for σ_c
  double perturbation = 5.0;  // ±k·σ_c (the release: ±5σ)
  uint64_t seed = 0;
  int64_t render_size = 0;    // 0: full size; smaller: skip-RGB previews (much faster; CLIP sees 224² anyway)
  int batch = 8;              // images per generator call
  int64_t max_channels = 0;   // 0: every channel; else only the first N (tests, quick looks)
  // One shard's rows: channels [first_channel, end_channel) of the manipulable ones (end −1: to the last). Every
  // row depends only on the sampled faces and σ, which each shard computes alike, so the shards' rows put end to
  // end are the rows of one run, bit for bit. Not part of the cache key.
  int64_t first_channel = 0, end_channel = -1;
};

struct ChannelRelevance {
  torch::Tensor directions;           // [C, D] unit CLIP-space direction per manipulable channel (from first_channel)
  torch::Tensor style_std;            // [sum(style_sizes)] σ per style channel (all style vectors)
  std::vector<int64_t> style_sizes;   // channels per style vector (synthesis order)
  std::vector<bool> manipulable;      // per style vector: false for toRGB
  int64_t channels_done = 0;          // == directions.size(0) rows filled (fewer when cancelled)
  int64_t first_channel = 0;          // the channel of directions' first row (0 but for a shard)
  bool cancelled = false;
};

// The style vectors global directions manipulate: all but the toRGB ones (indices 1, 4, 7, …).
std::vector<bool> manipulable_styles(size_t count);

// The manipulable channels the statistics cover (all of them, or max_channels).
int64_t relevance_channel_count(const nn::StyleGan2& generator, const RelevanceOptions& options = {});

ChannelRelevance compute_channel_relevance(const nn::StyleGan2& generator, const ClipGuide& clip,
                                           const RelevanceOptions& options = {}, const TextProgressFn& progress = {},
                                           const std::atomic<bool>* cancel = nullptr);

// The cache key: a hash of the generator file's bytes, the CLIP file's name and size, and the options.
std::string relevance_cache_key(const std::string& generator_path, const std::string& clip_path,
                                const RelevanceOptions& options);
void save_channel_relevance(const std::string& path, const ChannelRelevance& relevance);
ChannelRelevance load_channel_relevance(const std::string& path);
// <cache_dir>/relevance-<key>.pt when present, else computes it (long: progress, cancel) and stores it there
// (not stored when cancelled).
ChannelRelevance cached_channel_relevance(const std::string& cache_dir, const std::string& generator_path,
                                          const std::string& clip_path, const nn::StyleGan2& generator,
                                          const ClipGuide& clip, const RelevanceOptions& options = {},
                                          const TextProgressFn& progress = {},
                                          const std::atomic<bool>* cancel = nullptr);

// Δt for target vs neutral text over the prompt templates (default: the 79 ImageNet templates).
torch::Tensor text_delta(const ClipGuide& clip, const std::string& target, const std::string& neutral,
                         const std::vector<std::string>& templates = imagenet_templates());

struct GlobalDirectionStats {
  int64_t channels_used = 0;
};
// A Style-kind TextDirection: Δs for threshold β (α is the slider). Throws facet::Error when no channel passes β.
TextDirection global_direction(const ChannelRelevance& relevance, const torch::Tensor& delta_t, double beta,
                               const std::string& target, const std::string& neutral,
                               GlobalDirectionStats* stats = nullptr);

}  // namespace facet::edit
