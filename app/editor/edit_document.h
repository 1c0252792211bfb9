#pragma once
// The edit document: everything the editor is editing, without a widget. It owns the face (the unedited W+, where it
// came from, the photo face it pastes back into), every attribute α with the undo stack, the text slider values,
// the two-face operation (morph, layer mixing, expression transfer with other faces), the edited-layer mask, the
// timeline, autosave, sessions and the exports, and it drives the render worker. The window is a view: sliders,
// the timeline panel and menus change the document; the document's signals update them. Everything here runs on
// the GUI thread and never blocks it: renders run on the worker, exports and W+ writes on the thread pool.
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <torch/types.h>

#include "app/editor/preview_settings.h"
#include "app/editor/render_types.h"
#include "app/editor/session_files.h"
#include "app/editor/two_face_state.h"
#include "core/models/model_registry.h"

class QUndoStack;

namespace facet::edit {
struct TextDirection;
}

namespace facet::app {

class Autosaver;
class GeneratorBackend;
class JobRunner;
class RenderController;
class TextSliderSet;
class TimelineModel;
struct PhotoFace;

class EditDocument : public QObject {
  Q_OBJECT
 public:
  // autosaveDir: where autosave writes (empty: Autosaver::defaultDir()). jobs: the runner exports use (null: the
  // document's own).
  explicit EditDocument(int attributeCount, QObject* parent = nullptr, const QString& autosaveDir = {},
                        JobRunner* jobs = nullptr);
  ~EditDocument() override;

  // --- models and the face ---------------------------------------------------------------------------------------
  // New models: the face (if any) is set again on them, keeping its photo and origin.
  void setModels(std::shared_ptr<const models::ModelSet> models);
  std::shared_ptr<const models::ModelSet> models() const { return models_; }
  void setPreviewSize(int side) { previewSize_ = side; }
  int previewSize() const { return previewSize_; }
  // The time a slider preview may take (PreviewSettings); 0: every preview at previewSize() (in bfloat16 where the
  // CPU has AVX512_BF16). Applies to the face being edited at once.
  void setPreviewBudget(double ms);
  double previewBudget() const { return previewBudgetMs_; }

  // A W+ code [1, n, d] or [n, d] becomes the face being edited (any photo face is dropped; `photo` then sets one).
  // False, with message(), without models or when the code does not fit the generator.
  bool setFace(const torch::Tensor& wplus, std::shared_ptr<const PhotoFace> photo = nullptr);
  // The face's origin for sessions when it came from a photo that is not (or not yet) aligned: a session's photo.
  void setFaceOrigin(const QString& photoPath, const QString& sha256, int faceIndex);
  // The photo face of the face already being edited (a session's photo found again).
  void setPhotoFace(std::shared_ptr<const PhotoFace> photo);
  bool hasFace() const { return wplus_.defined(); }
  const torch::Tensor& wplus() const { return wplus_; }  // unedited, [1, n, d] CPU float32; undefined = none
  std::shared_ptr<const PhotoFace> photoFace() const { return photo_; }
  bool hasPhotoFace() const { return photo_ != nullptr; }
  QString facePhotoPath() const { return origin_.photoPath; }
  void clearFace();  // a new photo is opening: nothing to edit until its face is embedded

  // --- attribute α (catalogue order) ------------------------------------------------------------------------------
  // A slider moved: preview now, full size once the sliders rest; recorded by a recording timeline.
  void setAlphas(const std::vector<float>& alphas);
  // The end of a gesture (slider released, reset): an undo step from the last one.
  void commitAlphas(const std::vector<float>& alphas);
  // Set without an undo step (a session, new attribute catalogue): the undo stack is cleared.
  void resetAlphas(const std::vector<float>& alphas);
  const std::vector<float>& alphas() const { return alphas_; }
  int attributeCount() const { return static_cast<int>(alphas_.size()); }

  // --- text sliders ------------------------------------------------------------------------------------------------
  // The text sliders (directions and values), applied after the attribute edits; their changes are undo steps.
  TextSliderSet* textSliders() const { return text_; }

  // --- two faces ----------------------------------------------------------------------------------------------------
  // The operation with other faces, applied before the attribute edits (core/edit/edit_render.h's order).
  // setTwoFaces renders a preview now and the full image once it rests, and a recording timeline records its
  // amount; commitTwoFaces makes the undo step from the last committed state (a slider released, a face or mode
  // chosen). Faces that do not fit the loaded generator are refused (false, with message()).
  bool setTwoFaces(const TwoFaceState& state);
  void commitTwoFaces(const QString& undoText);
  const TwoFaceState& twoFaces() const { return twoFaces_; }
  // The faces used since the editor started, newest first, without repeats (the edited faces and the others): what
  // a face slot's "Recent" menu offers.
  const std::vector<OtherFace>& recentFaces() const { return recent_; }
  void addRecentFace(const OtherFace& face);

  // --- layers ------------------------------------------------------------------------------------------------------
  void setEditedLayers(const std::vector<bool>& mask);  // empty: the default 0–10
  const std::vector<bool>& editedLayers() const;

  // --- show in photo -------------------------------------------------------------------------------------------------
  // Each render of a photo face also carries the photo with the face pasted back (RenderResult::inPhoto), made on
  // the render worker beside the generator.
  void setShowInPhoto(bool on);
  bool showInPhoto() const { return showInPhoto_; }
  int photoComposites() const { return photoComposites_; }  // renders delivered with the photo pasted in

