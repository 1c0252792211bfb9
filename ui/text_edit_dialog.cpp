#include "ui/text_edit_dialog.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "app/editor/error_text.h"
#include "app/editor/job_runner.h"
#include "app/editor/text_edit_job.h"
#include "core/edit/text_direction.h"
#include "core/io/error.h"

namespace facet::ui {

TextEditDialog::TextEditDialog(app::JobRunner* jobs, const app::TextEditJob& base, QWidget* parent)
    : QDialog(parent), base_(std::make_unique<app::TextEditJob>(base)), jobs_(jobs) {
  setWindowTitle(tr("Add text edit"));
  setObjectName("textEditDialog");
  clipReason_ = QString::fromStdString(app::missing_clip_reason(base_->clip, base_->vocab));
  auto* layout = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  prompt_ = new QLineEdit(this);
  prompt_->setObjectName("textPrompt");
  prompt_->setPlaceholderText(tr("e.g. a face with curly hair"));
  form->addRow(tr("Prompt:"), prompt_);
  method_ = new QComboBox(this);
  method_->setObjectName("textMethod");
  method_->addItem(tr("Global direction (fast slider, any face)"));
  method_->addItem(tr("Optimise this face (slow, most faithful)"));
  method_->addItem(tr("Load a saved direction file"));
  form->addRow(tr("Method:"), method_);
  neutral_ = new QLineEdit(QString::fromStdString(base_->neutral), this);
  neutral_->setObjectName("textNeutral");
  neutral_->setToolTip(tr("What the prompt is compared against (global directions)"));
  form->addRow(tr("Neutral text:"), neutral_);
  beta_ = new QDoubleSpinBox(this);
  beta_->setObjectName("textBeta");
  beta_->setRange(0, 1);
  beta_->setSingleStep(0.01);
  beta_->setValue(base_->beta);
  beta_->setToolTip(tr("Disentanglement threshold β: higher changes fewer style channels"));
  form->addRow(tr("Threshold β:"), beta_);
  samples_ = new QSpinBox(this);
  samples_->setObjectName("textSamples");
  samples_->setRange(1, 1000);
  samples_->setValue(base_->relevance.samples);
  samples_->setToolTip(tr("Faces averaged per style channel when the relevance statistics are computed (StyleCLIP: "
                          "100). Fewer is much faster and rougher; each setting is cached separately."));
  form->addRow(tr("Faces per channel:"), samples_);
  steps_ = new QSpinBox(this);
  steps_->setObjectName("textSteps");
  steps_->setRange(1, 2000);
  steps_->setValue(base_->steps);
  form->addRow(tr("Steps:"), steps_);
  auto* fileRow = new QHBoxLayout;
  file_ = new QLineEdit(this);
  file_->setObjectName("textFile");
  browse_ = new QPushButton(tr("Browse…"), this);
  fileRow->addWidget(file_, 1);
  fileRow->addWidget(browse_);
  form->addRow(tr("File:"), fileRow);
  layout->addLayout(form);
  clipNote_ = new QLabel(this);
  clipNote_->setObjectName("textClipNote");
  clipNote_->setWordWrap(true);
  clipNote_->setText(clipReason_.isEmpty() ? QString() : tr("No CLIP model is installed: global directions and "
                                                             "optimisation need ViT-B-32.pt (Tools ▸ Models). You can "
                                                             "still load a saved direction file."));
  clipNote_->setVisible(!clipReason_.isEmpty());
  layout->addWidget(clipNote_);
  progress_ = new QProgressBar(this);
  progress_->setObjectName("textProgress");
  progress_->setVisible(false);
  layout->addWidget(progress_);
  status_ = new QLabel(this);
  status_->setObjectName("textStatus");
  status_->setWordWrap(true);
  layout->addWidget(status_);
  auto* buttons = new QDialogButtonBox(this);
  run_ = buttons->addButton(tr("Make slider"), QDialogButtonBox::AcceptRole);
  run_->setObjectName("textRun");
  cancelButton_ = buttons->addButton(QDialogButtonBox::Cancel);
  cancelButton_->setObjectName("textCancel");
  layout->addWidget(buttons);
  setMinimumWidth(460);

  connect(browse_, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Load text direction"), {},
                                                      tr("Text directions (*.json);;Latent mappers (*.pt *.pth)"));
    if (!path.isEmpty()) file_->setText(path);
  });
  connect(method_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { updateControls(); });
  connect(prompt_, &QLineEdit::textChanged, this, [this] { updateControls(); });
  connect(file_, &QLineEdit::textChanged, this, [this] { updateControls(); });
  connect(run_, &QPushButton::clicked, this, &TextEditDialog::start);
  connect(jobs_, &app::JobRunner::progressed, this, [this](const app::JobInfo& info) {
    if (info.id != job_ || info.maximum <= 0) return;
    progress_->setRange(0, info.maximum);
    progress_->setValue(info.value);
  });
  connect(cancelButton_, &QPushButton::clicked, this, [this] {
    if (running_) cancel();
    else reject();
  });
  setMethod(clipReason_.isEmpty() ? Global : LoadFile);
}

TextEditDialog::~TextEditDialog() {
  if (running_) jobs_->cancel(job_);
}

