// MainWindow: loading the models off the GUI thread (handed to the document), the status bar's model and device
// names, and random faces sampled from the generator.
#include <QCoreApplication>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QPointer>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include "app/editor/edit_document.h"
#include "core/io/error.h"
#include "core/models/device.h"
#include "ui/attribute_catalogue.h"
#include "ui/charts_panel.h"
#include "ui/main_window.h"
#include "ui/message_bar.h"
#include "ui/preview_widget.h"

namespace facet::ui {

namespace {
using ModelsPtr = std::shared_ptr<const models::ModelSet>;

// Runs on a pool thread: the networks never load on the GUI thread.
struct LoadOutcome {
  ModelsPtr models;
  std::shared_ptr<const nn::FaceAnalyzer> analyzer;  // without a generator: face-api alone, when installed
  QString error;
};
}  // namespace

void MainWindow::loadModels(const models::ModelFiles& files) {
  if (loadingModels_) return;
  loadingModels_ = true;
  statusBar()->showMessage(tr("Loading models…"));
  auto* watcher = new QFutureWatcher<LoadOutcome>(this);
  connect(watcher, &QFutureWatcher<LoadOutcome>::finished, this, [this, watcher] {
    const LoadOutcome outcome = watcher->result();
    watcher->deleteLater();
    loadingModels_ = false;
    if (!outcome.models) {
      analyzer_ = outcome.analyzer;
      charts_->setFaceAnalysisAvailable(analyzer_ != nullptr);
      showProblem(tr("No generator loaded: %1").arg(outcome.error), /*warning=*/true);
      messageBar_->setAction(tr("Models…"), [this] { showModelManager(); });
      updateModelStatus();
      Q_EMIT modelsLoaded(false);
      return;
    }
    onModelsLoaded(outcome.models);
  });
  QPointer<MainWindow> self(this);
  watcher->setFuture(QtConcurrent::run([files, self] {
    LoadOutcome outcome;
    try {
      outcome.models = models::load_model_set(files, [self](const std::string& what) {
        const QString text = tr("Loading %1…").arg(QString::fromStdString(what));
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, text] {
          if (self) self->statusBar()->showMessage(text);
        });
      });
    } catch (const std::exception& e) {
      outcome.error = QString::fromStdString(e.what());
      // Without a generator, photos are still read with face-api when its networks are installed.
      try {
        const std::string dir =
            files.face_api_dir.empty() ? models::find_role_file(models::Role::FaceApi) : files.face_api_dir;
        if (!dir.empty()) outcome.analyzer = models::load_face_analyzer(dir, torch::kCPU);
      } catch (const std::exception&) {
        // Broken face-api files: the Models dialog says which; the editor goes on without analysis.
      }
    }
    return outcome;
  }));
}

void MainWindow::onModelsLoaded(std::shared_ptr<const models::ModelSet> models) {
  analyzer_ = models->analyzer;
  charts_->setFaceAnalysisAvailable(analyzer_ != nullptr);
  // The "linear" badges follow the transformers now known; the values stay.
  sliders_->setAttributes(celebaSlots(models->editor.get()));
  sliders_->setAlphas(doc_->alphas());
  doc_->setModels(models);  // the face being edited, if any, is set again on them
  updateModelStatus();
  updateEditingEnabled();
  QString message = tr("Models loaded.");
  if (!models->notes.empty()) message += " " + QString::fromStdString(models->notes.front());
  statusBar()->showMessage(message);
  if (!doc_->hasFace() && !currentPath_.isEmpty() && !hasPhotoFace())
    findFaces(currentPath_);  // a photo opened while the models were loading: embed its face now
  Q_EMIT modelsLoaded(true);
}

void MainWindow::updateModelStatus() {
  const auto loaded = doc_->models();
  if (!loaded) {
    modelsLabel_->setText(analyzer_ ? tr("models: face-api only (Tools ▸ Models)") : tr("models: none (Tools ▸ Models)"));
    deviceLabel_->setText(tr("device: cpu"));
    return;
  }
  int transformers = 0;
  for (int k = 0; k < 40; ++k) transformers += loaded->editor->has_transformer(k) ? 1 : 0;
  QStringList parts;
  // (Qt's arg() reads "²" after a placeholder as a digit, so the size is appended, not substituted.)
  parts << QFileInfo(QString::fromStdString(loaded->files.generator)).fileName() + " " +
               QString::number(loaded->generator->size()) + QChar(0x00B2);
  if (loaded->classifier) parts << tr("classifier");
  parts << (transformers == 1 ? tr("1 transformer") : tr("%1 transformers").arg(transformers));
  if (loaded->analyzer) parts << tr("face-api");
  if (loaded->encoder) parts << tr("encoder");
  modelsLabel_->setText(parts.join(" · "));
  QStringList files;
  for (const std::string& f : {loaded->files.generator, loaded->files.classifier, loaded->files.transformers_dir,
                               loaded->files.face_api_dir, loaded->files.encoder})
    if (!f.empty()) files << QString::fromStdString(f);
  modelsLabel_->setToolTip(files.join('\n'));
  deviceLabel_->setText(tr("device: %1").arg(QString::fromStdString(facet::models::describe_device(loaded->device))));
}

void MainWindow::setFace(const torch::Tensor& wplus, const QString& photoPath) {
  if (!doc_->setFace(wplus)) return;
  photo_.reset();
  currentPath_ = photoPath;
  if (!photoPath.isEmpty()) doc_->setFaceOrigin(photoPath, {}, 0);
}

void MainWindow::sampleRandomFace(uint64_t seed) {
  const ModelsPtr models = doc_->models();
  if (!models) {
    statusBar()->showMessage(tr("No generator is loaded. Open Tools ▸ Models to install or locate one."));
    return;
  }
  statusBar()->showMessage(tr("Sampling a face (seed %1)…").arg(seed));
  auto* watcher = new QFutureWatcher<torch::Tensor>(this);
  connect(watcher, &QFutureWatcher<torch::Tensor>::finished, this, [this, watcher, seed] {
    const torch::Tensor w = watcher->result();
    watcher->deleteLater();
    if (!doc_->setFace(w)) return;
    photo_.reset();
    currentPath_.clear();
    doc_->setOpenedPath({});
    session::OtherFace origin;
    origin.kind = "random";
    origin.seed = seed;
    doc_->addRecentFace(app::otherFaceOf(origin, doc_->wplus()));
    statusBar()->showMessage(tr("Random face, seed %1").arg(seed));
  });
  watcher->setFuture(QtConcurrent::run([models, seed] { return app::randomFaceCode(*models->generator, seed); }));
}

}  // namespace facet::ui