  // --- rendering -------------------------------------------------------------------------------------------------------
  void renderFull();  // the current edit at full size now
  EditSnapshot snapshot() const;  // what is being edited now, as the render side gets it
  const RenderResult& lastResult() const { return lastResult_; }
  bool fullResultIsCurrent() const;  // the last result is the full-size render of the newest request
  RenderController* renderer() const { return renderer_; }

  // --- undo, timeline, autosave ------------------------------------------------------------------------------------------
  QUndoStack* undoStack() const { return undo_; }
  Autosaver* autosaver() const { return autosaver_; }
  // The slider timeline (VISION builds; null otherwise): its playback and scrubbing change this document.
  TimelineModel* timeline() const { return timeline_; }
  // Unsaved changes since the last save or open: the undo stack away from its clean state, a gesture not yet
  // released, a timeline change, or restored work that is in no file (markModified).
  bool isModified() const;
  void markSaved();
  void markModified();  // work that is not in any saved file (an autosave restored after a crash)
  // The session file this document was last saved to or opened from ("" = none): where Save writes.
  const QString& sessionPath() const { return sessionPath_; }
  void clearSessionPath() { sessionPath_.clear(); }

  // --- sessions ----------------------------------------------------------------------------------------------------------
  std::optional<SessionWithCode> session() const;  // nullopt without a face
  bool saveSession(const QString& path);
  // Opens a session's W+, α, layers, text sliders and timeline (the text sliders before the face renders).
  // False with message() when it cannot be opened; the document is then unchanged.
  bool openSession(const QString& path, SessionWithCode* loaded = nullptr);

  // --- exports -----------------------------------------------------------------------------------------------------------
  // Each is checked at once (false: refused, message() says why), then made and written on a pool thread;
  // exportFinished() reports the outcome. Never over the opened photo.
  bool exportEdited(const QString& path, int quality = 95);  // pasted into the photo when there is one
  bool exportAlignedFace(const QString& path, int quality = 95);
  bool exportSideBySide(const QString& path, int quality = 95);
  bool exportWplus(const QString& path);
  // The file the user opened (a photo, a W+ or a session): exports refuse to overwrite it.
  void setOpenedPath(const QString& path) { openedPath_ = path; }
  const QString& openedPath() const { return openedPath_; }

 Q_SIGNALS:
  void alphasChanged(const std::vector<float>& alphas);  // set by the document (undo, timeline, session)
  void editedLayersChanged(const std::vector<bool>& mask);
  void faceChanged();
  void resultReady(const facet::app::RenderResult& result);
  void message(const QString& text);  // for the status bar
  void problem(const QString& text);  // a failure the user has to see (also sent as message())
  void exportFinished(const QString& path, bool ok);
  void twoFacesChanged();  // set by the document (undo, redo, a session, timeline playback)
  void recentFacesChanged();

 private:
  struct FaceOrigin {
    QString photoPath;  // absolute; "" = none
    QString photoSha256;
    int faceIndex = 0;
  };
  void fail(const QString& text);  // message() and problem()
  std::unique_ptr<GeneratorBackend> makeBackend(const torch::Tensor& wplus) const;  // on the current options
  void applyAlphas(const std::vector<float>& alphas);  // undo/redo: full render, the view follows
  void changed();
  void receive(const RenderResult& result);
  bool exportRendered(const QString& path, int quality, std::function<QImage()> image, bool needsBefore);
  void runExport(const QString& path, std::function<QString()> job);
  bool overwritesOriginal(const QString& path);  // true (and a message) when `path` is the opened file or photo
  void connectTimeline();
  void applyTwoFaces(const TwoFaceState& state);
  void applyEditedLayers(const std::vector<bool>& mask);  // undo/redo and the user's change: render, the view follows
  void showTextValues(bool byUser);  // the text sliders' values → the renderer
  void show(bool moving);  // the current snapshot to the renderer: a preview while moving, else full size  // undo/redo and sessions: full render, the view follows
  bool fits(const torch::Tensor& code) const;      // the code has the loaded generator's layers and width

  std::shared_ptr<const models::ModelSet> models_;
  torch::Tensor wplus_;
  FaceOrigin origin_;
  std::shared_ptr<const PhotoFace> photo_;
  std::vector<float> alphas_;
  std::vector<bool> editedLayers_;  // empty: the default 0–10
  std::vector<float> committed_;
  TwoFaceState twoFaces_, committedTwoFaces_;
  std::vector<OtherFace> recent_;
  int previewSize_ = 256;
  double previewBudgetMs_ = PreviewSettings::kDefaultBudgetMs;
  bool showInPhoto_ = false;
  int photoComposites_ = 0;
  bool modified_ = false;
  QJsonObject savedTimeline_;  // the timeline as last saved or opened
  QString openedPath_;
  QString sessionPath_;
  RenderResult lastResult_;
  TextSliderSet* text_ = nullptr;
  JobRunner* jobs_ = nullptr;
  RenderController* renderer_ = nullptr;
  QUndoStack* undo_ = nullptr;
  Autosaver* autosaver_ = nullptr;
  TimelineModel* timeline_ = nullptr;
};

}  // namespace facet::app
