// MainWindow: the editor's extra controls — the "Edited layers" dock (which W+ layers the edits touch), View ▸
// Show in photo, and Tools ▸ photo refinement settings.
#include <QAction>
#include <QDockWidget>
#include <QInputDialog>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>

#include "app/editor/autosave.h"
#include "app/editor/layer_mask.h"
#include "app/editor/render_controller.h"
#include "ui/dock_panel.h"
#include "ui/latest_image_job.h"
#include "ui/layer_mask_panel.h"
#include "ui/main_window.h"
#include "ui/preview_widget.h"
#ifdef FACET_WITH_VISION
#include "app/editor/timeline_model.h"
#include "ui/timeline_panel.h"
#endif

namespace facet::ui {

namespace {
constexpr const char* kRefineStepsKey = "photo/refinementSteps";
}

void MainWindow::buildEditorExtras(QMenu* view, QMenu* tools) {
  QDockWidget* dock = addDockPanel(this, layers_, tr("Edited layers"), "layersDock", "layerMask", Qt::RightDockWidgetArea);
  connect(layers_, &LayerMaskPanel::maskChanged, this, [this](const std::vector<bool>& mask) { setEditedLayers(mask); });

  compositor_ = new LatestImageJob(this);
  connect(compositor_, &LatestImageJob::ready, this, [this](quint64 tag, const QImage& image) {
    if (!showInPhoto_ || !hasPhotoFace() || tag < photoPreviewTag_ || image.isNull()) return;
    photoPreviewTag_ = tag;
    preview_->setImage(image);
    Q_EMIT previewUpdated();
  });
  connect(compositor_, &LatestImageJob::failed, this, [this](const QString& m) { statusBar()->showMessage(m); });
  connect(this, &MainWindow::faceChanged, this, [this] {
    compositor_->reset();
    photoPreviewTag_ = 0;
  });

#ifdef FACET_WITH_VISION
  // Playback and scrubbing bring back the layers a keyframe was recorded with (the α values follow at once, and
  // their render carries the new mask).
  if (auto* timeline = findChild<TimelinePanel*>())
    connect(timeline->model(), &app::TimelineModel::editedLayersAt, this, [this](const std::vector<bool>& mask) {
      if (static_cast<int>(mask.size()) != layers_->layerCount()) return;
      layers_->setMask(mask);
      renderer_->setEditedLayers(layers_->mask());
    });
#endif
  if (view) {
    view->addSeparator();
    showInPhotoAction_ = view->addAction(tr("Show in &photo"));
    showInPhotoAction_->setObjectName("showInPhotoAction");
    showInPhotoAction_->setCheckable(true);
    showInPhotoAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    showInPhotoAction_->setToolTip(tr("Show the edited face pasted back into the photo"));
    connect(showInPhotoAction_, &QAction::toggled, this, [this](bool on) { setShowInPhoto(on); });
    QAction* layersAction = dock->toggleViewAction();
    layersAction->setText(tr("Edited &layers"));
    view->addAction(layersAction);
  }
  if (tools) {
    tools->addSeparator();
    QAction* refine = tools->addAction(tr("Photo &refinement…"), this, [this] {
      bool ok = false;
      const int steps = QInputDialog::getInt(
          this, tr("Photo refinement"),
          tr("After the encoder, optimise the face's W+ code for this many steps (0: off). It needs the VGG-16 "
             "perceptual model; more steps fit the photo better and take longer."),
          refinementSteps(), 0, 5000, 50, &ok);
      if (ok) setRefinementSteps(steps);
    });
    refine->setObjectName("refinementAction");
  }
}

void MainWindow::setEditedLayers(const std::vector<bool>& mask) {
  if (layers_ && mask != layers_->mask()) layers_->setMask(mask);
  const std::vector<bool> applied = layers_ ? layers_->mask() : mask;
  renderer_->setEditedLayers(applied);
#ifdef FACET_WITH_VISION
  if (auto* timeline = findChild<TimelinePanel*>()) timeline->model()->setEditedLayers(applied);
#endif
  if (layers_) statusBar()->showMessage(layers_->summary());
  if (!wplus_.defined()) return;
  renderer_->renderFull(sliders_->alphas());
  autosaver_->markChanged();
}

void MainWindow::setEditedLayersCount(int count) {
  if (count == layers_->layerCount()) return;
  layers_->setLayerCount(count);  // back to the default preset
  renderer_->setEditedLayers(layers_->mask());
#ifdef FACET_WITH_VISION
  if (auto* timeline = findChild<TimelinePanel*>()) timeline->model()->setEditedLayers(layers_->mask());
#endif
}

std::vector<bool> MainWindow::editedLayers() const { return renderer_->editedLayers(); }

int MainWindow::refinementSteps() const { return QSettings().value(kRefineStepsKey, 0).toInt(); }

void MainWindow::setRefinementSteps(int steps) {
  QSettings().setValue(kRefineStepsKey, std::max(0, steps));
  statusBar()->showMessage(steps > 0 ? tr("Photos will be refined for %1 steps after the encoder.").arg(steps)
                                     : tr("Photo refinement is off."));
}

void MainWindow::setShowInPhoto(bool on) {
  showInPhoto_ = on;
  if (showInPhotoAction_ && showInPhotoAction_->isChecked() != on) showInPhotoAction_->setChecked(on);
  compositor_->reset();
  photoPreviewTag_ = 0;
  if (on && !hasPhotoFace()) statusBar()->showMessage(tr("Show in photo applies to faces from photos (File ▸ Open)."));
  if (!lastResult_.ok()) return;
  if (on && hasPhotoFace()) {
    composePhotoPreview(lastResult_);
  } else {
    preview_->setBefore(lastResult_.before);
    preview_->setImage(lastResult_.image);
  }
}

int MainWindow::photoComposites() const { return compositor_->runs(); }

}  // namespace facet::ui
