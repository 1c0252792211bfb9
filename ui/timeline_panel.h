#pragma once
// The timeline dock: record / play / stop, a scrub slider over a painted keyframe track, the keyframe list with
// move, delete and change-α controls, the interpolation choice, and the buttons that open the render-to-video and
// edit-video dialogs, over an app::TimelineModel (α vectors in catalogue order).
#include <functional>
#include <optional>

#include <QVector>
#include <QWidget>

#include "app/editor/timeline_model.h"
#include "ui/attribute_slider_panel.h"
#include "ui/timeline_render_dialog.h"
#include "ui/video_edit_dialog.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QMainWindow;
class QPushButton;
class QSlider;
class QTableWidget;
class QToolButton;

namespace facet::app {
class EditDocument;
class JobRunner;
}

namespace facet::ui {

class KeyframeTrack;

class TimelinePanel : public QWidget {
  Q_OBJECT
 public:
  // `model`: the edit document's timeline; null: the panel makes its own.
  explicit TimelinePanel(QWidget* parent = nullptr, app::TimelineModel* model = nullptr);
  // The runner the render and edit-video dialogs hand their work to (unset: each dialog's own).
  void setJobRunner(app::JobRunner* jobs) { jobs_ = jobs; }

  app::TimelineModel* model() const { return model_; }
  void setAttributes(const QVector<AttributeSlot>& attributes);
  // Where the render-to-video dialog gets its models (the render worker's); unset: the dialog says none loaded.
  void setRenderSource(TimelineRenderSourceFn source) { renderSource_ = std::move(source); }
  const TimelineRenderSourceFn& renderSource() const { return renderSource_; }
  // Face detection/alignment + encoder for the edit-video dialog; unset: the dialog says what is missing.
  void setVideoEditSetup(VideoEditSetupFn setup) { videoEditSetup_ = std::move(setup); }
  const QVector<AttributeSlot>& attributes() const { return attributes_; }
  // The α values a new take starts from (the sliders'); unset: all zero.
  void setCurrentAlphas(std::function<std::vector<float>()> current) { currentAlphas_ = std::move(current); }

  QToolButton* recordButton() const { return record_; }
  QSlider* scrubber() const { return scrub_; }
  QTableWidget* keyframeTable() const { return table_; }
  int selectedKeyframe() const;

 private:
  void refreshKeyframes();
  void refreshState();
  void refreshPosition(double seconds);
  void showSelected();
  void openRenderDialog();
  void openVideoEditDialog();

  app::TimelineModel* model_ = nullptr;
  QVector<AttributeSlot> attributes_;
  TimelineRenderSourceFn renderSource_;
  std::function<std::vector<float>()> currentAlphas_;
  VideoEditSetupFn videoEditSetup_;
  app::JobRunner* jobs_ = nullptr;
  int shownKeyframe_ = -1;  // the keyframe the editor shows (its attribute is picked when it changes)
  QToolButton* record_ = nullptr;
  QToolButton* play_ = nullptr;
  QToolButton* stop_ = nullptr;
  QLabel* time_ = nullptr;
  QComboBox* interpolation_ = nullptr;
  QSlider* scrub_ = nullptr;
  KeyframeTrack* track_ = nullptr;
  QWidget* keyframesArea_ = nullptr;  // the list and the keyframe editor, shown once there are keyframes
  QTableWidget* table_ = nullptr;
  QDoubleSpinBox* keyTime_ = nullptr;
  QComboBox* keyAttribute_ = nullptr;
  QDoubleSpinBox* keyAlpha_ = nullptr;
  QPushButton* delete_ = nullptr;
  bool updating_ = false;
};

// Adds the timeline dock to the main window over the document's timeline (its playback changes the document);
// returns it.
TimelinePanel* installTimeline(QMainWindow* window, app::EditDocument* document, app::JobRunner* jobs);

}  // namespace facet::ui
