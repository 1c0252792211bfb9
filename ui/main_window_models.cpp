// MainWindow: the model loader shown — progress and problems, the status bar's model and device names, the sliders'
// "linear" badges once the transformers are known.
#include <QLabel>
#include <QStatusBar>

#include "app/editor/edit_document.h"
#include "app/editor/editor.h"
#include "app/editor/model_loader.h"
#include "app/editor/open_workflow.h"
#include "ui/attribute_catalogue.h"
#include "ui/charts_panel.h"
#include "ui/main_window.h"
#include "ui/message_bar.h"

namespace facet::ui {

void MainWindow::connectModelLoader() {
  app::ModelLoader* loader = editor_->models();
  connect(loader, &app::ModelLoader::progress, this, [this](const QString& text) { statusBar()->showMessage(text); });
  connect(loader, &app::ModelLoader::loaded, this, [this](bool ok, const QString& error) {
    charts_->setFaceAnalysisAvailable(editor_->models()->analyzer() != nullptr);
    updateModelStatus();
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
}

void MainWindow::updateModelStatus() {
  modelsLabel_->setText(editor_->models()->modelsText());
  modelsLabel_->setToolTip(editor_->models()->modelsToolTip());
  deviceLabel_->setText(editor_->models()->deviceText());
}

}  // namespace facet::ui
