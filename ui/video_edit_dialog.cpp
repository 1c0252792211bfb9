#include "ui/video_edit_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QFileInfo>
#include <QPointer>

#include "app/editor/error_text.h"
#include "app/editor/job_runner.h"
#include "app/editor/video_sources.h"
#include "core/edit/attributes.h"
#include "core/io/error.h"

namespace facet::ui {

VideoEditDialog::VideoEditDialog(const QVector<AttributeSlot>& attributes, const std::vector<float>& alphas,
                                 VideoEditSetupFn setup, QWidget* parent, app::JobRunner* jobs)
    : QDialog(parent), attributes_(attributes), setup_(std::move(setup)), jobs_(jobs) {
  if (!jobs_) jobs_ = new app::JobRunner(this);
  setWindowTitle(tr("Edit a video"));
  setObjectName("videoEditDialog");
  auto* layout = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  auto fileRow = [this](QLineEdit*& edit, const QString& name, bool save) {
    auto* row = new QHBoxLayout;
    edit = new QLineEdit(this);
    edit->setObjectName(name);
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this, edit, save] {
      const QString filter = tr("Videos (*.mp4 *.mov *.avi *.mkv *.webm)");
      const QString path = save ? QFileDialog::getSaveFileName(this, tr("Save edited video"), edit->text(), filter)
                                : QFileDialog::getOpenFileName(this, tr("Open video"), edit->text(), filter);
      if (!path.isEmpty()) edit->setText(path);
    });
    row->addWidget(edit, 1);
    row->addWidget(browse);
    return row;
  };
  form->addRow(tr("Video"), fileRow(input_, "videoInput", false));
  form->addRow(tr("Save as"), fileRow(output_, "videoOutput", true));
  edits_ = new QTableWidget(0, 2, this);
  edits_->setObjectName("videoEdits");
  edits_->setHorizontalHeaderLabels({tr("Attribute"), tr("α")});
  edits_->horizontalHeader()->setStretchLastSection(true);
  edits_->verticalHeader()->setVisible(false);
  edits_->setMinimumHeight(110);
  auto* editButtons = new QHBoxLayout;
  auto* add = new QPushButton(tr("Add edit"), this);
  auto* remove = new QPushButton(tr("Remove edit"), this);
  editButtons->addWidget(add);
  editButtons->addWidget(remove);
  editButtons->addStretch();
  auto* editBox = new QVBoxLayout;
  editBox->addWidget(edits_);
  editBox->addLayout(editButtons);
  form->addRow(tr("Edits (applied in order; layers ≥ 11 kept)"), editBox);
  blend_ = new QComboBox(this);
  blend_->setObjectName("videoBlend");
  blend_->addItem(tr("Feathered landmark mask"), false);
  blend_->addItem(tr("Seamless cloning"), true);
  form->addRow(tr("Blending"), blend_);
  auto* range = new QHBoxLayout;
  from_ = new QSpinBox(this);
  from_->setObjectName("videoFrom");
  from_->setRange(0, 10'000'000);
  to_ = new QSpinBox(this);
  to_->setObjectName("videoTo");
  to_->setRange(0, 10'000'000);
  to_->setSpecialValueText(tr("end"));
  range->addWidget(new QLabel(tr("from frame"), this));
  range->addWidget(from_);
  range->addWidget(new QLabel(tr("to (excluded)"), this));
  range->addWidget(to_);
  range->addStretch();
  form->addRow(tr("Frames"), range);
  auto* refineRow = new QHBoxLayout;
  refine_ = new QSpinBox(this);
  refine_->setObjectName("videoRefineSteps");
  refine_->setRange(0, 5000);
  refine_->setSingleStep(50);
  refine_->setSpecialValueText(tr("off (encoder only)"));
  refine_->setSuffix(tr(" steps per frame"));
  warm_ = new QCheckBox(tr("start each frame from the previous one"), this);
  warm_->setObjectName("videoWarmStart");
  warm_->setChecked(false);  // see VideoEditOptions::warm_start
  warm_->setEnabled(false);
  refineRow->addWidget(refine_);
  refineRow->addWidget(warm_);
  refineRow->addStretch();
  form->addRow(tr("Optimise each frame"), refineRow);
  connect(refine_, qOverload<int>(&QSpinBox::valueChanged), warm_, [this](int steps) { warm_->setEnabled(steps > 0); });
  audio_ = new QCheckBox(tr("Keep the audio (needs ffmpeg)"), this);
  audio_->setChecked(true);
  form->addRow(QString(), audio_);
  resume_ = new QCheckBox(tr("Resume an interrupted edit to this file (keeps its finished frames)"), this);
  resume_->setObjectName("videoResume");
  form->addRow(QString(), resume_);
  layout->addLayout(form);
  bar_ = new QProgressBar(this);
  bar_->setObjectName("videoProgress");
  layout->addWidget(bar_);
  status_ = new QLabel(tr("Choose a video and the edits."), this);
  status_->setObjectName("videoStatus");
  status_->setWordWrap(true);
  status_->setMinimumHeight(status_->fontMetrics().lineSpacing() * 4);  // the report runs to a few lines
  status_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  layout->addWidget(status_);
  auto* buttons = new QDialogButtonBox(this);
  start_ = buttons->addButton(tr("Edit video"), QDialogButtonBox::AcceptRole);
  start_->setObjectName("videoStart");
  auto* cancel = buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);  // "Cancel" while editing
  cancel->setObjectName("videoCancel");
  close_ = cancel;
  layout->addWidget(buttons);
  connect(jobs_, &app::JobRunner::progressed, this, [this](const app::JobInfo& info) {
    if (info.id != job_) return;
    bar_->setRange(0, std::max(info.maximum, 0));
    bar_->setValue(info.value);
    if (!info.text.isEmpty()) status_->setText(info.text);
  });

  // Start from the sliders' current edit: one row per non-zero α.
  for (int i = 0; i < attributes_.size() && i < static_cast<int>(alphas.size()); ++i)
    if (alphas[static_cast<size_t>(i)] != 0.0f) addEditRow(i, alphas[static_cast<size_t>(i)]);
  connect(add, &QPushButton::clicked, this, [this] { addEditRow(0, 1.0); });
  connect(remove, &QPushButton::clicked, this, [this] {
    if (edits_->currentRow() >= 0) edits_->removeRow(edits_->currentRow());
  });
  connect(start_, &QPushButton::clicked, this, &VideoEditDialog::startEdit);
  connect(cancel, &QPushButton::clicked, this, [this] {
    if (isRunning()) {
      jobs_->cancel(job_);
      status_->setText(tr("Cancelling…"));
    } else {
      reject();
    }
  });
  if (!setup_) {
    status_->setText(tr("Video editing needs face detection and alignment and an encoder, which this build does "
                        "not provide yet (use facet-cli edit-video when it does)."));
    start_->setEnabled(false);
  }
}

