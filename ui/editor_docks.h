#pragma once
// The docks beside the attribute sliders, each bound to the editor (app/editor): "Text edits" (the document's text
// sliders), "Edited layers" (which W+ layers the edits touch) and "Two faces" (the two-face workflow); and the
// dialogs they and the Tools menu open. Each install function adds its dock to the window, sets `panel` and
// returns the dock.
#include <functional>

#include <QString>

class QDockWidget;
class QMainWindow;
class QWidget;

namespace facet::app {
class Editor;
}

namespace facet::ui {

class LayerMaskPanel;
class MessageBar;
class RefinementDialog;
class TextEditDialog;
class TextSliderPanel;
class TwoFacesPanel;

using StatusMessage = std::function<void(const QString&)>;

QDockWidget* installTextEdits(QMainWindow* window, app::Editor* editor, TextSliderPanel*& panel);
// `status` shows which layers an edit now touches.
QDockWidget* installEditedLayers(QMainWindow* window, app::Editor* editor, LayerMaskPanel*& panel, StatusMessage status);
// `messages` closes once a face is used (an earlier failure no longer applies).
QDockWidget* installTwoFaces(QMainWindow* window, app::Editor* editor, TwoFacesPanel*& panel, MessageBar* messages);

// "Add text edit…" (window-modal, not blocking): the slider it makes is added by app::TextWorkflow.
TextEditDialog* openAddTextEdit(QWidget* parent, app::Editor* editor);
// Tools ▸ Photo refinement (window-modal, not blocking); `status` says what an accepted choice means.
RefinementDialog* openRefinementSettings(QWidget* parent, app::Editor* editor, StatusMessage status);

}  // namespace facet::ui
