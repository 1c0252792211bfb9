// MainWindow: the photo workflow shown — the decoded photo, the aligned crop while it waits for a code, the faces
// boxed and read without a generator, the question which face, and the ways forward when something is missing.
#include <QFileInfo>
#include <QInputDialog>
#include <QStatusBar>

#include "app/editor/editor.h"
#include "app/editor/open_workflow.h"
#include "app/editor/photo_workflow.h"
#include "ui/charts_panel.h"
#include "ui/main_window.h"
#include "ui/message_bar.h"
#include "ui/preview_widget.h"

namespace facet::ui {

void MainWindow::connectPhotoWorkflow() {
  app::PhotoWorkflow* photos = editor_->photos();
  photos->setFaceChooser([this](const QVector<QRect>& boxes, const QString& question) {
    if (chooseFace_) return chooseFace_(static_cast<int>(boxes.size()));
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
  connect(photos, &app::PhotoWorkflow::message, this, [this](const QString& text) { statusBar()->showMessage(text); });
  connect(photos, &app::PhotoWorkflow::problem, this,
          [this](const QString& text, app::PhotoWorkflow::Remedy remedy) {
            showProblem(text, remedy != app::PhotoWorkflow::Remedy::None);
            if (remedy == app::PhotoWorkflow::Remedy::RefineOrChooseModels)
              messageBar_->setAction(tr("Refine from the average face"), [this] { editor_->photos()->refineFromAverage(); });
            if (remedy != app::PhotoWorkflow::Remedy::None)
              messageBar_->addAction(tr("Models…"), [this] { showModelManager(); });
          });
  connect(photos, &app::PhotoWorkflow::photoFaceRestored, this, &MainWindow::photoFaceRestored);
}

void MainWindow::openSamplePhoto() {
  const QString path = app::OpenWorkflow::samplePhotoPath();
  if (path.isEmpty())
    showProblem(tr("The sample photo astronaut.png is not installed next to Facet."));
  else
    editor_->files()->openPhoto(path);
}

}  // namespace facet::ui
