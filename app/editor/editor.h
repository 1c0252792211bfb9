#pragma once
// The editor without its window: the edit document, the one job runner for background work, and the workflows
// that change the document (opening photos, files and sessions, the faces beside the edited one, text sliders,
// tuning the generator to a photo, the models).
// The window shows their state and answers their questions; tests drive them without any widget.
#include <QObject>

namespace facet::app {

class EditDocument;
class JobRunner;
class ModelLoader;
class OpenWorkflow;
class PhotoWorkflow;
class TextWorkflow;
class TuneWorkflow;
class TwoFaceWorkflow;

class Editor : public QObject {
  Q_OBJECT
 public:
  // attributeCount: the attribute sliders (the catalogue's size). autosaveDir: "" = Autosaver::defaultDir().
  explicit Editor(int attributeCount, QObject* parent = nullptr, const QString& autosaveDir = {});
  ~Editor() override;

  EditDocument* document() const { return document_; }
  JobRunner* jobs() const { return jobs_; }
  ModelLoader* models() const { return models_; }
  PhotoWorkflow* photos() const { return photos_; }
  OpenWorkflow* files() const { return files_; }
  TwoFaceWorkflow* twoFaces() const { return twoFaces_; }
  TextWorkflow* text() const { return text_; }
  TuneWorkflow* tuning() const { return tuning_; }

  // The time a slider preview may take, kept for the next start (PreviewSettings) and applied to the document.
  void setPreviewBudget(double ms);

 Q_SIGNALS:
  // What the document and the workflows report, in one place for the window: status-bar news (the model loader's
  // progress included) and failures the user has to see. The photo workflow's problems come with a remedy and
  // stay its own (PhotoWorkflow::problem).
  void message(const QString& text);
  void problem(const QString& text);

 private:
  JobRunner* jobs_ = nullptr;
  EditDocument* document_ = nullptr;
  ModelLoader* models_ = nullptr;
  PhotoWorkflow* photos_ = nullptr;
  OpenWorkflow* files_ = nullptr;
  TwoFaceWorkflow* twoFaces_ = nullptr;
  TextWorkflow* text_ = nullptr;
  TuneWorkflow* tuning_ = nullptr;
};

}  // namespace facet::app
