// MainWindow: the editor's extra controls — the "Text edits" dock (the document's text sliders: the user's moves,
// releases and removals go to app::TextSliderSet; new sliders come from a file or "Add text edit…", checked by
// app::TextWorkflow), the "Edited layers" dock (which W+ layers the edits touch), View ▸ Show in photo, and Tools ▸
// Photo refinement with its time estimate.
#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QStatusBar>

#include "app/editor/edit_document.h"
#include "app/editor/editor.h"
#include "app/editor/layer_mask.h"
#include "app/editor/refinement_settings.h"
#include "app/editor/text_edit_job.h"
#include "app/editor/text_slider_set.h"
#include "app/editor/text_workflow.h"
#include "ui/dock_panel.h"
#include "ui/layer_mask_panel.h"
#include "ui/main_window.h"
#include "ui/preview_widget.h"
#include "ui/refinement_dialog.h"
#include "ui/text_edit_dialog.h"
#include "ui/text_slider_panel.h"

namespace facet::ui {

void MainWindow::buildTextPanel() {
  textDock_ = addDockPanel(this, textPanel_, tr("Text edits"), "textEditsDock", "textSliders", Qt::RightDockWidgetArea);
  splitDockWidget(attributesDock_, textDock_, Qt::Vertical);
  app::TextSliderSet* text = doc_->textSliders();
  connect(textPanel_, &TextSliderPanel::alphaMoved, text, &app::TextSliderSet::move);
  connect(textPanel_, &TextSliderPanel::released, text, &app::TextSliderSet::commit);
  connect(textPanel_, &TextSliderPanel::removeRequested, text, &app::TextSliderSet::remove);
  connect(textPanel_, &TextSliderPanel::addRequested, this, [this] { showAddTextEdit(); });
  connect(editor_->text(), &app::TextWorkflow::message, this, [this](const QString& m) { statusBar()->showMessage(m); });
  connect(editor_->text(), &app::TextWorkflow::problem, this, [this](const QString& m) { showProblem(m); });
  // The document's sliders (added, removed, undone, played back, from a session): the panel follows.
  const auto show = [this] { textPanel_->showSliders(doc_->textSliders()->sliders()); };
  connect(text, &app::TextSliderSet::listChanged, textPanel_, show);
  connect(text, &app::TextSliderSet::valuesChanged, textPanel_, show);
}

TextEditDialog* MainWindow::showAddTextEdit() {
  auto* dialog = new TextEditDialog(editor_->jobs(), editor_->text()->job(), this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QDialog::accepted, this, [this, dialog] {
    if (dialog->direction()) editor_->text()->add(dialog->direction());
  });
  dialog->open();
  return dialog;
}

void MainWindow::buildEditorExtras(QMenu* view, QMenu* tools) {
  QDockWidget* dock = addDockPanel(this, layers_, tr("Edited layers"), "layersDock", "layerMask", Qt::RightDockWidgetArea);
  // A tab beside Text edits: both are occasional controls, and the attribute sliders get the height.
  tabifyDockWidget(textDock_, dock);
  textDock_->raise();
  connect(layers_, &LayerMaskPanel::maskChanged, this, [this](const std::vector<bool>& mask) {
    doc_->setEditedLayers(mask);
    statusBar()->showMessage(layers_->summary());
  });
  // The document changes the layers too (new models, timeline playback, sessions): the panel follows.
  connect(doc_, &app::EditDocument::editedLayersChanged, this, [this](const std::vector<bool>& mask) {
    if (static_cast<int>(mask.size()) != layers_->layerCount()) layers_->setLayerCount(static_cast<int>(mask.size()));
    if (mask != layers_->mask()) layers_->setMask(mask);
  });
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

RefinementDialog* MainWindow::showRefinementDialog() {
  const auto loaded = doc_->models();
  std::function<double()> measure;
  if (loaded) measure = [loaded] { return app::RefinementSettings::measureMsPerStep(*loaded); };
  auto* dialog = new RefinementDialog(editor_->jobs(), app::RefinementSettings::steps(),
                                      app::RefinementSettings::msPerStep(loaded.get()), std::move(measure),
                                      app::RefinementSettings::describe(loaded.get()), !loaded || loaded->encoder, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &RefinementDialog::measured, this,
          [this](double ms) { app::RefinementSettings::rememberMsPerStep(doc_->models().get(), ms); });
  connect(dialog, &QDialog::accepted, this, [this, dialog] {
    app::RefinementSettings::setSteps(dialog->steps());
    statusBar()->showMessage(dialog->steps() > 0
                                 ? tr("Photos will be refined for %1 steps after the encoder.").arg(dialog->steps())
                                 : tr("Photo refinement is off."));
  });
  dialog->setWindowModality(Qt::WindowModal);
  dialog->show();
  return dialog;
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
