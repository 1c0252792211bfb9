#pragma once
// Edit a video (the paper's pipeline, core/video/video_edit.h): input and output files, the edit stack
// (attribute + α rows), blending (feathered mask or seamless cloning), a frame range, optional per-frame
// optimisation (steps, warm start), resuming an interrupted edit, progress with the stage (tracking, editing,
// writing) and cancel. Face detection/alignment and the encoder come from a setup function
// the application installs (core/face and the pSp/e4e encoder); without one the dialog says what is missing.
#include <functional>
#include <memory>
#include <vector>

#include <QDialog>
#include <QVector>

#include "ui/attribute_slider_panel.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace facet::app {
class JobRunner;
struct VideoEditSetup;
}

namespace facet::ui {

// The models and face operations of an edit (app::installedVideoEditSetup: the installed ones), made inside the
// edit's job; seamless: Poisson cloning. Throws facet::Error (or returns null) when unavailable.
using VideoEditSetupFn = std::function<std::shared_ptr<app::VideoEditSetup>(bool seamless)>;

class VideoEditDialog : public QDialog {
  Q_OBJECT
 public:
  // `setup` runs inside the edit's job (it may load models); jobs: the runner (null: the dialog's own).
  VideoEditDialog(const QVector<AttributeSlot>& attributes, const std::vector<float>& alphas, VideoEditSetupFn setup,
                  QWidget* parent = nullptr, app::JobRunner* jobs = nullptr);
  ~VideoEditDialog() override;  // stops a running edit (its frames are kept for Resume)

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
  app::JobRunner* jobs_ = nullptr;
  quint64 job_ = 0;
  bool running_ = false;
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
