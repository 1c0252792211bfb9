#include "app/editor/editor.h"

#include <QFileInfo>

#include "app/editor/autosave.h"
#include "app/editor/edit_document.h"
#include "app/editor/job_runner.h"
#include "app/editor/model_loader.h"
#include "app/editor/open_workflow.h"
#include "app/editor/photo_workflow.h"
#include "app/editor/preview_settings.h"
#include "app/editor/text_workflow.h"
#include "app/editor/tune_workflow.h"
#include "app/editor/two_face_workflow.h"

namespace facet::app {

Editor::Editor(int attributeCount, QObject* parent, const QString& autosaveDir) : QObject(parent) {
  jobs_ = new JobRunner(this);
  document_ = new EditDocument(attributeCount, this, autosaveDir, jobs_);
  document_->setPreviewBudget(PreviewSettings::budgetMs());
  models_ = new ModelLoader(document_, jobs_, this);
  photos_ = new PhotoWorkflow(document_, jobs_, this);
  files_ = new OpenWorkflow(document_, jobs_, photos_, this);
  twoFaces_ = new TwoFaceWorkflow(document_, jobs_, photos_, this);
  text_ = new TextWorkflow(document_, this);
  tuning_ = new TuneWorkflow(document_, jobs_, this);
  // A photo opened while the models loaded has its face embedded once they are in; face-api reads photos without
  // a generator.
  connect(models_, &ModelLoader::loaded, photos_, [this](bool ok) {
    photos_->setAnalyzer(models_->analyzer());
    if (ok) photos_->continueWithModels();
  });
  connect(document_, &EditDocument::message, this, &Editor::message);
  connect(document_, &EditDocument::problem, this, &Editor::problem);
  connect(files_, &OpenWorkflow::message, this, &Editor::message);
  connect(files_, &OpenWorkflow::problem, this, &Editor::problem);
  connect(twoFaces_, &TwoFaceWorkflow::message, this, &Editor::message);
  connect(twoFaces_, &TwoFaceWorkflow::problem, this, &Editor::problem);
  connect(text_, &TextWorkflow::message, this, &Editor::message);
  connect(text_, &TextWorkflow::problem, this, &Editor::problem);
  // A session keeps its face's tuning beside it, and so does the autosave (restored with it after a crash).
  const auto saveTuning = [this](const QString& path) { tuning_->saveChange(TuneWorkflow::changePath(path)); };
  connect(files_, &OpenWorkflow::sessionSaved, tuning_, saveTuning);
  connect(document_->autosaver(), &Autosaver::saved, tuning_, saveTuning);
  connect(files_, &OpenWorkflow::sessionOpened, tuning_, [this](const QString& path) {
    if (QFileInfo::exists(TuneWorkflow::changePath(path))) tuning_->restoreChange(TuneWorkflow::changePath(path));
  });
  connect(tuning_, &TuneWorkflow::message, this, &Editor::message);
  connect(tuning_, &TuneWorkflow::problem, this, &Editor::problem);
  connect(photos_, &PhotoWorkflow::message, this, &Editor::message);
  connect(models_, &ModelLoader::progress, this, &Editor::message);
  connect(models_, &ModelLoader::problem, this, &Editor::problem);
}

void Editor::setPreviewBudget(double ms) {
  PreviewSettings::setBudgetMs(ms);
  document_->setPreviewBudget(ms);
}

Editor::~Editor() = default;  // the runner, a child, cancels its jobs as it goes

}  // namespace facet::app
