#pragma once
// Tools ▸ Photo refinement: how many Image2StyleGAN steps follow the encoder when a photo is opened, and how long
// that takes on this machine. The time per step is known from an earlier refinement or measured when the dialog
// opens (one warm-up and three timed steps, a background job), so the estimate is there before anything starts.
#include <functional>

#include <QDialog>

class QLabel;
class QSpinBox;

namespace facet::app {
class JobRunner;
}

namespace facet::ui {

class RefinementDialog : public QDialog {
  Q_OBJECT
 public:
  // msPerStep > 0: the known time per step; otherwise `measure` (when set) runs as a job of `jobs` and returns it
  // (it may throw: the dialog then says the time is unknown and why). `setup` names what was timed, e.g.
  // "1024² generator on cpu". hasEncoder: what "off" means (the encoder's code, or no code until asked).
  RefinementDialog(app::JobRunner* jobs, int steps, double msPerStep, std::function<double()> measure,
                   const QString& setup, bool hasEncoder, QWidget* parent = nullptr);

  int steps() const;
  void setSteps(int steps);
  double msPerStep() const { return msPerStep_; }
  QString estimateText() const;
  bool measuring() const { return measuring_; }

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
  bool hasEncoder_ = true;
};

}  // namespace facet::ui