VideoEditDialog::~VideoEditDialog() {
  if (running_) jobs_->cancel(job_);
}

void VideoEditDialog::addEditRow(int attribute, double alpha) {
  const int row = edits_->rowCount();
  edits_->insertRow(row);
  auto* combo = new QComboBox(edits_);
  for (const AttributeSlot& slot : attributes_) combo->addItem(slot.displayName, slot.id);
  combo->setCurrentIndex(attribute);
  auto* spin = new QDoubleSpinBox(edits_);
  spin->setRange(AttributeSliderPanel::kMinAlpha, AttributeSliderPanel::kMaxAlpha);
  spin->setSingleStep(0.1);
  spin->setValue(alpha);
  edits_->setCellWidget(row, 0, combo);
  edits_->setCellWidget(row, 1, spin);
}

int VideoEditDialog::editRowCount() const { return edits_->rowCount(); }
void VideoEditDialog::setRefineSteps(int steps, bool warmStart) {
  refine_->setValue(steps);
  warm_->setChecked(warmStart);
}
void VideoEditDialog::setResume(bool resume) { resume_->setChecked(resume); }
void VideoEditDialog::setPaths(const QString& input, const QString& output) {
  input_->setText(input);
  output_->setText(output);
}
bool VideoEditDialog::isRunning() const { return running_; }
QString VideoEditDialog::statusText() const { return status_->text(); }

void VideoEditDialog::startEdit() {
  if (isRunning() || !setup_) return;
  video::VideoEditOptions options;
  try {
    for (int r = 0; r < edits_->rowCount(); ++r) {
      const auto* combo = qobject_cast<QComboBox*>(edits_->cellWidget(r, 0));
      const auto* spin = qobject_cast<QDoubleSpinBox*>(edits_->cellWidget(r, 1));
      const int index = edit::require_attribute(combo->currentData().toString().toStdString()).index;
      options.edits.edits.push_back({index, spin->value()});
    }
  } catch (const Error& e) {
    status_->setText(app::errorText(e));
    return;
  }
  if (options.edits.edits.empty()) {
    status_->setText(tr("Add at least one edit."));
    return;
  }
  options.track.first_frame = from_->value();
  options.track.end_frame = to_->value() > 0 ? to_->value() : -1;
  options.keep_audio = audio_->isChecked();
  options.resume = resume_->isChecked();
  options.refine_steps = refine_->value();
  options.warm_start = warm_->isChecked();
  const bool seamless = blend_->currentData().toBool();
  const std::string in = input_->text().toStdString(), out = output_->text().toStdString();
  running_ = true;
  start_->setEnabled(false);
  close_->setText(tr("Cancel"));
  status_->setText(tr("Loading the models…"));
  QPointer<VideoEditDialog> self(this);
  job_ = jobs_->run<app::VideoJobOutcome>(
      tr("Editing %1…").arg(QFileInfo(input_->text()).fileName()),
      [setup = setup_, seamless, options, in, out](app::JobContext& context) {
        return app::runVideoEdit(setup, seamless, options, in, out, context);
      },
      [self](app::VideoJobOutcome outcome) {
        if (self) self->done(outcome.ok, outcome.message);
      },
      {QString(), false, /*cancelKeepsResult=*/true});  // Cancel stops it; the dialog hears how far it got
}

void VideoEditDialog::done(bool ok, const QString& message) {
  running_ = false;
  status_->setText(message);
  start_->setEnabled(true);
  close_->setText(tr("Close"));
  Q_EMIT finished(ok);
}

}  // namespace facet::ui
