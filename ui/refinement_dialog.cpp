#include "ui/refinement_dialog.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPointer>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include "app/editor/error_text.h"
#include "app/editor/job_runner.h"
#include "app/editor/refinement_settings.h"

namespace facet::ui {

namespace {
struct Measurement {
  double ms = 0;
  QString error;
};
}  // namespace

RefinementDialog::RefinementDialog(app::JobRunner* jobs, int steps, double msPerStep, std::function<double()> measure,
                                   const QString& setup, bool hasEncoder, QWidget* parent)
    : QDialog(parent), msPerStep_(msPerStep), setup_(setup), hasEncoder_(hasEncoder) {
  setWindowTitle(tr("Photo refinement"));
  setObjectName("refinementDialog");
  auto* layout = new QVBoxLayout(this);
  auto* intro = new QLabel(tr("After the encoder, Facet can optimise the face's W+ code so that the generated face "
                              "matches the photo more closely (Image2StyleGAN). It uses the LPIPS or VGG-16 "
                              "perceptual model when installed, else the pixel loss alone. More steps fit the "
                              "photo better and take longer; Cancel during the refinement keeps the best code so "
                              "far."),
                           this);
  intro->setWordWrap(true);
  // Wrapped labels do not ask a dialog for their height: give them what the text needs at the dialog's width.
  intro->setMinimumWidth(440);
  intro->setMinimumHeight(intro->heightForWidth(440));
  layout->addWidget(intro);
  auto* form = new QFormLayout;
  steps_ = new QSpinBox(this);
  steps_->setObjectName("refinementSteps");
  steps_->setRange(0, 5000);
  steps_->setSingleStep(50);
  steps_->setSpecialValueText(tr("off"));
  steps_->setValue(steps);
  form->addRow(tr("&Steps after the encoder:"), steps_);
  layout->addLayout(form);
  estimate_ = new QLabel(this);
  estimate_->setObjectName("refinementEstimate");
  estimate_->setWordWrap(true);
  estimate_->setMinimumHeight(3 * estimate_->fontMetrics().lineSpacing());
  layout->addWidget(estimate_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  connect(steps_, &QSpinBox::valueChanged, this, &RefinementDialog::updateEstimate);
  setMinimumWidth(460);
  layout->setSizeConstraint(QLayout::SetMinimumSize);  // the wrapped texts always get their full height

  if (msPerStep_ <= 0 && measure && jobs) {
    measuring_ = true;
    jobs->run<Measurement>(
        tr("Measuring a refinement step…"),
        [measure = std::move(measure)](app::JobContext&) {
          // The job holds its own copies (the models it times), so closing the dialog early is safe.
          Measurement m;
          try {
            m.ms = measure();
          } catch (const std::exception& e) {
            m.error = app::errorText(e);
          }
          return m;
        },
        [self = QPointer<RefinementDialog>(this)](Measurement m) {
          if (!self) return;
          self->measuring_ = false;
          self->measureError_ = m.error;
          if (m.ms > 0) {
            self->msPerStep_ = m.ms;
            Q_EMIT self->measured(m.ms);
          }
          self->updateEstimate();
        });
  }
  updateEstimate();
}

int RefinementDialog::steps() const { return steps_->value(); }
void RefinementDialog::setSteps(int steps) { steps_->setValue(steps); }
QString RefinementDialog::estimateText() const { return estimate_->text(); }

void RefinementDialog::updateEstimate() {
  const int steps = steps_->value();
  if (steps == 0) {
    estimate_->setText(hasEncoder_ ? tr("Refinement is off: the encoder's code is used as it is.")
                                   : tr("Refinement is off. Without an encoder, an opened photo's face waits until "
                                        "you refine it from the average face (the message above the preview "
                                        "offers it)."));
  } else if (msPerStep_ > 0) {
    estimate_->setText(tr("%1 steps take %2 on this machine (%3 s per step, %4).")
                           .arg(steps)
                           .arg(app::RefinementSettings::durationText(steps * msPerStep_ / 1000.0))
                           .arg(msPerStep_ / 1000.0, 0, 'f', 2)
                           .arg(setup_));
  } else if (measuring_) {
    estimate_->setText(tr("Measuring how long a step takes (%1)…").arg(setup_));
  } else if (!measureError_.isEmpty()) {
    estimate_->setText(tr("The time per step could not be measured: %1").arg(measureError_));
  } else {
    estimate_->setText(tr("Load a generator (Tools ▸ Models) to see how long the refinement takes."));
  }
}

}  // namespace facet::ui
