#pragma once
// Tools ▸ Photo refinement: how many Image2StyleGAN steps follow the encoder when a photo is opened, and how long
// that takes on this machine. The time per step is known from an earlier refinement or measured when the dialog
// opens (one warm-up and one timed step on a pool thread), so the estimate is there before anything starts.
#include <functional>

#include <QDialog>

class QLabel;
class QSpinBox;

namespace facet::ui {

class RefinementDialog : public QDialog {
  Q_OBJECT
 public:
  // msPerStep > 0: the known time per step; otherwise `measure` (when set) runs on a pool thread and returns it
  // (it may throw: the dialog then says the time is unknown and why). `setup` names what was timed, e.g.
  // "1024² generator on cpu".
  RefinementDialog(int steps, double msPerStep, std::function<double()> measure, const QString& setup,
                   QWidget* parent = nullptr);

  int steps() const;
  void setSteps(int steps);
  double msPerStep() const { return msPerStep_; }
  QString estimateText() const;
  bool measuring() const { return measuring_; }

  // "about 40 s", "about 5 min", "about 1 h 20 min".
  static QString durationText(double seconds);

 Q_SIGNALS:
  void measured(double msPerStep);  // the time per step just measured (the window remembers it)

 private:
  void updateEstimate();

  QSpinBox* steps_ = nullptr;
  QLabel* estimate_ = nullptr;
  double msPerStep_ = 0;
  bool measuring_ = false;
  QString setup_;
  QString measureError_;
};

}  // namespace facet::ui
