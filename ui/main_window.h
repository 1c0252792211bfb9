#pragma once
// The editor's main window: menus, the preview, the side panels (sliders, charts) and the status bar. Rendering
// runs in the render worker (app/editor); this window only sends slider values and shows the results. Model
// loading, opening faces and sessions, export and autosave live in main_window_models.cpp and
// main_window_files.cpp.
#include <functional>
#include <memory>
#include <optional>
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

namespace facet::app {
class Autosaver;
class RenderController;
}  // namespace facet::app
namespace facet::video {
struct PhotoPaste;
}  // namespace facet::video

namespace facet::ui {

class ChartsPanel;
class LatestImageJob;
class LayerMaskPanel;
class PreviewWidget;
class TextSliderPanel;
struct TextSlider;
class TextEditDialog;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  // Opens a photo from a path (File ▸ Open, drag and drop, the command line). Reports problems in the
  // status bar; never throws.
  void openPhoto(const QString& path);
  void quitAfter(int milliseconds);
  void openAny(const QString& path);  // by suffix: session (.facet), W+ (.npy), or photo

  // Models: loads `files` off the GUI thread; modelsLoaded() (or the status bar's message) when done.
  void loadModels(const models::ModelFiles& files);
  bool modelsReady() const { return models_ != nullptr; }
  std::shared_ptr<const models::ModelSet> models() const { return models_; }

  // Faces: a W+ code (from a file, a session, a photo's embedding, or sampled) becomes the edited face.
  void setFace(const torch::Tensor& wplus, const QString& photoPath = {});
  bool openWplus(const QString& path);       // .npy [1|-, n_latent, dim]; false + status message on failure
  void sampleRandomFace(uint64_t seed);      // z ~ N(0, 1) → mapping → truncation 0.7, off the GUI thread
  bool hasFace() const { return wplus_.defined(); }
  // Photos (with core/face): faces are found, the chosen one aligned and encoded on a pool thread with a progress
  // dialog that can cancel; the edit is pasted back into the photo on export. The chooser picks one of several
  // faces (default: a dialog); tests replace it.
  void setFaceChooser(std::function<int(int faceCount)> chooser) { chooseFace_ = std::move(chooser); }
  bool hasPhotoFace() const;  // a face of the opened photo is aligned (paste-back available)
  // Uses `wplus` (from an external embedding) for the opened photo's aligned face.
  bool setPhotoFaceWplus(const torch::Tensor& wplus);
  void setPreviewSize(int side) { previewSize_ = side; }  // preview renders while a slider moves (default 256)
  // File ▸ Open sample photo: the bundled public-domain astronaut portrait through the normal photo flow.
  void openSamplePhoto();
  static QString samplePhotoPath();  // next to the binary (installed), else the source tree; "" when missing
  // View ▸ Show in photo: the preview shows the edited face pasted back into the photo (composited on a pool
  // thread after each render, newest wins); before/after compares with the photo itself.
  void setShowInPhoto(bool on);
  bool showInPhoto() const { return showInPhoto_; }
  int photoComposites() const;  // paste-backs done for the preview (tests)
  // Optional refinement after the encoder (Image2StyleGAN, perceptual + MSE) in the photo flow: `steps` Adam
  // steps from the encoder's W+ (from latent_avg without an encoder), off the GUI thread with progress and cancel
  // (cancel keeps the best code so far). Saved in the settings; steps ≤ 0 turns it off.
  void setRefinementSteps(int steps);
  int refinementSteps() const;

  // The W+ layers the attribute edits touch (one flag per layer; the control in the "Edited layers" dock).
  void setEditedLayers(const std::vector<bool>& mask);
  std::vector<bool> editedLayers() const;
  LayerMaskPanel* layerPanel() const { return layers_; }

  // Sessions (.facet + W+ .npy beside it) and autosave.
  bool saveSessionTo(const QString& path);
  bool openSession(const QString& path);
  std::optional<app::SessionWithCode> currentSession() const;
  app::Autosaver* autosaver() const { return autosaver_; }
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
  QString deviceText() const;
  QString modelsText() const;
  QString timingText() const;
  AttributeSliderPanel* sliderPanel() const { return sliders_; }
  PreviewWidget* preview() const { return preview_; }
  ChartsPanel* charts() const { return charts_; }
  app::RenderController* renderer() const { return renderer_; }
  QUndoStack* undoStack() const { return undo_; }
  const app::RenderResult& lastResult() const { return lastResult_; }

