// MainWindow: text edits (StyleCLIP directions as sliders). The "Text edits" dock under the attribute sliders shows
// the document's text sliders (app::TextSliderSet) and passes the user's moves, releases and removals to them; new
// sliders come from a direction file or the "Add text edit…" dialog, checked against the generator first.
#include <QDockWidget>
#include <QStatusBar>

#include "app/editor/edit_document.h"
#include "app/editor/editor.h"
#include "app/editor/text_edit_job.h"
#include "app/editor/text_slider_set.h"
#include "app/editor/text_workflow.h"
#include "ui/dock_panel.h"
#include "ui/main_window.h"
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

}  // namespace facet::ui
