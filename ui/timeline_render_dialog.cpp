#include "ui/timeline_render_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QFileInfo>
#include <QPointer>

#include "app/editor/job_runner.h"
#include "app/editor/video_sources.h"
#include "core/io/error.h"

namespace facet::ui {

TimelineRenderDialog::TimelineRenderDialog(video::Timeline timeline, TimelineRenderSourceFn source, QWidget* parent,
                                           app::JobRunner* jobs)
    : QDialog(parent), timeline_(std::move(timeline)), source_(std::move(source)), jobs_(jobs) {
  if (!jobs_) jobs_ = new app::JobRunner(this);
  setWindowTitle(tr("Render timeline to video"));
  setObjectName("timelineRenderDialog");
  setMinimumWidth(620);
  if (source_) models_ = source_();
  auto* layout = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  fps_ = new QSpinBox(this);
  fps_->setObjectName("renderFps");
  fps_->setRange(1, 120);
  fps_->setValue(25);
  fps_->setSuffix(tr(" fps"));
  form->addRow(tr("Frame rate"), fps_);
  size_ = new QComboBox(this);
  size_->setObjectName("renderSize");
  const int full = models_ && models_->generator ? static_cast<int>(models_->generator->size()) : 1024;
  for (int s = full; s >= 64 && s >= full / 8; s /= 2) size_->addItem(tr("Aligned crop %1 × %1").arg(s), s);
  // Each frame rendered at the generator's full size and pasted into the photo through the face's alignment.
  const bool photo = models_ && models_->photo && models_->photo->valid();
  if (photo) {
    size_->addItem(tr("Pasted into the photo %1 × %2").arg(models_->photo->size().width).arg(models_->photo->size().height), -1);
  } else {
    size_->addItem(tr("Pasted into the photo (open a photo and embed its face first)"), -1);
    size_->setItemData(size_->count() - 1, false, Qt::UserRole - 1);  // disabled: the face is not from a photo
  }
  form->addRow(tr("Size"), size_);
  codec_ = new QComboBox(this);
  codec_->setObjectName("renderCodec");
  codec_->addItem(tr("MP4, best available (H.264, else MPEG-4, else MJPEG AVI)"), "auto");
  codec_->addItem(tr("MP4, H.264"), "h264");
  codec_->addItem(tr("MP4, MPEG-4 Part 2"), "mp4v");
  codec_->addItem(tr("AVI, MJPEG"), "mjpeg");
  form->addRow(tr("Container / codec"), codec_);
  auto* outRow = new QHBoxLayout;
  output_ = new QLineEdit(QDir::home().filePath("facet-timeline.mp4"), this);
  output_->setObjectName("renderOutput");
  auto* browse = new QPushButton(tr("Browse…"), this);
  outRow->addWidget(output_, 1);
  outRow->addWidget(browse);
  form->addRow(tr("Output"), outRow);
  layout->addLayout(form);
  bar_ = new QProgressBar(this);
  bar_->setObjectName("renderProgress");
  bar_->setRange(0, video::timeline_frame_count(timeline_, fps_->value()));
  bar_->setValue(0);
  layout->addWidget(bar_);
  status_ = new QLabel(this);
  status_->setObjectName("renderStatus");
  status_->setWordWrap(true);
  status_->setMinimumHeight(status_->fontMetrics().lineSpacing() * 3);
  status_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  layout->addWidget(status_);
  auto* buttons = new QDialogButtonBox(this);
  render_ = buttons->addButton(tr("Render"), QDialogButtonBox::AcceptRole);
  render_->setObjectName("renderStart");
  cancel_button_ = buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);  // "Cancel" while rendering
  cancel_button_->setObjectName("renderCancel");
  layout->addWidget(buttons);

  if (!models_ || !models_->generator || !models_->editor || !models_->wplus.defined()) {
    status_->setText(tr("No face model is loaded: open and embed a photo first (the render uses the editor's "
                        "generator and transformers)."));
    render_->setEnabled(false);
  } else {
    status_->setText(tr("%1 keyframes, %2 s: %3 frames at this rate.")
                         .arg(timeline_.size()).arg(timeline_.duration(), 0, 'f', 2)
                         .arg(video::timeline_frame_count(timeline_, fps_->value())));
  }
  connect(jobs_, &app::JobRunner::progressed, this, [this](const app::JobInfo& info) {
    if (info.id == job_ && info.maximum > 0) progress(info.value, info.maximum);
  });
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save video"), output_->text(),
                                                      tr("Videos (*.mp4 *.avi)"));
    if (!path.isEmpty()) output_->setText(path);
  });
  connect(render_, &QPushButton::clicked, this, &TimelineRenderDialog::startRender);
  connect(cancel_button_, &QPushButton::clicked, this, [this] {
    if (isRunning()) {
      cancelRender();
      status_->setText(tr("Cancelling…"));
    } else {
      reject();
    }
  });
  connect(fps_, qOverload<int>(&QSpinBox::valueChanged), this,
          [this](int fps) { bar_->setRange(0, video::timeline_frame_count(timeline_, fps)); });
}

TimelineRenderDialog::~TimelineRenderDialog() {
  if (running_) jobs_->cancel(job_);
}

void TimelineRenderDialog::cancelRender() {
  if (running_) jobs_->cancel(job_);
}

void TimelineRenderDialog::setOutputPath(const QString& path) { output_->setText(path); }
bool TimelineRenderDialog::choosePastedIntoPhoto(bool pasted) {
  if (!pasted) {
    size_->setCurrentIndex(0);
    return true;
  }
  if (!models_ || !models_->photo || !models_->photo->valid()) return false;
  size_->setCurrentIndex(size_->findData(-1));
  return true;
}
bool TimelineRenderDialog::isRunning() const { return running_; }
QString TimelineRenderDialog::statusText() const { return status_->text(); }

void TimelineRenderDialog::startRender() {
  if (isRunning() || !models_) return;
  running_ = true;
  render_->setEnabled(false);
  cancel_button_->setText(tr("Cancel"));
  const double fps = fps_->value();
  const int side = size_->currentData().toInt();
  const std::string out = output_->text().toStdString();
  const std::string codec = codec_->currentData().toString().toStdString();
  const app::TimelineRenderSource models = *models_;
  const video::Timeline timeline = timeline_;
  status_->setText(tr("Rendering…"));
  QPointer<TimelineRenderDialog> self(this);
  job_ = jobs_->run<app::VideoJobOutcome>(
      tr("Rendering the timeline to %1…").arg(QFileInfo(output_->text()).fileName()),
      [fps, side, out, codec, models, timeline](app::JobContext& context) {
        return app::renderTimelineVideo(models, timeline, fps, side, out, codec, context);
      },
      [self](app::VideoJobOutcome outcome) {
        if (self) self->done(outcome.ok, outcome.message);
      },
      {QString(), false, /*cancelKeepsResult=*/true});  // Cancel stops it; the dialog hears how far it got
}

void TimelineRenderDialog::progress(int done, int total) {
  bar_->setRange(0, total);
  bar_->setValue(done);
  status_->setText(tr("Frame %1 of %2…").arg(done).arg(total));
}

void TimelineRenderDialog::done(bool ok, const QString& message) {
  running_ = false;
  status_->setText(message);
  render_->setEnabled(true);
  cancel_button_->setText(tr("Close"));
  Q_EMIT finished(ok);
}

}  // namespace facet::ui
