#pragma once
// The unchanged beginning of a synthesis, kept for the next one (the editor's previews). While a SynthesisReuse scope
// is alive on a thread, the fast path's CPU renders of one sample with the checkpoint's noise on that thread keep
// each stage's output (4²: conv1 and to_rgb1; then one stage per block) beside the styles it read, in the scope's
// cache; the next such render by the same generator, with the same weights, output size and precision, starts
// after the last stage whose styles are all unchanged. An edit of the fine layers only (a layer mask, a style-space
// direction on the later layers) recomputes only the blocks from the first one it changes; a render whose styles
// are all unchanged returns the kept image. The images equal a whole render's: the same kernels run on the same
// inputs. The cache holds about twice a render's largest activation (64 MB for a 256² preview).
#include <cstdint>
#include <utility>
#include <vector>

#include <torch/types.h>

namespace facet::nn::stylegan2 {

struct SynthesisReuseCache {
  // What the kept stages depend on besides the styles.
  struct Key {
    uint64_t generator = 0;   // the generator's serial number (never reused within a process)
    int64_t weights_version = -1;  // the sum of its parameters' version counters
    int64_t output_size = 0;
    bool bfloat16 = false;
    bool operator==(const Key& o) const {
      return generator == o.generator && weights_version == o.weights_version && output_size == o.output_size &&
             bfloat16 == o.bfloat16;
    }
  };
  Key key;
  std::vector<torch::Tensor> styles;                              // the last render's, in synthesis order
  std::vector<std::pair<torch::Tensor, torch::Tensor>> stages;  // (x, skip) after stage 0, 1, …, as kept

  // The first stage to compute for a render with `key` and `next` styles: 0 when the key changed (the cache is then
  // emptied and takes the new key), else the first stage that reads a changed style, at most the stages kept.
  size_t first_stage_to_compute(const Key& next_key, const std::vector<torch::Tensor>& next);
  // After a render: keep stage k's output (stages kept in order from 0) and, at the end, its styles.
  void keep(size_t stage, const torch::Tensor& x, const torch::Tensor& skip);
  void finish(const std::vector<torch::Tensor>& rendered);
  void clear();
};

class SynthesisReuse {
 public:
  explicit SynthesisReuse(SynthesisReuseCache& cache);
  ~SynthesisReuse();
  SynthesisReuse(const SynthesisReuse&) = delete;
  SynthesisReuse& operator=(const SynthesisReuse&) = delete;

  // The cache of the scope alive on this thread, or null.
  static SynthesisReuseCache* active();
  // How many stages renders in this process took from a cache (tests: which path a render took).
  static int64_t stages_reused();
  static void count_reused(int64_t stages);

 private:
  SynthesisReuseCache* previous_;
};

}  // namespace facet::nn::stylegan2
