#include "app/editor/editor.h"

#include "app/editor/edit_document.h"
#include "app/editor/job_runner.h"
#include "app/editor/model_loader.h"
#include "app/editor/open_workflow.h"
#include "app/editor/photo_workflow.h"
#include "app/editor/text_workflow.h"
#include "app/editor/two_face_workflow.h"

namespace facet::app {

Editor::Editor(int attributeCount, QObject* parent, const QString& autosaveDir) : QObject(parent) {
  jobs_ = new JobRunner(this);
  document_ = new EditDocument(attributeCount, this, autosaveDir, jobs_);
  models_ = new ModelLoader(document_, jobs_, this);
  photos_ = new PhotoWorkflow(document_, jobs_, this);
  files_ = new OpenWorkflow(document_, jobs_, photos_, this);
  twoFaces_ = new TwoFaceWorkflow(document_, jobs_, photos_, this);
  text_ = new TextWorkflow(document_, this);
  // A photo opened while the models loaded has its face embedded once they are in; face-api reads photos without
  // a generator.
  connect(models_, &ModelLoader::loaded, photos_, [this](bool ok) {
    photos_->setAnalyzer(models_->analyzer());
    if (ok) photos_->continueWithModels();
  });
}

Editor::~Editor() {
  jobs_->cancelAll();
}

}  // namespace facet::app
