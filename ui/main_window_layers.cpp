// MainWindow: the editor's extra controls — the "Edited layers" dock (which W+ layers the edits touch; the
// document holds the mask), View ▸ Show in photo, and Tools ▸ Photo refinement with its time estimate.
#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>

#include "app/editor/edit_document.h"
#include "app/editor/layer_mask.h"
#include "core/embed/step_timing.h"
#include "core/models/device.h"
#include "core/models/model_registry.h"
#include "ui/dock_panel.h"
#include "ui/layer_mask_panel.h"
#include "ui/main_window.h"
#include "ui/preview_widget.h"
#include "ui/refinement_dialog.h"

namespace facet::ui {

namespace {
constexpr const char* kRefineStepsKey = "photo/refinementSteps";
}

void MainWindow::buildEditorExtras(QMenu* view, QMenu* tools) {
  QDockWidget* dock = addDockPanel(this, layers_, tr("Edited layers"), "layersDock", "layerMask", Qt::RightDockWidgetArea);
  // A tab beside Text edits: both are occasional controls, and the attribute sliders get the height.
  if (auto* text = findChild<QDockWidget*>("textEditsDock")) {
    tabifyDockWidget(text, dock);
    text->raise();
  }
  connect(layers_, &LayerMaskPanel::maskChanged, this, [this](const std::vector<bool>& mask) { setEditedLayers(mask); });
  // The document changes the layers too (new models, timeline playback, sessions): the panel follows.
  connect(doc_, &app::EditDocument::editedLayersChanged, this, &MainWindow::showEditedLayers);
  if (view) {
    view->addSeparator();
    showInPhotoAction_ = view->addAction(tr("Show in &photo"));
    showInPhotoAction_->setObjectName("showInPhotoAction");
    showInPhotoAction_->setCheckable(true);
    showInPhotoAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    showInPhotoAction_->setToolTip(tr("Show the edited face pasted back into the photo"));
    connect(showInPhotoAction_, &QAction::toggled, this, [this](bool on) { setShowInPhoto(on); });
    dock->toggleViewAction()->setText(tr("Edited &layers"));  // in View ▸ Panels with the other docks
  }
  buildTwoFacesPanel();
  if (tools) {
    tools->addSeparator();
    QAction* refine = tools->addAction(tr("Photo &refinement…"), this, [this] { showRefinementDialog(); });
    refine->setObjectName("refinementAction");
  }
}

void MainWindow::setEditedLayers(const std::vector<bool>& mask) {
  if (mask != layers_->mask()) layers_->setMask(mask);
  doc_->setEditedLayers(layers_->mask());
  statusBar()->showMessage(layers_->summary());
}

void MainWindow::showEditedLayers(const std::vector<bool>& mask) {
  if (static_cast<int>(mask.size()) != layers_->layerCount()) layers_->setLayerCount(static_cast<int>(mask.size()));
  if (mask != layers_->mask()) layers_->setMask(mask);
}

std::vector<bool> MainWindow::editedLayers() const { return doc_->editedLayers(); }

QString MainWindow::refinementTimingKey() const {
  const auto models = doc_->models();
  if (!models) return {};
  return QString("photo/refinementStepMs/%1/%2")
      .arg(models->generator->size())
      .arg(QString::fromStdString(models->device.str()));
}

void MainWindow::rememberRefinementStepMs(double ms) {
  if (ms > 0 && doc_->models()) QSettings().setValue(refinementTimingKey(), ms);
}

RefinementDialog* MainWindow::showRefinementDialog() {
  double known = 0;
  std::function<double()> measure;
  QString setup = tr("no generator loaded");
  if (const auto loaded = doc_->models()) {
    known = QSettings().value(refinementTimingKey(), 0.0).toDouble();
    // (Qt's arg() reads "²" after a placeholder as a digit, so the size is put in as text.)
    setup = tr("%1 generator on %2").arg(QString::number(loaded->generator->size()) + QChar(0x00B2))
                .arg(QString::fromStdString(models::describe_device(loaded->device)));
    measure = [models = loaded] {
      // The loss the photo flow will use, timed on a face the generator renders itself.
      std::string note;
      const embed::PerceptualLoss perceptual = models::load_perceptual("auto", models->device, note);
      embed::EmbedOptions options;
      return embed::time_embedding_steps(models->generator, perceptual, options, 1).median_ms;
    };
  }
  auto* dialog = new RefinementDialog(refinementSteps(), known, std::move(measure), setup, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &RefinementDialog::measured, this, [this](double ms) { rememberRefinementStepMs(ms); });
  connect(dialog, &QDialog::accepted, this, [this, dialog] { setRefinementSteps(dialog->steps()); });
  dialog->setWindowModality(Qt::WindowModal);
  dialog->show();
  return dialog;
}

int MainWindow::refinementSteps() const { return QSettings().value(kRefineStepsKey, 0).toInt(); }

void MainWindow::setRefinementSteps(int steps) {
  QSettings().setValue(kRefineStepsKey, std::max(0, steps));
  statusBar()->showMessage(steps > 0 ? tr("Photos will be refined for %1 steps after the encoder.").arg(steps)
                                     : tr("Photo refinement is off."));
}

void MainWindow::setShowInPhoto(bool on) {
  if (showInPhotoAction_ && showInPhotoAction_->isChecked() != on) showInPhotoAction_->setChecked(on);
  doc_->setShowInPhoto(on);  // the next renders come back pasted into the photo
  const app::RenderResult& last = doc_->lastResult();
  if (!on && last.ok()) {
    preview_->setBefore(last.before);
    preview_->setImage(last.image);
  }
}


}  // namespace facet::ui
