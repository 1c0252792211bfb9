#include "ui/timeline_panel.h"

#include <cmath>

#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "app/editor/edit_document.h"
#include "app/editor/video_sources.h"
#include "ui/dock_panel.h"

namespace facet::ui {

constexpr int kScrubStepsPerSecond = 1000;

// A strip above the scrubber with a tick per keyframe (the selected one highlighted) and the play head.
class KeyframeTrack : public QWidget {
 public:
  explicit KeyframeTrack(QWidget* parent) : QWidget(parent) { setMinimumHeight(22); }
  void set(std::vector<double> times, double duration, double position, int selected) {
    times_ = std::move(times);
    duration_ = duration;
    position_ = position;
    selected_ = selected;
    update();
  }

 protected:
  void paintEvent(QPaintEvent*) override {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const double span = duration_ > 0 ? duration_ : 1.0;
    const double left = 8, width = std::max(1.0, this->width() - 16.0);
    auto x = [&](double t) { return left + width * t / span; };
    for (size_t i = 0; i < times_.size(); ++i) {
      const bool sel = static_cast<int>(i) == selected_;
      p.setBrush(sel ? QColor(230, 120, 20) : palette().highlight().color());
      p.setPen(Qt::NoPen);
      const QPointF c(x(times_[i]), height() / 2.0);
      p.drawPolygon(QPolygonF({c + QPointF(0, -6), c + QPointF(5, 0), c + QPointF(0, 6), c + QPointF(-5, 0)}));
    }
    p.setPen(QPen(QColor(200, 30, 30), 2));
    p.drawLine(QPointF(x(position_), 1), QPointF(x(position_), height() - 1));
  }

