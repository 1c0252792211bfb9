#pragma once
// Opening a photo, without a widget. The file is read and decoded once, off the GUI thread; its faces are found;
// one is chosen (the view answers which when there are several); it is aligned and embedded by core/pipeline (the
// encoder, then the refinement the settings ask for; Cancel during the refinement keeps the best code so far) and
// handed to the document with its paste-back. Without a generator the faces are boxed and read by face-api. When
// something is missing, every way forward is offered at once (no encoder: refine from the average face, or
// install one). A session's photo face is found and aligned again the same way, for the session's own code.
#include <functional>
#include <memory>
#include <vector>

#include <QImage>
#include <QObject>
#include <QRect>
#include <QString>
#include <QStringList>
#include <QVector>

#include "app/editor/render_types.h"

namespace at {
class Tensor;
}
namespace facet::nn {
class FaceAnalyzer;
}

namespace facet::app {

class EditDocument;
class JobRunner;

class PhotoWorkflow : public QObject {
  Q_OBJECT
 public:
  // What the view offers beside a problem.
  enum class Remedy { None, ChooseModels, RefineOrChooseModels };
  Q_ENUM(Remedy)
  // Which of several faces (boxes in photo pixels, largest first); -1 when the user declined.
  using FaceChooser = std::function<int(const QVector<QRect>& boxes, const QString& question)>;

  PhotoWorkflow(EditDocument* document, JobRunner* jobs, QObject* parent = nullptr);
  ~PhotoWorkflow() override;

  void setFaceChooser(FaceChooser chooser) { chooser_ = std::move(chooser); }
  // Asks the chooser (the largest face when none is set).
  int chooseFace(const QVector<QRect>& boxes, const QString& question) const;
  // face-api for photos opened without a generator.
  void setAnalyzer(std::shared_ptr<const nn::FaceAnalyzer> analyzer) { analyzer_ = std::move(analyzer); }

  // A new photo: the document's face is cleared until the photo's face is embedded.
  void open(const QString& path);
  // The photo's chosen face, without an encoder: refined from the average face (the settings' steps, else
  // RefinementSettings::kStepsFromAverage).
  void refineFromAverage();
  // Models arrived while a photo was open without an edited face: embed its face now.
  void continueWithModels();
  // A session's photo face found and aligned again for the code the session already set (no embedding).
  void restore(const QString& path, int faceIndex);
  // Another face (a W+ file, a random face, a session) replaces the photo's.
  void close();

  QString path() const { return path_; }
  bool hasAlignedFace() const;  // the chosen face is aligned (paste-back available)
  bool busy() const;            // finding, embedding or restoring
  // A code for the aligned face (the embedding's, or an external one); false when no face is aligned or it does not
  // fit. `note` follows "Editing face 1 of photo.jpg" in the message (how a refinement went).
  bool useCode(const at::Tensor& wplus, const QString& note = {});

 Q_SIGNALS:
  void photoShown(const QImage& photo);      // decoded and upright
  void alignedShown(const QImage& aligned);  // the chosen face's aligned crop, before it has a code
  void facesMarked(const QVector<QRect>& boxes, const QStringList& labels);
  void facesAnalyzed(const std::vector<facet::app::AnalyzedFace>& faces);
  void message(const QString& text);  // for the status bar
  void problem(const QString& text, facet::app::PhotoWorkflow::Remedy remedy);
  void faceReady();          // the photo's face is the document's face
  void photoFaceRestored();  // a session's photo face is aligned again (paste-back available)

 private:
  struct State;
  struct Found;
  struct Embedded;
  void found(const QString& path, Found outcome);
  void proceed(const std::shared_ptr<State>& state);
  void embed(const std::shared_ptr<State>& state, int refineSteps);
  void embedded(const std::shared_ptr<State>& state, Embedded outcome);
  void analyze(const std::shared_ptr<State>& state);

  EditDocument* doc_;
  JobRunner* jobs_;
  FaceChooser chooser_;
  std::shared_ptr<const nn::FaceAnalyzer> analyzer_;
  QString path_;
  std::shared_ptr<State> state_;
};

}  // namespace facet::app
