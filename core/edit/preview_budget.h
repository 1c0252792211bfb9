#pragma once
// Dynamic resolution for slider previews: the preview side that keeps one preview within a frame budget, as a game
// engine lowers its render scale under load. The caller brackets each preview render with begin() and end() (or
// reports its duration with record()); the policy learns each size's cost as it is seen and answers size().
//
// Steps are powers of two between min_size and max_size. Over budget for `settle` previews in a row (or once by
// more than twice the budget) it halves the side; once the next size up is expected to fit within
// headroom · budget for `settle` previews in a row, it doubles it. The next size's expected cost is the current one
// times the ratio of the two measured across the last step between them, or the pixel ratio (4) before any, a
// bound that synthesis stays under (its coarse blocks cost the same at every size). The clock is injectable so
// tests run on a fake one.
#include <functional>
#include <map>

namespace facet::edit {

class PreviewBudget {
 public:
  struct Options {
    double budget_ms = 100;  // the time one preview may take
    int min_size = 64;
    int max_size = 256;       // also the starting size
    double headroom = 0.8;    // step up only when the bigger size is expected to take ≤ headroom · budget
    int settle = 2;           // previews in a row that must agree before a step (hysteresis)
    double smoothing = 0.5;   // weight of a new measurement in each size's running cost
  };
  using Clock = std::function<double()>;  // monotonic milliseconds

  // Throws facet::Error for sizes that are not powers of two ≥ 4, min > max, or a budget ≤ 0.
  explicit PreviewBudget(Options options, Clock clock = {});

  int size() const { return size_; }
  // Brackets one preview render at size(); end() records its duration.
  void begin();
  void end();
  // The same for a duration measured elsewhere, of a render at `size`.
  void record(int size, double ms);
  // The running cost of a size in ms; 0 when it has not been seen.
  double cost_ms(int size) const;
  // What the next size up from size() is expected to cost now: the current cost times the ratio measured across
  // the last step between the two (4 before any); other sizes: cost_ms.
  double expected_ms(int size) const;
  const Options& options() const { return options_; }

 private:
  Options options_;
  Clock clock_;
  int size_;
  double started_ = -1;
  int over_ = 0, under_ = 0;  // previews in a row over budget / with room for the next size
  std::map<int, double> cost_;
  std::map<int, double> ratio_;  // size s → cost(2s) / cost(s), measured across a step
  int stepped_from_ = 0;          // the size left by the last step, until the first preview after it
  double stepped_cost_ = 0;
};

}  // namespace facet::edit
