#pragma once
// The faces beside the edited one, without a widget: a second face, or a neutral and an expressive face, from a
// photo (found off the GUI thread, the view asked which face when there are several, embedded by the same pipeline
// and settings as the edited face), a W+ file, a seed (mapped on the pool) or the recent faces; and the operation
// they serve (mode, amount, mixed layers). Each choice and each released gesture is one undo step of the document.
#include <cstdint>
#include <string>
#include <vector>

#include <QObject>
#include <QString>

namespace facet::edit {
enum class TwoFaceMode;
}

namespace facet::app {

class EditDocument;
class JobRunner;
class PhotoWorkflow;
struct OtherFace;

class TwoFaceWorkflow : public QObject {
  Q_OBJECT
 public:
  // `photos` asks which face of a photo (its chooser) like the photo flow.
  TwoFaceWorkflow(EditDocument* document, JobRunner* jobs, const PhotoWorkflow* photos, QObject* parent = nullptr);

  // role: "second", "neutral" or "expressive".
  void fromPhoto(const std::string& role, const QString& path);
  void fromWplus(const std::string& role, const QString& path);
  void fromSeed(const std::string& role, uint64_t seed);
  void fromRecent(const std::string& role, int index);
  // Puts `face` in the slot of `role` and, when no operation is on (or the one on does not use the slot), starts
  // the one the slot serves (morph, expression transfer). An undo step.
  void use(const std::string& role, const OtherFace& face);

  void setMode(edit::TwoFaceMode mode);  // an undo step
  void moveAmount(double amount);        // a preview now, full size at rest
  void releaseAmount();                  // the end of the gesture: an undo step
  void setMixLayers(const std::vector<bool>& layers);  // an undo step

  static QString roleName(const std::string& role);  // "second", translated

 Q_SIGNALS:
  void message(const QString& text);
  void problem(const QString& text);
  void faceUsed();      // a slot was filled (an earlier failure no longer applies)
  void stateChanged();  // the operation or a face changed, or a change was refused: the view shows the document's

 private:
  bool haveGenerator();

  EditDocument* doc_;
  JobRunner* jobs_;
  const PhotoWorkflow* photos_;
};

}  // namespace facet::app