 private:
  std::vector<double> times_;
  double duration_ = 0, position_ = 0;
  int selected_ = -1;
};

TimelinePanel::TimelinePanel(QWidget* parent, app::TimelineModel* model) : QWidget(parent) {
  model_ = model ? model : new app::TimelineModel(this);
  auto* layout = new QVBoxLayout(this);

  auto* transport = new QHBoxLayout;
  record_ = new QToolButton(this);
  record_->setObjectName("timelineRecord");
  record_->setText(tr("● Record"));
  record_->setCheckable(true);
  record_->setToolTip(tr("Record every slider change as a keyframe"));
  play_ = new QToolButton(this);
  play_->setObjectName("timelinePlay");
  play_->setText(tr("▶ Play"));
  stop_ = new QToolButton(this);
  stop_->setObjectName("timelineStop");
  stop_->setText(tr("■ Stop"));
  time_ = new QLabel(this);
  time_->setObjectName("timelineTime");
  interpolation_ = new QComboBox(this);
  interpolation_->setObjectName("timelineInterpolation");
  interpolation_->addItem(tr("Smooth (Catmull-Rom)"), static_cast<int>(video::Interpolation::Smooth));
  interpolation_->addItem(tr("Linear"), static_cast<int>(video::Interpolation::Linear));
  auto* render = new QPushButton(tr("Render video…"), this);
  render->setObjectName("timelineRenderVideo");
  auto* editVideo = new QPushButton(tr("Edit a video…"), this);
  editVideo->setObjectName("timelineEditVideo");
  transport->addWidget(record_);
  transport->addWidget(play_);
  transport->addWidget(stop_);
  transport->addWidget(time_);
  transport->addStretch();
  transport->addWidget(new QLabel(tr("Interpolation:"), this));
  transport->addWidget(interpolation_);
  transport->addWidget(render);
  transport->addWidget(editVideo);
  layout->addLayout(transport);

  track_ = new KeyframeTrack(this);
  layout->addWidget(track_);
  scrub_ = new QSlider(Qt::Horizontal, this);
  scrub_->setObjectName("timelineScrub");
  layout->addWidget(scrub_);

  // The keyframe list and its editor show once there are keyframes: until a take is recorded the dock stays a
  // single transport row and leaves the height to the sliders.
  keyframesArea_ = new QWidget(this);
  keyframesArea_->setObjectName("timelineKeyframesArea");
  auto* lower = new QHBoxLayout(keyframesArea_);
  lower->setContentsMargins(0, 0, 0, 0);
  table_ = new QTableWidget(0, 2, this);
  table_->setObjectName("timelineKeyframes");
  table_->setHorizontalHeaderLabels({tr("Time (s)"), tr("Attributes")});
  table_->horizontalHeader()->setStretchLastSection(true);
  table_->verticalHeader()->setVisible(false);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setMinimumHeight(90);
  lower->addWidget(table_, 3);

  auto* editor = new QVBoxLayout;
  auto* timeRow = new QHBoxLayout;
  keyTime_ = new QDoubleSpinBox(this);
  keyTime_->setObjectName("keyframeTime");
  keyTime_->setRange(0, 3600);
  keyTime_->setDecimals(2);
  keyTime_->setSuffix(tr(" s"));
  timeRow->addWidget(new QLabel(tr("Time"), this));
  timeRow->addWidget(keyTime_);
  editor->addLayout(timeRow);
  auto* alphaRow = new QHBoxLayout;
  keyAttribute_ = new QComboBox(this);
  keyAttribute_->setObjectName("keyframeAttribute");
  keyAlpha_ = new QDoubleSpinBox(this);
  keyAlpha_->setObjectName("keyframeAlpha");
  keyAlpha_->setRange(AttributeSliderPanel::kMinAlpha, AttributeSliderPanel::kMaxAlpha);
  keyAlpha_->setSingleStep(0.1);
  alphaRow->addWidget(keyAttribute_, 1);
  alphaRow->addWidget(new QLabel(tr("α"), this));
  alphaRow->addWidget(keyAlpha_);
  editor->addLayout(alphaRow);
  delete_ = new QPushButton(tr("Delete keyframe"), this);
  delete_->setObjectName("keyframeDelete");
  editor->addWidget(delete_);
  editor->addStretch();
  lower->addLayout(editor, 2);
  layout->addWidget(keyframesArea_, 1);

  connect(record_, &QToolButton::toggled, this, [this](bool on) {
    if (on == model_->isRecording()) return;
    if (on) {
      model_->startRecording(currentAlphas_ ? currentAlphas_()
                                            : std::vector<float>(static_cast<size_t>(attributes_.size()), 0.0f));
    } else {
      model_->stopRecording();
    }
  });
  connect(play_, &QToolButton::clicked, model_, &app::TimelineModel::play);
  connect(stop_, &QToolButton::clicked, model_, &app::TimelineModel::stop);
  connect(interpolation_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int) {
    if (updating_) return;
    model_->setInterpolation(static_cast<video::Interpolation>(interpolation_->currentData().toInt()));
    model_->seek(model_->position());
  });
  connect(scrub_, &QSlider::valueChanged, this, [this](int value) {
    if (!updating_) model_->seek(value / static_cast<double>(kScrubStepsPerSecond));
  });
  connect(table_, &QTableWidget::itemSelectionChanged, this, &TimelinePanel::showSelected);
  connect(keyTime_, &QDoubleSpinBox::editingFinished, this, [this] {
    const int k = selectedKeyframe();
    if (k < 0 || updating_) return;
    model_->moveKeyframe(k, keyTime_->value());
  });
  connect(keyAttribute_, qOverload<int>(&QComboBox::currentIndexChanged), this, &TimelinePanel::showSelected);
  connect(keyAlpha_, &QDoubleSpinBox::editingFinished, this, [this] {
    const int k = selectedKeyframe();
    if (k < 0 || updating_ || keyAttribute_->currentIndex() < 0) return;
    model_->setKeyframeAlpha(k, keyAttribute_->currentIndex(), static_cast<float>(keyAlpha_->value()));
    table_->selectRow(k);
  });
  connect(delete_, &QPushButton::clicked, this, [this] {
    const int k = selectedKeyframe();
    if (k >= 0) model_->deleteKeyframe(k);
  });
  connect(render, &QPushButton::clicked, this, &TimelinePanel::openRenderDialog);
  connect(editVideo, &QPushButton::clicked, this, &TimelinePanel::openVideoEditDialog);
  connect(model_, &app::TimelineModel::keyframesChanged, this, &TimelinePanel::refreshKeyframes);
  connect(model_, &app::TimelineModel::stateChanged, this, &TimelinePanel::refreshState);
  connect(model_, &app::TimelineModel::positionChanged, this, &TimelinePanel::refreshPosition);
  refreshKeyframes();
  refreshState();
}

void TimelinePanel::setAttributes(const QVector<AttributeSlot>& attributes) {
  attributes_ = attributes;
  QStringList ids;
  keyAttribute_->clear();
  for (const AttributeSlot& slot : attributes) {
    ids << slot.id;
    keyAttribute_->addItem(slot.displayName);
  }
  model_->setAttributeIds(ids);
}

int TimelinePanel::selectedKeyframe() const {
  const auto rows = table_->selectionModel()->selectedRows();
  return rows.isEmpty() ? -1 : rows.front().row();
}

