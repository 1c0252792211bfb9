#pragma once
// Render to video: frame rate, frame size (the aligned crop, or pasted into the photo the face came from), container/
// codec, output file; renders as a background job with the models the render worker already holds (no second copy),
// shows progress and can be cancelled.
#include <functional>
#include <memory>

#include <QDialog>

#include "core/video/timeline.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace facet::app {
class JobRunner;
struct TimelineRenderSource;
}

namespace facet::ui {

// Where the dialog gets its models and face (app::timelineRenderSource: the document's); null: none loaded.
using TimelineRenderSourceFn = std::function<std::shared_ptr<const app::TimelineRenderSource>()>;

class TimelineRenderDialog : public QDialog {
  Q_OBJECT
 public:
  // jobs: the runner the render goes to (null: the dialog's own).
  TimelineRenderDialog(video::Timeline timeline, TimelineRenderSourceFn source, QWidget* parent = nullptr,
                       app::JobRunner* jobs = nullptr);
  ~TimelineRenderDialog() override;  // cancels a render in progress (it holds its own copies)

  void setOutputPath(const QString& path);
  // Chooses "Pasted into the photo" (false when it is not available) or the aligned crop at the full size.
  bool choosePastedIntoPhoto(bool pasted = true);
  void startRender();
  void cancelRender();
  bool isRunning() const;
  QString statusText() const;

 Q_SIGNALS:
  void finished(bool ok);

 private:
  void progress(int done, int total);
  void done(bool ok, const QString& message);

  video::Timeline timeline_;
  TimelineRenderSourceFn source_;
  std::shared_ptr<const app::TimelineRenderSource> models_;
  app::JobRunner* jobs_ = nullptr;
  quint64 job_ = 0;
  bool running_ = false;
  QSpinBox* fps_ = nullptr;
  QComboBox* size_ = nullptr;
  QComboBox* codec_ = nullptr;
  QLineEdit* output_ = nullptr;
  QProgressBar* bar_ = nullptr;
  QLabel* status_ = nullptr;
  QPushButton* render_ = nullptr;
  QPushButton* cancel_button_ = nullptr;
};

}  // namespace facet::ui
