#pragma once
// The editor's main window: a view over app::EditDocument (the face, α values, layers, undo, timeline, sessions,
// exports, rendering). Its menus, sliders and panels change the document and its signals update them. The window
// itself keeps what needs widgets: dialogs, the photo flow's progress and face choice, model loading with its
// messages (main_window_models.cpp), the File menu (main_window_files.cpp), photos (main_window_photo.cpp), text
// sliders (main_window_text.cpp), the layer dock and refinement settings (main_window_layers.cpp) and the "Two
// faces" dock (main_window_two_faces.cpp).
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <QMainWindow>
#include <QString>
#include <QVector>
#include <torch/types.h>

#include "core/models/model_registry.h"
#include "app/editor/render_backend.h"
#include "app/editor/render_types.h"
#include "app/editor/session_files.h"
#include "core/edit/text_direction.h"
#include "ui/attribute_slider_panel.h"

class QAction;
class QLabel;
class QMenu;
class QUndoStack;

namespace facet::nn {
class FaceAnalyzer;
}  // namespace facet::nn
namespace facet::edit {
enum class TwoFaceMode;
}  // namespace facet::edit
namespace facet::face {
struct Face;
}  // namespace facet::face
namespace facet::app {
struct OtherFace;
class Autosaver;
class EditDocument;
class RenderController;
struct LoadedTextSlider;
}  // namespace facet::app

namespace facet::ui {

class ChartsPanel;
class LayerMaskPanel;
class MessageBar;
class PreviewWidget;
class RefinementDialog;
class TextSliderPanel;
struct TextSlider;
class TextEditDialog;
class TwoFacesPanel;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  // Opens a photo from a path (File ▸ Open, drag and drop, the command line). Reports problems in the
  // status bar; never throws.
  void openPhoto(const QString& path);
  void quitAfter(int milliseconds);
  // The window's size, position and docks as they were when it was last closed (closing saves them).
  void restoreLayout();
  void openAny(const QString& path);  // by suffix: session (.facet), W+ (.npy), or photo

  // Models: loads `files` off the GUI thread; modelsLoaded() (or the status bar's message) when done.
  void loadModels(const models::ModelFiles& files);
  bool modelsReady() const { return models() != nullptr; }
  std::shared_ptr<const models::ModelSet> models() const;

  // Faces: a W+ code (from a file, a session, a photo's embedding, or sampled) becomes the edited face.
  void setFace(const torch::Tensor& wplus, const QString& photoPath = {});
  bool openWplus(const QString& path);       // .npy [1|-, n_latent, dim]; false + status message on failure
  void sampleRandomFace(uint64_t seed);      // z ~ N(0, 1) → mapping → truncation 0.7, off the GUI thread
  bool hasFace() const;
  // Photos (with core/face): faces are found, the chosen one aligned and encoded on a pool thread with a progress
  // dialog that can cancel; the edit is pasted back into the photo on export. The chooser picks one of several
  // faces (default: a dialog), for the edited face and for a face slot of the Two faces dock; tests replace it.
  void setFaceChooser(std::function<int(int faceCount)> chooser) { chooseFace_ = std::move(chooser); }
  bool hasPhotoFace() const;  // a face of the opened photo is aligned (paste-back available)
  // Uses `wplus` (from an external embedding) for the opened photo's aligned face.
  bool setPhotoFaceWplus(const torch::Tensor& wplus);
  void setPreviewSize(int side);  // preview renders while a slider moves (default 256)
  // File ▸ Open sample photo: the bundled public-domain astronaut portrait through the normal photo flow.
  void openSamplePhoto();
  static QString samplePhotoPath();  // next to the binary (installed), else the source tree; "" when missing
  // View ▸ Show in photo: the preview shows the edited face pasted back into the photo (composited by the render
  // worker with each render); before/after compares with the photo itself.
  void setShowInPhoto(bool on);
  bool showInPhoto() const;
  int photoComposites() const;  // renders delivered pasted into the photo (tests)
  // Optional refinement after the encoder (Image2StyleGAN, perceptual + MSE) in the photo flow: `steps` Adam
  // steps from the encoder's W+ (from latent_avg without an encoder), off the GUI thread with progress and cancel
  // (cancel keeps the best code so far). Saved in the settings; steps ≤ 0 turns it off.
  void setRefinementSteps(int steps);
  int refinementSteps() const;
  // Tools ▸ Photo refinement (window-modal, not blocking): the steps, with how long they take here (the time per
  // step remembered from the last refinement with this generator size and device, else measured as it opens).
  RefinementDialog* showRefinementDialog();

