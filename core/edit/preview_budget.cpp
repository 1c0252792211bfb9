#include "core/edit/preview_budget.h"

#include <chrono>
#include <string>

#include "core/io/error.h"

namespace facet::edit {

namespace {
bool power_of_two(int v) { return v >= 4 && (v & (v - 1)) == 0; }
double steady_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

PreviewBudget::PreviewBudget(Options options, Clock clock)
    : options_(options), clock_(clock ? std::move(clock) : Clock(steady_ms)), size_(options.max_size) {
  if (!power_of_two(options_.min_size) || !power_of_two(options_.max_size) || options_.min_size > options_.max_size)
    throw Error("preview sizes must be powers of two from 4 with min ≤ max (got " + std::to_string(options_.min_size) +
                " and " + std::to_string(options_.max_size) + ")");
  if (!(options_.budget_ms > 0)) throw Error("the preview budget must be a positive number of ms");
  if (options_.settle < 1) options_.settle = 1;
}

void PreviewBudget::begin() { started_ = clock_(); }

void PreviewBudget::end() {
  if (started_ < 0) return;  // end() without begin(): nothing measured
  record(size_, clock_() - started_);
  started_ = -1;
}

double PreviewBudget::cost_ms(int size) const {
  const auto it = cost_.find(size);
  return it == cost_.end() ? 0.0 : it->second;
}

void PreviewBudget::record(int size, double ms) {
  auto [it, fresh] = cost_.emplace(size, ms);
  if (!fresh) it->second += options_.smoothing * (ms - it->second);
  if (size != size_) return;  // a render of a size no longer current informs the costs only
  const double cost = it->second;
  if (stepped_from_ > 0) {
    // The first preview after a step: the two sizes' costs next to each other in time, so their ratio holds
    // whatever else the machine is doing (the cost of the size left behind goes stale; the ratio does not).
    const bool up = stepped_from_ < size_;
    ratio_[up ? stepped_from_ : size_] = up ? ms / stepped_cost_ : stepped_cost_ / ms;
    stepped_from_ = 0;
  }
  auto step = [&](int to) {
    stepped_from_ = size_;
    stepped_cost_ = cost;
    size_ = to;
    cost_.erase(to);  // its running cost is from another time: the next preview measures it afresh
    over_ = under_ = 0;
  };
  over_ = cost > options_.budget_ms ? over_ + 1 : 0;
  if (size_ > options_.min_size && (over_ >= options_.settle || ms > 2 * options_.budget_ms)) return step(size_ / 2);
  if (size_ < options_.max_size) {
    const auto ratio = ratio_.find(size_);
    const double expected = cost * (ratio == ratio_.end() ? 4.0 : ratio->second);
    under_ = expected <= options_.headroom * options_.budget_ms ? under_ + 1 : 0;
    if (under_ >= options_.settle) step(size_ * 2);
  }
}

double PreviewBudget::expected_ms(int size) const {
  if (size != 2 * size_) return cost_ms(size);
  const auto ratio = ratio_.find(size_);
  return cost_ms(size_) * (ratio == ratio_.end() ? 4.0 : ratio->second);
}

}  // namespace facet::edit