void TimelinePanel::refreshKeyframes() {
  updating_ = true;
  const int selected = selectedKeyframe();
  const auto& keys = model_->timeline().keyframes();
  table_->setRowCount(static_cast<int>(keys.size()));
  for (int r = 0; r < static_cast<int>(keys.size()); ++r) {
    const auto& k = keys[static_cast<size_t>(r)];
    table_->setItem(r, 0, new QTableWidgetItem(QString::number(k.time, 'f', 2)));
    QStringList parts;
    for (size_t i = 0; i < k.state.alphas.size() && i < static_cast<size_t>(attributes_.size()); ++i)
      if (k.state.alphas[i] != 0.0f)
        parts << QString("%1 %2").arg(attributes_[static_cast<int>(i)].displayName).arg(k.state.alphas[i], 0, 'f', 2);
    const auto& textIds = model_->timeline().text_ids();  // text sliders by id
    for (size_t i = 0; i < k.state.text_alphas.size() && i < textIds.size(); ++i)
      if (k.state.text_alphas[i] != 0.0f)
        parts << QString("%1 %2").arg(QString::fromStdString(textIds[i])).arg(k.state.text_alphas[i], 0, 'f', 2);
    if (!k.state.two_face.empty()) parts << tr("two faces %1").arg(k.state.two_face[0], 0, 'f', 2);
    table_->setItem(r, 1, new QTableWidgetItem(parts.isEmpty() ? tr("(no edit)") : parts.join(", ")));
  }
  if (selected >= 0 && selected < table_->rowCount()) table_->selectRow(selected);
  // While recording the dock stays one row, so Record and Stop do not move under the hand.
  keyframesArea_->setVisible(!keys.empty() && !model_->isRecording());
  const int index = interpolation_->findData(static_cast<int>(model_->timeline().interpolation()));
  interpolation_->setCurrentIndex(index);
  scrub_->setRange(0, static_cast<int>(std::lround(model_->duration() * kScrubStepsPerSecond)));
  updating_ = false;
  refreshPosition(model_->position());
  showSelected();
}

void TimelinePanel::refreshState() {
  record_->blockSignals(true);
  record_->setChecked(model_->isRecording());
  record_->blockSignals(false);
  play_->setEnabled(!model_->timeline().empty() && !model_->isPlaying());
  table_->setEnabled(!model_->isRecording());
  keyframesArea_->setVisible(!model_->timeline().empty() && !model_->isRecording());
}

void TimelinePanel::refreshPosition(double seconds) {
  updating_ = true;
  if (!model_->isRecording()) scrub_->setValue(static_cast<int>(std::lround(seconds * kScrubStepsPerSecond)));
  updating_ = false;
  time_->setText(tr("%1 / %2 s").arg(seconds, 0, 'f', 2).arg(model_->duration(), 0, 'f', 2));
  std::vector<double> times;
  for (const auto& k : model_->timeline().keyframes()) times.push_back(k.time);
  track_->set(times, model_->duration(), seconds, selectedKeyframe());
  play_->setEnabled(!model_->timeline().empty() && !model_->isPlaying());
}

void TimelinePanel::showSelected() {
  const int k = selectedKeyframe();
  const bool has = k >= 0 && k < static_cast<int>(model_->timeline().size());
  keyTime_->setEnabled(has);
  keyAlpha_->setEnabled(has);
  delete_->setEnabled(has);
  if (!has) return;
  const bool was = updating_;
  updating_ = true;
  const auto& keys = model_->timeline().keyframes();
  const auto& key = keys[static_cast<size_t>(k)];
  keyTime_->setValue(key.time);
  if (k != shownKeyframe_) {
    // Another keyframe: the editor opens on the attribute it changed most from the one before (the recorded one).
    shownKeyframe_ = k;
    float largest = 0;
    const QSignalBlocker quiet(keyAttribute_);
    for (size_t i = 0; i < key.state.alphas.size() && static_cast<int>(i) < keyAttribute_->count(); ++i) {
      const auto& previous = k > 0 ? keys[static_cast<size_t>(k - 1)].state.alphas : std::vector<float>{};
      const float change = std::abs(key.state.alphas[i] - (i < previous.size() ? previous[i] : 0.f));
      if (change > largest) {
        largest = change;
        keyAttribute_->setCurrentIndex(static_cast<int>(i));
      }
    }
  }
  const int a = keyAttribute_->currentIndex();
  if (a >= 0 && a < static_cast<int>(key.state.alphas.size())) keyAlpha_->setValue(key.state.alphas[static_cast<size_t>(a)]);
  updating_ = was;
  refreshPosition(model_->position());
}

void TimelinePanel::openRenderDialog() {
  if (model_->timeline().empty()) {
    QMessageBox::information(this, tr("Render video"), tr("Record a timeline first (● Record, then move sliders)."));
    return;
  }
  TimelineRenderDialog dialog(model_->timeline(), renderSource_, this, jobs_);
  dialog.exec();
}

void TimelinePanel::openVideoEditDialog() {
  const std::vector<float> alphas = currentAlphas_ ? currentAlphas_() : std::vector<float>{};
  VideoEditDialog dialog(attributes_, alphas, videoEditSetup_, this, jobs_);
  dialog.exec();
}

TimelinePanel* installTimeline(QMainWindow* window, app::EditDocument* document, app::JobRunner* jobs) {
  TimelinePanel* panel = nullptr;
  addDockPanel(window, panel, TimelinePanel::tr("Timeline"), "timelineDock", "timelinePanel", Qt::BottomDockWidgetArea,
               document->timeline());
  panel->setCurrentAlphas([document] { return document->alphas(); });
  panel->setJobRunner(jobs);
#ifdef FACET_WITH_VISION
  // Edit-video loads its own encoder, generator and transformers from the model folders inside its job, so the
  // editor's models stay free for the preview.
  panel->setVideoEditSetup([](bool seamless) { return app::installedVideoEditSetup(seamless); });
#endif
  return panel;
}

}  // namespace facet::ui