  // The W+ layers the attribute edits touch (one flag per layer; the control in the "Edited layers" dock).
  void setEditedLayers(const std::vector<bool>& mask);
  std::vector<bool> editedLayers() const;
  LayerMaskPanel* layerPanel() const { return layers_; }

  // Two faces (main_window_two_faces.cpp): morph, layer mixing and expression transfer with other faces, in the
  // "Two faces" dock. useOtherFace puts a face in a slot ("second", "neutral", "expressive") and, when no operation
  // is on, starts the one that slot serves (morph, expression transfer); an undo step. openOtherFacePhoto embeds
  // the photo's largest face with the same pipeline as the edited face, off the GUI thread behind a progress
  // dialog, then uses it; sampleOtherFace draws a random face.
  void useOtherFace(const std::string& role, const app::OtherFace& face);
  void openOtherFacePhoto(const std::string& role, const QString& path);
  void sampleOtherFace(const std::string& role, uint64_t seed);
  TwoFacesPanel* twoFacesPanel() const { return twoFaces_; }

  // Unsaved edits before quitting, closing or opening something else from the menus: Save (to the session they
  // came from, else where a file dialog says), Discard, or Cancel. By default a dialog asks; tests answer instead.
  enum class UnsavedChoice { Save, Discard, Cancel };
  void setUnsavedChangesPrompt(std::function<UnsavedChoice()> prompt) { unsavedPrompt_ = std::move(prompt); }
  // True when nothing is unsaved or the user saved or discarded it; false when they cancelled.
  bool settleUnsavedChanges();

  // Where file dialogs start (the opened file's folder, else the last folder used, else home) with the name they
  // suggest ("astronaut-edited.jpg" for a photo astronaut.png).
  enum class FileKind { EditedImage, AlignedFace, SideBySide, Wplus, Session };
  QString suggestedPath(FileKind kind) const;

  // Sessions (.facet + W+ .npy beside it) and autosave.
  bool saveSessionTo(const QString& path);
  bool openSession(const QString& path);
  std::optional<app::SessionWithCode> currentSession() const;
  app::Autosaver* autosaver() const;
  void offerAutosaveRestore();  // asks when an earlier run crashed with unsaved work
  bool restoreAutosave();

  // Export (never over the opened photo): the edited image, the before/after side-by-side, the edited W+. Each
  // checks the request at once (false: refused, the status bar says why) and then works on a pool thread, so a
  // large photo never stalls the window; exportFinished() reports the outcome.
  bool exportEdited(const QString& path, int quality = 95);
  bool exportSideBySide(const QString& path, int quality = 95);
  // The edited face as generated (the aligned crop), whether or not it came from a photo.
  bool exportAlignedFace(const QString& path, int quality = 95);
  bool exportWplus(const QString& path);

  // The attribute catalogue shown as sliders (catalogue order = α order).
  void setAttributes(const QVector<AttributeSlot>& attributes);
  // The engine behind the preview (generator, edit stack, scorers); null = none installed.
  void setRenderBackend(std::unique_ptr<app::RenderBackend> backend);

  // Text edits (StyleCLIP; main_window_text.cpp): sliders beside the attributes, applied after them.
  TextSliderPanel* textPanel() const { return textPanel_; }
  // Adds a text slider for `direction` (checked against the generator when one is loaded); false + status message
  // when it does not fit. Returns the slider's id through `id` when given.
  bool addTextDirection(std::shared_ptr<const edit::TextDirection> direction, float alpha = 0, QString* id = nullptr);
  bool loadTextDirection(const QString& path);  // a saved direction file → a slider
  // Opens "Add text edit…" (window-modal, not blocking); the slider appears when it finishes. Returns the dialog.
  TextEditDialog* showAddTextEdit();
  // CLIP files for text edits instead of the model path's (tests: the stand-in), and the statistics cache folder.
  void setClipFiles(const QString& clip, const QString& vocab) { clipOverride_ = {clip, vocab}; }
  void setTextCacheDir(const QString& dir) { textCacheDir_ = dir; }

