#pragma once
// The editor's main window: a view over app::Editor — the edit document (the face, α values, layers, undo,
// timeline, sessions, exports, rendering), the job runner and the workflows (photos, files and sessions, the faces
// beside the edited one, models). Its menus, sliders and panels call the document and the workflows, their signals
// update the widgets, and the window answers their questions (which face, save or discard) with dialogs. The
// workflows' views: models and photos (main_window_workflows.cpp), dropped files and autosave
// (main_window_files.cpp), the text and layer docks and refinement settings (main_window_layers.cpp) and the "Two
// faces" dock (main_window_two_faces.cpp); the File menu is ui/file_menu.
#include <functional>
#include <memory>

#include <QMainWindow>
#include <QString>
#include <QVector>

#include "app/editor/open_workflow.h"
#include "app/editor/render_backend.h"
#include "app/editor/render_types.h"
#include "ui/attribute_slider_panel.h"
#include "ui/two_faces_panel.h"

class QAction;
class QDockWidget;
class QMenu;

namespace facet::app {
class Editor;
class EditDocument;
}  // namespace facet::app

namespace facet::ui {

class ChartsPanel;
class FileMenu;
class JobProgress;
class LayerMaskPanel;
class MessageBar;
class PreviewWidget;
class RefinementDialog;
class StatusCorner;
class TextEditDialog;
class TextSliderPanel;
class TimelinePanel;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  // What the window shows and asks for: the editor's document and workflows (app/editor).
  app::Editor* editor() const { return editor_; }
  app::EditDocument* document() const { return doc_; }

  // The window's size, position and docks as they were when it was last closed (closing saves them).
  void restoreLayout();
  // Asks, when an earlier run crashed with unsaved work, whether to restore it.
  void offerAutosaveRestore();

  // What to do with unsaved edits before something else opens or the window closes: by default a dialog asks;
  // tests answer instead. (Which of several faces: app::PhotoWorkflow::setFaceChooser replaces the window's.)
  using UnsavedChoice = app::OpenWorkflow::UnsavedChoice;
  void setUnsavedChangesPrompt(std::function<UnsavedChoice()> prompt) { unsavedPrompt_ = std::move(prompt); }

  // View ▸ Show in photo: the preview shows the edited face pasted back into the photo.
  void setShowInPhoto(bool on);
  // Tools ▸ Photo refinement and "Add text edit…" (window-modal, not blocking); they return the dialog.
  RefinementDialog* showRefinementDialog();
  TextEditDialog* showAddTextEdit();

  // The attribute catalogue shown as sliders (catalogue order = α order), and the engine behind the preview.
  void setAttributes(const QVector<AttributeSlot>& attributes);
  void setRenderBackend(std::unique_ptr<app::RenderBackend> backend);

  // What the window shows: the status bar, the message bar above the preview ("" when closed), the corner with
  // the last render's time and the model and device names; and its panels.
  QString statusText() const;
  QString problemText() const;
  StatusCorner* statusCorner() const { return statusCorner_; }
  AttributeSliderPanel* sliderPanel() const { return sliders_; }
  PreviewWidget* preview() const { return preview_; }
  ChartsPanel* charts() const { return charts_; }
  TextSliderPanel* textPanel() const { return textPanel_; }
  LayerMaskPanel* layerPanel() const { return layers_; }
  TwoFacesPanel* twoFacesPanel() const { return twoFaces_; }

 Q_SIGNALS:
  void previewUpdated();
  void modelsLoaded(bool ok);
  void faceChanged();
  void photoFaceRestored();  // a session's photo face is found and aligned again (paste-back available)
  void photoFacesAnalyzed();  // the opened photo's faces read by face-api (no generator loaded)
  void exportFinished(const QString& path, bool ok);  // an export written (or failed) off the GUI thread

 protected:
  void closeEvent(QCloseEvent* event) override;
  // Text boxes leave the window's shortcuts (undo, export, reset…) to the window.
  bool eventFilter(QObject* watched, QEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void buildMenus();
  void buildPanels();
  void showModelManager();
  void showResult(const app::RenderResult& result);
  void connectWorkflows();  // main_window_workflows.cpp: the model loader and the photo workflow
  void buildEditorExtras(QMenu* view, QMenu* tools);  // main_window_layers.cpp: layer dock, show in photo, refinement
  void buildTwoFacesPanel();  // main_window_two_faces.cpp
  void buildTextPanel();  // main_window_layers.cpp
  void updateEditingEnabled();  // sliders on with a face, else off with what to do
  void updateTitle();           // the open file and whether it has unsaved edits
  // The message bar (an error, or with `warning` guidance about what is missing) and the status bar.
  void showProblem(const QString& text, bool warning = false);
  using FileKind = app::OpenWorkflow::FileKind;

  app::Editor* editor_ = nullptr;
  JobProgress* jobProgress_ = nullptr;
  QDockWidget* textDock_ = nullptr;
  QDockWidget* attributesDock_ = nullptr;
  QDockWidget* chartsDock_ = nullptr;
  TimelinePanel* timeline_ = nullptr;  // VISION builds
  QMenu* viewMenu_ = nullptr;
  QMenu* toolsMenu_ = nullptr;
  PreviewWidget* preview_ = nullptr;
  MessageBar* messageBar_ = nullptr;
  ChartsPanel* charts_ = nullptr;
  StatusCorner* statusCorner_ = nullptr;
  FileMenu* fileMenu_ = nullptr;
  AttributeSliderPanel* sliders_ = nullptr;
  app::EditDocument* doc_ = nullptr;
  LayerMaskPanel* layers_ = nullptr;
  QAction* showInPhotoAction_ = nullptr;
  TextSliderPanel* textPanel_ = nullptr;
  TwoFacesPanel* twoFaces_ = nullptr;
  std::function<UnsavedChoice()> unsavedPrompt_;
};

}  // namespace facet::ui
