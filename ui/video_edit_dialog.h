#pragma once
// Edit a video (the paper's pipeline, core/video/video_edit.h): input and output files, the edit stack
// (attribute + α rows), blending (feathered mask or seamless cloning), a frame range, optional per-frame
// optimisation (steps, warm start), resuming an interrupted edit, progress with the stage (tracking, editing,
// writing) and cancel. Face detection/alignment and the encoder come from a setup function
// the application installs (core/face and the pSp/e4e encoder); without one the dialog says what is missing.
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

#include <QDialog>
#include <QFutureWatcher>
#include <QVector>

#include "core/video/video_edit.h"
#include "ui/attribute_slider_panel.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace facet::ui {

struct VideoEditSetup {
  video::FaceOps face;
  video::VideoEditModels models;  // models.encode may be empty (no encoder installed): then refinement is needed
  // Image2StyleGAN per frame for `steps` steps (empty: refinement unavailable); cancel stops a frame early.
  std::function<video::VideoEditModels::RefineFn(int steps, const std::atomic<bool>* cancel)> makeRefiner;
  std::shared_ptr<void> keepAlive;  // owns whatever face/models point into
};
// seamless: Poisson cloning instead of the feathered landmark mask. nullopt + message when unavailable.
using VideoEditSetupFn = std::function<std::optional<VideoEditSetup>(bool seamless, QString* whyNot)>;

class VideoEditDialog : public QDialog {
  Q_OBJECT
 public:
  VideoEditDialog(const QVector<AttributeSlot>& attributes, const std::vector<float>& alphas, VideoEditSetupFn setup,
                  QWidget* parent = nullptr);
  ~VideoEditDialog() override;

  void setPaths(const QString& input, const QString& output);
  void startEdit();
  bool isRunning() const;
  QString statusText() const;
  int editRowCount() const;
  void setRefineSteps(int steps, bool warmStart = false);
  void setResume(bool resume);

 Q_SIGNALS:
  void finished(bool ok);

 private:
  void addEditRow(int attribute, double alpha);
  void done(bool ok, const QString& message);

  QVector<AttributeSlot> attributes_;
  VideoEditSetupFn setup_;
  std::atomic<bool> cancel_{false};
  QFutureWatcher<void>* watcher_ = nullptr;
  QLineEdit* input_ = nullptr;
  QLineEdit* output_ = nullptr;
  QTableWidget* edits_ = nullptr;
  QComboBox* blend_ = nullptr;
  QSpinBox* from_ = nullptr;
  QSpinBox* to_ = nullptr;
  QCheckBox* audio_ = nullptr;
  QSpinBox* refine_ = nullptr;
  QCheckBox* warm_ = nullptr;
  QCheckBox* resume_ = nullptr;
  QProgressBar* bar_ = nullptr;
  QLabel* status_ = nullptr;
  QPushButton* start_ = nullptr;
  QPushButton* close_ = nullptr;  // "Close", or "Cancel" while a video is being edited
};

}  // namespace facet::ui
