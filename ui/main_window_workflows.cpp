// MainWindow: the workflows shown — the model loader (progress, problems, the status bar's model and device names,
// the sliders' "linear" badges once the transformers are known) and the photo workflow (the decoded photo, the
// aligned crop while it waits for a code, the faces boxed and read without a generator, the question which face,
// and the ways forward when something is missing).
#include <QInputDialog>
#include <QStatusBar>

#include "app/editor/edit_document.h"
#include "app/editor/editor.h"
#include "app/editor/model_loader.h"
#include "app/editor/photo_workflow.h"
#include "ui/attribute_catalogue.h"
#include "ui/charts_panel.h"
#include "ui/main_window.h"
#include "ui/message_bar.h"
#include "ui/preview_widget.h"
#include "ui/status_corner.h"

namespace facet::ui {

void MainWindow::connectWorkflows() {
  app::ModelLoader* loader = editor_->models();
  connect(loader, &app::ModelLoader::loaded, this, [this](bool ok, const QString& error) {
    charts_->setFaceAnalysisAvailable(editor_->models()->analyzer() != nullptr);
    statusCorner_->showModels(editor_->models()->modelsText(), editor_->models()->modelsToolTip(),
                              editor_->models()->deviceText());
    updateEditingEnabled();
    if (!ok) {
      showProblem(tr("No generator loaded: %1").arg(error), /*warning=*/true);
      messageBar_->setAction(tr("Models…"), [this] { showModelManager(); });
      Q_EMIT modelsLoaded(false);
      return;
    }
    const auto models = doc_->models();
    // The "linear" badges follow the transformers now known; the values stay.
    sliders_->setAttributes(celebaSlots(models->editor.get()));
    sliders_->setAlphas(doc_->alphas());
    QString message = tr("Models loaded.");
    if (!models->notes.empty()) message += " " + QString::fromStdString(models->notes.front());
    statusBar()->showMessage(message);
    Q_EMIT modelsLoaded(true);
  });

  app::PhotoWorkflow* photos = editor_->photos();
  photos->setFaceChooser([this](const QVector<QRect>& boxes, const QString& question) {
    QStringList items;
    for (const QRect& b : boxes)
      items << tr("Face %1 (%2×%3 at %4, %5)").arg(items.size() + 1).arg(b.width()).arg(b.height()).arg(b.x()).arg(b.y());
    bool ok = false;
    const QString item = QInputDialog::getItem(this, tr("Choose a face"), question, items, 0, false, &ok);
    return ok ? static_cast<int>(items.indexOf(item)) : -1;
  });
  connect(photos, &app::PhotoWorkflow::photoShown, this, [this](const QImage& photo) {
    charts_->clear();  // the numbers belonged to the previous face
    sliders_->setProbabilities({});
    preview_->clear({});
    preview_->setImage(photo);
    updateEditingEnabled();
  });
  connect(photos, &app::PhotoWorkflow::alignedShown, preview_, &PreviewWidget::setImage);
  connect(photos, &app::PhotoWorkflow::facesMarked, preview_, &PreviewWidget::setFaceMarks);
  connect(photos, &app::PhotoWorkflow::facesAnalyzed, this, [this](const std::vector<app::AnalyzedFace>& faces) {
    charts_->showPhotoFaces(faces);
    Q_EMIT photoFacesAnalyzed();
  });
  connect(photos, &app::PhotoWorkflow::problem, this,
          [this](const QString& text, app::PhotoWorkflow::Remedy remedy) {
            showProblem(text, remedy != app::PhotoWorkflow::Remedy::None);
            if (remedy == app::PhotoWorkflow::Remedy::RefineOrChooseModels)
              messageBar_->setAction(tr("Refine from the average face"), [this] { editor_->photos()->refineFromAverage(); });
            if (remedy != app::PhotoWorkflow::Remedy::None)
              messageBar_->addAction(tr("Models…"), [this] { showModelManager(); });
          });
  connect(photos, &app::PhotoWorkflow::photoFaceRestored, this, &MainWindow::photoFaceRestored);
  connect(photos, &app::PhotoWorkflow::photoFaceRestored, this, &MainWindow::updateEditingEnabled);  // tuning
}

}  // namespace facet::ui
