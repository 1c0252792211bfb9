#pragma once
// Tuning the generator to the photo's face (pivotal tuning, core/tune), without a widget. The document's unedited
// code is the pivot and the photo's aligned face the target; the tuner runs as a blocking job with its progress,
// and Cancel stops it keeping the best weights so far. The tuned copy then renders this face (the other models
// stay, and so do the edits); another face or other models go back to the generator as loaded. A session keeps
// the tuning as its change to the generator (a .tuned file beside the session, core/tune/tuned_change.h).
#include <memory>

#include <QObject>
#include <QString>

namespace facet::app {

class EditDocument;
class JobRunner;

class TuneWorkflow : public QObject {
  Q_OBJECT
 public:
  static constexpr int kDefaultSteps = 350;  // the method's budget; tuning stops earlier once LPIPS ≤ 0.06

  TuneWorkflow(EditDocument* document, JobRunner* jobs, QObject* parent = nullptr);
  ~TuneWorkflow() override;

  // A photo's face with a code and a generator: there is something to tune to.
  bool available() const;
  bool tuned() const { return tuned_ != nullptr; }  // the document renders with a tuned generator
  void tune(int steps = kDefaultSteps);

  // The .tuned file that goes with a session file ("portrait.facet" → "portrait.tuned").
  static QString changePath(const QString& sessionPath);
  // Writes the tuning as its change to the loaded generator (atomically), or removes an earlier one when the face
  // is not tuned, so the file always matches the session beside it (the autosave's too: a change already written
  // there is not written again). False, with problem(), when it cannot.
  bool saveChange(const QString& path);
  // Applies a saved change to the loaded generator for the document's face (a job); problem() when it was made for
  // another generator or cannot be read.
  void restoreChange(const QString& path);

 Q_SIGNALS:
  void message(const QString& text);
  void problem(const QString& text);
  void tunedChanged(bool tuned);

 private:
  struct Tuned;
  void use(std::shared_ptr<const Tuned> tuned);
  void faceOrModelsChanged();

  EditDocument* doc_;
  JobRunner* jobs_;
  std::shared_ptr<const Tuned> tuned_;  // set while the document renders with a tuned copy
  std::weak_ptr<const Tuned> written_;  // the tuning last written (not kept alive for it), and where
  QString writtenPath_;
};

}  // namespace facet::app