  QString statusText() const;
  QString problemText() const;  // the message bar above the preview ("" when closed)
  // What the empty preview says on a first run: what Facet does, how to start, which models are in and missing.
  QString welcomeText() const;
  QString deviceText() const;
  QString modelsText() const;
  QString timingText() const;
  AttributeSliderPanel* sliderPanel() const { return sliders_; }
  PreviewWidget* preview() const { return preview_; }
  ChartsPanel* charts() const { return charts_; }
  app::EditDocument* document() const { return doc_; }
  app::RenderController* renderer() const;
  QUndoStack* undoStack() const;
  const app::RenderResult& lastResult() const;

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
  void buildFileMenu(QMenu* file);  // main_window_files.cpp
  void buildPanels();
  void showOpenDialog();
  void showModelManager();
  void showAbout();
  void showResult(const app::RenderResult& result);
  void showDocumentAlphas(const std::vector<float>& alphas);  // the document changed them: the sliders follow
  void showEditedLayers(const std::vector<bool>& mask);
  void onModelsLoaded(std::shared_ptr<const models::ModelSet> models);
  void updateModelStatus();
  void findFaces(const QString& path);       // main_window_photo.cpp
  void buildEditorExtras(QMenu* view, QMenu* tools);  // main_window_layers.cpp: layer dock, show in photo, refinement
  void showImages(const app::RenderResult& result);  // the preview's image and before, in the photo or not
  QString refinementTimingKey() const;  // settings key of the time per refinement step for the loaded models
  void rememberRefinementStepMs(double ms);
  // A session's photo: re-find face `faceIndex` and re-align it for the W+ just set (no re-embedding).
  void restorePhotoFace(const QString& path, int faceIndex);
  struct PhotoState;  // main_window_photo.cpp (OpenCV types stay out of this header)
  // Which of a photo's faces (more than one): the chooser when set, else a dialog listing their boxes; -1 when the
  // user cancelled.
  int askWhichFace(const std::vector<face::Face>& faces, const QString& question);
  // The photo's faces boxed and numbered on the preview, and read by face-api (age, gender, expression, alike-ness)
  // into the Numbers dock when it is installed: what a photo shows without a generator.
  void analyzePhotoFaces(const std::shared_ptr<PhotoState>& state);
  void buildTwoFacesPanel();  // main_window_two_faces.cpp
  void requestOtherFace(const QString& role, int source, int recent);
  void setTwoFaceMode(edit::TwoFaceMode mode);
  void buildTextPanel();  // main_window_text.cpp
  void sendTextEdits();   // the text panel's values → the renderer
  void commitTextEdit(const std::vector<float>& alphas);
  // An undo step for a text slider the user added (added) or removed, already done.
  void pushTextSliderStep(const TextSlider& slider, bool added);
  std::vector<app::SessionTextSlider> textSessionSliders() const;
  void restoreTextSliders(const std::vector<app::LoadedTextSlider>& sliders);
  void updateEditingEnabled();  // sliders on with a face, else off with what to do
  // The message bar (an error, or with `warning` guidance about what is missing) and the status bar.
  void showProblem(const QString& text, bool warning = false);
  void rememberFolder(const QString& path);
  // A file dialog for `kind` starting at suggestedPath(kind); "" when cancelled.
  QString askSavePath(FileKind kind, const QString& title, const QString& filter);
  void addRecentFile(const QString& path);
  void rebuildRecentMenu();

  PreviewWidget* preview_ = nullptr;
  MessageBar* messageBar_ = nullptr;
  ChartsPanel* charts_ = nullptr;
  QLabel* deviceLabel_ = nullptr;
  QLabel* modelsLabel_ = nullptr;
  QLabel* timingLabel_ = nullptr;
  QMenu* recentMenu_ = nullptr;
  AttributeSliderPanel* sliders_ = nullptr;
  app::EditDocument* doc_ = nullptr;
  // face-api's networks: the models' own, or loaded alone when there is no generator (photo analysis).
  std::shared_ptr<const nn::FaceAnalyzer> analyzer_;
  QString currentPath_;  // the opened photo ("" for a W+ or a sampled face)
  bool loadingModels_ = false;
  std::shared_ptr<PhotoState> photo_;  // the opened photo's faces while the flow runs; null = none
  std::function<int(int)> chooseFace_;
  LayerMaskPanel* layers_ = nullptr;
  QAction* showInPhotoAction_ = nullptr;
  TextSliderPanel* textPanel_ = nullptr;
  TwoFacesPanel* twoFaces_ = nullptr;
  std::function<UnsavedChoice()> unsavedPrompt_;
  std::vector<float> committedText_;  // text α values at the last undo point
  QStringList clipOverride_;          // {clip, vocab} or empty
  QString textCacheDir_;
};

}  // namespace facet::ui