void TextEditDialog::setPrompt(const QString& prompt) { prompt_->setText(prompt); }
void TextEditDialog::setMethod(Method method) {
  method_->setCurrentIndex(method);
  updateControls();
}
void TextEditDialog::setSteps(int steps) { steps_->setValue(steps); }
void TextEditDialog::setRelevanceOptions(const edit::RelevanceOptions& options) {
  base_->relevance = options;
  samples_->setValue(options.samples);
}
void TextEditDialog::setFile(const QString& path) { file_->setText(path); }
void TextEditDialog::setBeta(double beta) { beta_->setValue(beta); }
QString TextEditDialog::statusText() const { return status_->text(); }

void TextEditDialog::updateControls() {
  const int m = method_->currentIndex();
  neutral_->setEnabled(m == Global && !running_);
  beta_->setEnabled(m == Global && !running_);
  samples_->setEnabled(m == Global && !running_);
  steps_->setEnabled(m == Optimisation && !running_);
  file_->setEnabled(m == LoadFile && !running_);
  browse_->setEnabled(m == LoadFile && !running_);
  prompt_->setEnabled((m != LoadFile || file_->text().endsWith(".pt") || file_->text().endsWith(".pth")) && !running_);
  method_->setEnabled(!running_);
  const bool ready = m == LoadFile ? !file_->text().isEmpty() : (clipReason_.isEmpty() && !prompt_->text().trimmed().isEmpty());
  run_->setEnabled(ready && !running_);
  cancelButton_->setText(running_ ? tr("Stop") : tr("Cancel"));
}

void TextEditDialog::start() {
  if (running_) return;
  direction_.reset();
  const int m = method_->currentIndex();
  if (m == LoadFile) {
    // A saved direction, or a trained latent mapper applied to this face: read (and the mapper run) as a job.
    const QString path = file_->text();
    const QString prompt = prompt_->text().trimmed().isEmpty() ? QFileInfo(path).completeBaseName() : prompt_->text().trimmed();
    const torch::Tensor face = base_->wplus;
    running_ = true;
    updateControls();
    QPointer<TextEditDialog> self(this);
    job_ = jobs_->run<app::LoadedDirection>(
        tr("Loading %1…").arg(QFileInfo(path).fileName()),
        [path, prompt, face](app::JobContext&) { return app::loadTextDirectionFile(path, prompt, face); },
        [self](app::LoadedDirection loaded) {
          if (!self) return;
          self->running_ = false;
          self->updateControls();
          if (!loaded.direction) {
            self->status_->setText(loaded.error);
            Q_EMIT self->finishedJob(false);
            return;
          }
          self->direction_ = std::move(loaded.direction);
          self->status_->setText(tr("Loaded \"%1\"").arg(QString::fromStdString(self->direction_->prompt)));
          Q_EMIT self->finishedJob(true);
          self->accept();
        });
    return;
  }
  if (!clipReason_.isEmpty()) {
    status_->setText(clipReason_);
    Q_EMIT finishedJob(false);
    return;
  }
  app::TextEditJob job = *base_;
  job.method = m == Global ? app::TextEditJob::Method::Global : app::TextEditJob::Method::Optimisation;
  job.prompt = prompt_->text().trimmed().toStdString();
  job.neutral = neutral_->text().trimmed().toStdString();
  job.beta = beta_->value();
  job.steps = steps_->value();
  job.relevance.samples = samples_->value();
  running_ = true;
  progress_->setVisible(true);
  progress_->setRange(0, 0);
  status_->setText(m == Global ? tr("Computing the relevance statistics (once per generator; cached)…")
                               : tr("Optimising the face for the prompt…"));
  updateControls();
  struct Outcome {
    std::shared_ptr<edit::TextDirection> direction;
    QString error;
  };
  QPointer<TextEditDialog> self(this);
  job_ = jobs_->run<Outcome>(
      tr("Making the text edit \"%1\"…").arg(QString::fromStdString(job.prompt)),
      [job](app::JobContext& context) {
        Outcome outcome;
        try {
          outcome.direction = app::run_text_edit_job(
              job,
              [&context](const edit::TextJobProgress& p) {
                context.progress(p.step, p.total);
                return true;
              },
              context.stopFlag());
        } catch (const std::exception& e) {
          outcome.error = app::errorText(e);
        }
        return outcome;
      },
      [self](Outcome outcome) {
        if (self) self->jobDone(std::move(outcome.direction), outcome.error);
      },
      {QString(), false, /*cancelKeepsResult=*/true});
}

void TextEditDialog::cancel() {
  if (!running_) return;
  jobs_->cancel(job_);
  status_->setText(tr("Stopping…"));
}

void TextEditDialog::jobDone(std::shared_ptr<edit::TextDirection> result, const QString& error) {
  running_ = false;
  progress_->setVisible(false);
  updateControls();
  if (result) {
    direction_ = std::move(result);
    status_->setText(tr("Made \"%1\"").arg(QString::fromStdString(direction_->prompt)));
    Q_EMIT finishedJob(true);
    accept();
    return;
  }
  status_->setText(!error.isEmpty() ? tr("Failed: %1").arg(error) : tr("Cancelled."));
  Q_EMIT finishedJob(false);
}

}  // namespace facet::ui
