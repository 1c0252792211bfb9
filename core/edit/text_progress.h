#pragma once
// Progress and cancellation shared by the text-edit jobs (optimisation, relevance statistics, mapper training).
#include <atomic>
#include <functional>

namespace facet::edit {

struct TextJobProgress {
  int step = 0, total = 0;
  double loss = 0.0;       // total loss (optimisation, mapper), or 0
  double clip_loss = 0.0;  // CLIP distance part, or 0
};
// Return false to stop early (as the cancel flag does).
using TextProgressFn = std::function<bool(const TextJobProgress&)>;

// True when the job must stop: the flag is set, or the callback asked to stop.
inline bool text_job_should_stop(const std::atomic<bool>* cancel, const TextProgressFn& progress,
                                 const TextJobProgress& p) {
  if (cancel && cancel->load()) return true;
  return progress && !progress(p);
}

}  // namespace facet::edit