 Q_SIGNALS:
  void previewUpdated();
  void modelsLoaded(bool ok);
  void faceChanged();
  void photoFaceRestored();  // a session's photo face is found and aligned again (paste-back available)
  void exportFinished(const QString& path, bool ok);  // an export written (or failed) off the GUI thread

 protected:
  void closeEvent(QCloseEvent* event) override;
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
  void applyAlphas(const std::vector<float>& alphas);  // undo/redo: panel + full render
  void commitEdit(const std::vector<float>& alphas);
  void onModelsLoaded(std::shared_ptr<const models::ModelSet> models);
  void updateModelStatus();
  void findFaces(const QString& path);       // main_window_photo.cpp
  void buildEditorExtras(QMenu* view, QMenu* tools);  // main_window_layers.cpp: layer dock, show in photo, refinement
  void composePhotoPreview(const app::RenderResult& result);
  void setEditedLayersCount(int count);
  // A session's photo: re-find face `faceIndex` and re-align it for the W+ just set (no re-embedding).
  void restorePhotoFace(const QString& path, int faceIndex);
  // The photo face's paste-back as a function safe to run on any thread (it holds its own copies); empty when the
  // face has no photo.
  std::function<QImage(const QImage& generated)> pasteBackJob() const;
  // The photo and its aligned face for timeline renders pasted into it (main_window_photo.cpp); null without one.
  std::shared_ptr<const video::PhotoPaste> photoPasteTarget() const;
  // Writes image() once the current edit's full-size render is in (with its "before" when needsBefore).
  // Checks at once, then makes the image (`image` runs on a pool thread: it must hold its own copies), encodes
  // and writes it there; exportFinished() says when. False when the export cannot start.
  bool exportRendered(const QString& path, int quality, std::function<QImage()> image, bool needsBefore = false);
  void finishExport(const QString& path, const QString& error);  // the photo with the edited face; null without a photo face
  void buildTextPanel();  // main_window_text.cpp
  void sendTextEdits();   // the text panel's values → the renderer
  void commitTextEdit(const std::vector<float>& alphas);
  // An undo step for a text slider the user added (added) or removed, already done.
  void pushTextSliderStep(const TextSlider& slider, bool added);
  std::vector<app::SessionTextSlider> textSessionSliders() const;
  void restoreTextSliders(const app::Session& session);
  void addRecentFile(const QString& path);
  void rebuildRecentMenu();

  PreviewWidget* preview_ = nullptr;
  ChartsPanel* charts_ = nullptr;
  QLabel* deviceLabel_ = nullptr;
  QLabel* modelsLabel_ = nullptr;
  QLabel* timingLabel_ = nullptr;
  QMenu* recentMenu_ = nullptr;
  AttributeSliderPanel* sliders_ = nullptr;
  app::RenderController* renderer_ = nullptr;
  app::Autosaver* autosaver_ = nullptr;
  QUndoStack* undo_ = nullptr;
  std::vector<float> committed_;  // α values at the last undo point
  app::RenderResult lastResult_;
  QString currentPath_;           // the opened photo ("" for a W+ or a sampled face)
  // Where the face being edited came from, as sessions record it: set when a photo's face is embedded or a session
  // is opened, so a failed photo restore or a photo changed on disk since does not rewrite the session's record.
  struct FaceOrigin {
    QString photoPath;    // absolute; "" = none
    QString photoSha256;  // "" = not known (hashed when the session is saved)
    int faceIndex = 0;
  } faceOrigin_;
  std::shared_ptr<const models::ModelSet> models_;
  torch::Tensor wplus_;           // the unedited W+ of the face being edited (CPU); undefined = none
  bool loadingModels_ = false;
  struct PhotoState;                       // main_window_photo.cpp (OpenCV types stay out of this header)
  std::shared_ptr<PhotoState> photo_;      // the opened photo's faces and the aligned one; null = none
  std::function<int(int)> chooseFace_;
  int previewSize_ = 256;
  LayerMaskPanel* layers_ = nullptr;
  LatestImageJob* compositor_ = nullptr;  // show-in-photo paste-backs
  bool showInPhoto_ = false;
  QAction* showInPhotoAction_ = nullptr;
  quint64 photoPreviewTag_ = 0;  // the newest render shown in the photo
  TextSliderPanel* textPanel_ = nullptr;
  std::vector<float> committedText_;  // text α values at the last undo point
  QStringList clipOverride_;          // {clip, vocab} or empty
  QString textCacheDir_;
};

}  // namespace facet::ui
