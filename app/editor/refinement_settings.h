#pragma once
// The photo refinement's settings, kept between runs (QSettings): how many Image2StyleGAN steps follow the encoder
// when a photo is opened, and the time per step measured for each generator size and device, which the estimate
// before a refinement uses.
#include <memory>

#include <QString>

namespace facet::models {
struct ModelSet;
}

namespace facet::app {

class RefinementSettings {
 public:
  // Steps a face without an encoder is refined for when the user asks (from the average face).
  static constexpr int kStepsFromAverage = 100;

  static int steps();
  static void setSteps(int steps);  // ≤ 0: off
  // The remembered time per step for these models (0 = none yet).
  static double msPerStep(const models::ModelSet* models);
  static void rememberMsPerStep(const models::ModelSet* models, double ms);
  // A step of the refinement the photo flow runs (its loss, on a face the generator renders itself), timed: three
  // steps after a warm-up, the median (a single step still carries the convolutions' first-run set-up). Blocks.
  static double measureMsPerStep(const models::ModelSet& models);
  // "1024² generator on cpu"; "no generator loaded".
  static QString describe(const models::ModelSet* models);
  // An estimate in words: "about 40 s", "about 5 min", "about 1 h 20 min".
  static QString durationText(double seconds);
};

}  // namespace facet::app
