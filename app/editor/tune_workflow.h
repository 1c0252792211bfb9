#pragma once
// Tuning the generator to the photo's face (pivotal tuning, core/tune), without a widget. The document's unedited
// code is the pivot and the photo's aligned face the target; the tuner runs as a blocking job with its progress,
// and Cancel stops it keeping the best weights so far. The tuned copy then renders this face (the other models
// stay, and so do the edits); another face or other models go back to the generator as loaded.
#include <memory>

#include <QObject>
#include <QString>

namespace facet::models {
struct ModelSet;
}

namespace facet::app {

class EditDocument;
class JobRunner;
struct PhotoFace;

class TuneWorkflow : public QObject {
  Q_OBJECT
 public:
  static constexpr int kDefaultSteps = 350;  // the method's budget; tuning stops earlier once LPIPS ≤ 0.06

  TuneWorkflow(EditDocument* document, JobRunner* jobs, QObject* parent = nullptr);

  // A photo's face with a code and a generator: there is something to tune to.
  bool available() const;
  bool tuned() const { return tuned_ != nullptr; }  // the document renders with a tuned generator
  void tune(int steps = kDefaultSteps);

 Q_SIGNALS:
  void message(const QString& text);
  void problem(const QString& text);
  void tunedChanged(bool tuned);

 private:
  void faceOrModelsChanged();

  EditDocument* doc_;
  JobRunner* jobs_;
  std::shared_ptr<const models::ModelSet> base_, tuned_;  // set while the document renders with a tuned copy
  std::shared_ptr<const PhotoFace> tunedFor_;
};

}  // namespace facet::app
