#pragma once
// Render to video: frame rate, frame size (the aligned crop, or pasted into the photo the face came from), container/
// codec, output file; renders on a pool thread with the models the render worker already holds (no second copy),
// shows progress and can be cancelled.
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

#include <QDialog>
#include <QFutureWatcher>

#include <torch/types.h>

#include "core/edit/edit_stack.h"
#include "core/nn/stylegan2/generator.h"
#include "core/video/photo_paste.h"
#include "core/video/timeline.h"
#include "core/video/timeline_renderer.h"  // TimelineTextSlider

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace facet::ui {

struct TimelineRenderSource {
  std::shared_ptr<const nn::StyleGan2> generator;
  std::shared_ptr<const edit::Editor> editor;
  torch::Tensor wplus;  // the face's code [1, n_latent, style_dim]
  // The photo the face was aligned from and its paste-back (null when the face is not from a photo, or this build
  // has no face alignment): enables "Pasted into the photo".
  std::shared_ptr<const video::PhotoPaste> photo = nullptr;
  std::vector<video::TimelineTextSlider> textSliders = {};  // the text sliders the timeline may move
  edit::TwoFaces twoFaces = {};  // the morph, mix or expression transfer (its amount follows the timeline)
};
using TimelineRenderSourceFn = std::function<std::optional<TimelineRenderSource>()>;

class TimelineRenderDialog : public QDialog {
  Q_OBJECT
 public:
  TimelineRenderDialog(video::Timeline timeline, TimelineRenderSourceFn source, QWidget* parent = nullptr);
  ~TimelineRenderDialog() override;  // cancels and waits for a render in progress

  void setOutputPath(const QString& path);
  // Chooses "Pasted into the photo" (false when it is not available) or the aligned crop at the full size.
  bool choosePastedIntoPhoto(bool pasted = true);
  void startRender();
  void cancelRender() { cancel_ = true; }
  bool isRunning() const;
  QString statusText() const;

 Q_SIGNALS:
  void finished(bool ok);

 private:
  void progress(int done, int total);
  void done(bool ok, const QString& message);

  video::Timeline timeline_;
  TimelineRenderSourceFn source_;
  std::optional<TimelineRenderSource> models_;
  std::atomic<bool> cancel_{false};
  QFutureWatcher<void>* watcher_ = nullptr;
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
