#include "core/nn/stylegan2/synthesis_reuse.h"

#include <algorithm>
#include <atomic>

#include <torch/torch.h>

namespace facet::nn::stylegan2 {

namespace {
thread_local SynthesisReuseCache* active_cache = nullptr;
std::atomic<int64_t> reused{0};

// The styles stage k reads: conv1 and to_rgb1 for stage 0, then per block its up-sampling conv, conv and ToRGB.
std::pair<size_t, size_t> styles_of_stage(size_t k) {
  if (k == 0) return {0, 2};
  return {2 + 3 * (k - 1), 5 + 3 * (k - 1)};
}
}  // namespace

size_t SynthesisReuseCache::first_stage_to_compute(const Key& next_key, const std::vector<torch::Tensor>& next) {
  if (!(next_key == key) || next.size() != styles.size()) {
    clear();
    key = next_key;
    return 0;
  }
  size_t stage = 0;
  for (; stage < stages.size(); ++stage) {
    const auto [first, end] = styles_of_stage(stage);
    bool same = end <= next.size();
    for (size_t i = first; same && i < end; ++i)
      same = next[i].sizes() == styles[i].sizes() && next[i].scalar_type() == styles[i].scalar_type() &&
             torch::equal(next[i], styles[i]);
    if (!same) break;
  }
  stages.resize(stage);  // what follows the first change is stale
  styles.clear();        // until finish(): a render that fails half-way leaves nothing to match
  return stage;
}

void SynthesisReuseCache::keep(size_t stage, const torch::Tensor& x, const torch::Tensor& skip) {
  if (stage == stages.size()) stages.emplace_back(x, skip);
}

void SynthesisReuseCache::finish(const std::vector<torch::Tensor>& rendered) {
  styles.clear();
  for (const auto& s : rendered) styles.push_back(s.detach().clone());
}

void SynthesisReuseCache::clear() {
  key = Key{};
  styles.clear();
  stages.clear();
}

SynthesisReuse::SynthesisReuse(SynthesisReuseCache& cache) : previous_(active_cache) { active_cache = &cache; }
SynthesisReuse::~SynthesisReuse() { active_cache = previous_; }
SynthesisReuseCache* SynthesisReuse::active() { return active_cache; }
int64_t SynthesisReuse::stages_reused() { return reused.load(); }
void SynthesisReuse::count_reused(int64_t stages) { reused += stages; }

}  // namespace facet::nn::stylegan2
