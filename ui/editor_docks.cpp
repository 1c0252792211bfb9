#include "ui/editor_docks.h"

#include <algorithm>

#include <QDockWidget>
#include <QMainWindow>
#include <QRandomGenerator>
#include <QTimer>

#include "app/editor/edit_document.h"
#include "app/editor/editor.h"
#include "app/editor/layer_mask.h"
#include "app/editor/refinement_settings.h"
#include "app/editor/text_edit_job.h"
#include "app/editor/text_slider_set.h"
#include "app/editor/text_workflow.h"
#include "app/editor/two_face_state.h"
#include "app/editor/two_face_workflow.h"
#include "core/edit/two_faces.h"
#include "ui/dock_panel.h"
#include "ui/file_menu.h"
#include "ui/layer_mask_panel.h"
#include "ui/message_bar.h"
#include "ui/refinement_dialog.h"
#include "ui/text_edit_dialog.h"
#include "ui/text_slider_panel.h"
#include "ui/two_faces_panel.h"

namespace facet::ui {

QDockWidget* installTextEdits(QMainWindow* window, app::Editor* editor, TextSliderPanel*& panel) {
  QDockWidget* dock = addDockPanel(window, panel, TextSliderPanel::tr("Text edits"), "textEditsDock", "textSliders",
                                   Qt::RightDockWidgetArea);
  app::TextSliderSet* text = editor->document()->textSliders();
  QObject::connect(panel, &TextSliderPanel::alphaMoved, text, &app::TextSliderSet::move);
  QObject::connect(panel, &TextSliderPanel::released, text, &app::TextSliderSet::commit);
  QObject::connect(panel, &TextSliderPanel::removeRequested, text, &app::TextSliderSet::remove);
  QObject::connect(panel, &TextSliderPanel::addRequested, window, [window, editor] { openAddTextEdit(window, editor); });
  // The document's sliders (added, removed, undone, played back, from a session): the panel follows.
  const auto show = [panel, text] { panel->showSliders(text->sliders()); };
  QObject::connect(text, &app::TextSliderSet::listChanged, panel, show);
  QObject::connect(text, &app::TextSliderSet::valuesChanged, panel, show);
  return dock;
}

QDockWidget* installEditedLayers(QMainWindow* window, app::Editor* editor, LayerMaskPanel*& panel, StatusMessage status) {
  QDockWidget* dock = addDockPanel(window, panel, LayerMaskPanel::tr("Edited layers"), "layersDock", "layerMask",
                                   Qt::RightDockWidgetArea);
  dock->toggleViewAction()->setText(LayerMaskPanel::tr("Edited &layers"));  // in View ▸ Panels with the other docks
  app::EditDocument* doc = editor->document();
  QObject::connect(panel, &LayerMaskPanel::maskChanged, doc, [doc, panel, status](const std::vector<bool>& mask) {
    doc->setEditedLayers(mask);
    status(panel->summary());
  });
  // The document changes the layers too (new models, timeline playback, sessions): the panel follows.
  QObject::connect(doc, &app::EditDocument::editedLayersChanged, panel, [panel](const std::vector<bool>& mask) {
    if (static_cast<int>(mask.size()) != panel->layerCount()) panel->setLayerCount(static_cast<int>(mask.size()));
    if (mask != panel->mask()) panel->setMask(mask);
  });
  return dock;
}

QDockWidget* installTwoFaces(QMainWindow* window, app::Editor* editor, TwoFacesPanel*& panel, MessageBar* messages) {
  QDockWidget* dock = addDockPanel(window, panel, TwoFacesPanel::tr("Two faces"), "twoFacesDock", "twoFaces",
                                   Qt::RightDockWidgetArea);
  dock->toggleViewAction()->setText(TwoFacesPanel::tr("&Two faces"));
  scrollDockPanel(dock, "twoFacesScroll");  // its texts wrap and its layer boxes take rows
  app::TwoFaceWorkflow* workflow = editor->twoFaces();
  QObject::connect(panel, &TwoFacesPanel::modeChosen, workflow, &app::TwoFaceWorkflow::setMode);
  QObject::connect(panel, &TwoFacesPanel::amountMoved, workflow, &app::TwoFaceWorkflow::moveAmount);
  QObject::connect(panel, &TwoFacesPanel::amountReleased, workflow, &app::TwoFaceWorkflow::releaseAmount);
  QObject::connect(panel, &TwoFacesPanel::mixLayersChanged, workflow, &app::TwoFaceWorkflow::setMixLayers);
  QObject::connect(panel, &TwoFacesPanel::faceRequested, workflow,
                   [window, editor, workflow](const QString& roleText, TwoFacesPanel::Source source, int recent) {
                     using Kind = FileMenu::FileKind;
                     const std::string role = roleText.toStdString();
                     const QString name = app::TwoFaceWorkflow::roleName(role);
                     if (source == TwoFacesPanel::Source::Photo) {
                       const QString path = FileMenu::askOpenFile(window, editor, Kind::EditedImage,
                                                                  TwoFacesPanel::tr("Photo of the %1 face").arg(name),
                                                                  FileMenu::imagesFilter());
                       if (!path.isEmpty()) workflow->fromPhoto(role, path);
                     } else if (source == TwoFacesPanel::Source::Wplus) {
                       const QString path = FileMenu::askOpenFile(window, editor, Kind::Wplus,
                                                                  TwoFacesPanel::tr("W+ code of the %1 face").arg(name),
                                                                  TwoFacesPanel::tr("NumPy arrays (*.npy)"));
                       if (!path.isEmpty()) workflow->fromWplus(role, path);
                     } else if (source == TwoFacesPanel::Source::Random) {
                       workflow->fromSeed(role, QRandomGenerator::global()->generate());
                     } else {
                       workflow->fromRecent(role, recent);
                     }
                   });
  QObject::connect(workflow, &app::TwoFaceWorkflow::faceUsed, messages, &MessageBar::dismiss);
  // The workflow and the document (undo, sessions, timeline playback) change the state: the panel follows. An
  // operation adds rows (the faces, λ): a dock in view grows to show them, taking height from the sliders.
  app::EditDocument* doc = editor->document();
  const auto show = [window, dock, panel, doc] {
    panel->showState(doc->twoFaces());
    if (doc->twoFaces().mode == edit::TwoFaceMode::None || dock->visibleRegion().isEmpty()) return;
    QTimer::singleShot(0, dock, [window, dock, panel] {
      // The panel, the dock's title, and the tab bar of the docks it shares the place with.
      const int needs = std::min(panel->sizeHint().height() + dock->height() - dock->widget()->height() +
                                     (window->tabifiedDockWidgets(dock).isEmpty() ? 0 : 2 * dock->fontMetrics().height()),
                                 window->height() / 2);
      if (dock->height() < needs) window->resizeDocks({dock}, {needs}, Qt::Vertical);
    });
  };
  QObject::connect(workflow, &app::TwoFaceWorkflow::stateChanged, panel, show);
  QObject::connect(doc, &app::EditDocument::twoFacesChanged, panel, show);
  QObject::connect(doc, &app::EditDocument::recentFacesChanged, panel, [panel, doc] { panel->setRecentFaces(doc->recentFaces()); });
  QObject::connect(doc, &app::EditDocument::editedLayersChanged, panel,
                   [panel](const std::vector<bool>& mask) { panel->setLayerCount(static_cast<int>(mask.size())); });
  return dock;
}

TextEditDialog* openAddTextEdit(QWidget* parent, app::Editor* editor) {
  auto* dialog = new TextEditDialog(editor->jobs(), editor->text()->job(), parent);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  QObject::connect(dialog, &QDialog::accepted, editor, [editor, dialog] {
    if (dialog->direction()) editor->text()->add(dialog->direction());
  });
  dialog->open();
  return dialog;
}

RefinementDialog* openRefinementSettings(QWidget* parent, app::Editor* editor, StatusMessage status) {
  app::EditDocument* doc = editor->document();
  const auto loaded = doc->models();
  std::function<double()> measure;
  if (loaded) measure = [loaded] { return app::RefinementSettings::measureMsPerStep(*loaded); };
  auto* dialog = new RefinementDialog(editor->jobs(), app::RefinementSettings::steps(),
                                      app::RefinementSettings::msPerStep(loaded.get()), std::move(measure),
                                      app::RefinementSettings::describe(loaded.get()), !loaded || loaded->encoder, parent);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  QObject::connect(dialog, &RefinementDialog::measured, doc,
                   [doc](double ms) { app::RefinementSettings::rememberMsPerStep(doc->models().get(), ms); });
  QObject::connect(dialog, &QDialog::accepted, dialog, [dialog, status] {
    app::RefinementSettings::setSteps(dialog->steps());
    if (status)
      status(dialog->steps() > 0 ? RefinementDialog::tr("Photos will be refined for %1 steps after the encoder.")
                                       .arg(dialog->steps())
                                 : RefinementDialog::tr("Photo refinement is off."));
  });
  dialog->setWindowModality(Qt::WindowModal);
  dialog->show();
  return dialog;
}

}  // namespace facet::ui
