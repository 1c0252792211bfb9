#pragma once
// The editor's main window, the composition root of the editor's views over app::Editor — the edit document (the
// face, α values, layers, undo, timeline, sessions, exports, rendering), the job runner and the workflows (photos,
// files and sessions, the faces beside the edited one, models). It builds the menus (File: ui/file_menu, Help:
// ui/help_menu) and docks (ui/editor_docks, the timeline's installTimeline), connects them to the document and the
// workflows, shows results and problems, and answers the workflows' questions (which face, save or discard) with
// dialogs. The model loader's and the photo workflow's views: main_window_workflows.cpp; dropped files and the
// autosave: main_window_files.cpp.
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
class StatusCorner;
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
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void buildMenus();
  void buildPanels();
  void showModelManager();
  void showResult(const app::RenderResult& result);
  void connectWorkflows();  // main_window_workflows.cpp: the model loader and the photo workflow
  void updateEditingEnabled();  // sliders on with a face, else off with what to do
  void updateTitle();           // the open file and whether it has unsaved edits
  // The message bar (an error, or with `warning` guidance about what is missing) and the status bar.
  void showProblem(const QString& text, bool warning = false);
  using FileKind = app::OpenWorkflow::FileKind;

  app::Editor* editor_ = nullptr;
  JobProgress* jobProgress_ = nullptr;
  TimelinePanel* timeline_ = nullptr;  // VISION builds
  PreviewWidget* preview_ = nullptr;
  MessageBar* messageBar_ = nullptr;
  ChartsPanel* charts_ = nullptr;
  StatusCorner* statusCorner_ = nullptr;
  FileMenu* fileMenu_ = nullptr;
  AttributeSliderPanel* sliders_ = nullptr;
  app::EditDocument* doc_ = nullptr;
  LayerMaskPanel* layers_ = nullptr;
  QAction* showInPhotoAction_ = nullptr;
  QAction* tuneAction_ = nullptr;  // on while there is a photo's face to tune to
  TextSliderPanel* textPanel_ = nullptr;
  TwoFacesPanel* twoFaces_ = nullptr;
  std::function<UnsavedChoice()> unsavedPrompt_;
};

}  // namespace facet::ui
