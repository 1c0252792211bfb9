// MainWindow: loading the models off the GUI thread, the status bar's model and device names, and turning a W+
// code into the face being edited.
#include <QCoreApplication>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QPointer>
#include <QStatusBar>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include "app/editor/autosave.h"
#include "app/editor/generator_backend.h"
#include "app/editor/render_controller.h"
#include "core/io/error.h"
#include "core/models/device.h"
#include "ui/attribute_catalogue.h"
#include "ui/charts_panel.h"
#include "ui/main_window.h"
#include "ui/preview_widget.h"

namespace facet::ui {

namespace {
using ModelsPtr = std::shared_ptr<const models::ModelSet>;

// Runs on a pool thread: the networks never load on the GUI thread.
struct LoadOutcome {
  ModelsPtr models;
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
      statusBar()->showMessage(tr("No generator loaded: %1").arg(outcome.error));
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
    }
    return outcome;
  }));
}

void MainWindow::onModelsLoaded(std::shared_ptr<const models::ModelSet> models) {
  models_ = std::move(models);
  // The "linear" badges follow the transformers now known; the values stay.
  const std::vector<float> alphas = sliders_->alphas();
  const std::vector<float> committed = committed_;
  sliders_->setAttributes(celebaSlots(models_->editor.get()));
  setEditedLayersCount(static_cast<int>(models_->generator->n_latent()));
  if (alphas.size() == static_cast<size_t>(sliders_->attributeCount())) sliders_->setAlphas(alphas);
  committed_ = committed;
  updateModelStatus();
  QString message = tr("Models loaded.");
  if (!models_->notes.empty()) message += " " + QString::fromStdString(models_->notes.front());
  statusBar()->showMessage(message);
  if (wplus_.defined()) {
    const auto photo = photo_;
    const FaceOrigin origin = faceOrigin_;
    setFace(wplus_, currentPath_);  // the same face on the new models: it keeps its photo and where it came from
    if (wplus_.defined()) {
      photo_ = photo;
      faceOrigin_ = origin;
    }
  } else if (!currentPath_.isEmpty() && !hasPhotoFace())
    findFaces(currentPath_);  // a photo opened while the models were loading: embed its face now
  Q_EMIT modelsLoaded(true);
}

void MainWindow::updateModelStatus() {
  if (!models_) {
    modelsLabel_->setText(tr("models: none (Tools ▸ Models)"));
    deviceLabel_->setText(tr("device: cpu"));
    return;
  }
  int transformers = 0;
  for (int k = 0; k < 40; ++k) transformers += models_->editor->has_transformer(k) ? 1 : 0;
  QStringList parts;
  // (Qt's arg() reads "²" after a placeholder as a digit, so the size is appended, not substituted.)
  parts << QFileInfo(QString::fromStdString(models_->files.generator)).fileName() + " " +
               QString::number(models_->generator->size()) + QChar(0x00B2);
  if (models_->classifier) parts << tr("classifier");
  parts << (transformers == 1 ? tr("1 transformer") : tr("%1 transformers").arg(transformers));
  if (models_->analyzer) parts << tr("face-api");
  if (models_->encoder) parts << tr("encoder");
  modelsLabel_->setText(parts.join(" · "));
  QStringList files;
  for (const std::string& f : {models_->files.generator, models_->files.classifier, models_->files.transformers_dir,
                               models_->files.face_api_dir, models_->files.encoder})
    if (!f.empty()) files << QString::fromStdString(f);
  modelsLabel_->setToolTip(files.join('\n'));
  deviceLabel_->setText(tr("device: %1").arg(QString::fromStdString(facet::models::describe_device(models_->device))));
}

void MainWindow::setFace(const torch::Tensor& wplus, const QString& photoPath) {
  if (!models_) {
    statusBar()->showMessage(tr("No generator is loaded. Open Tools ▸ Models to install or locate one."));
    return;
  }
  try {
    app::GeneratorBackend::Options options;
    options.preview_size = previewSize_;
    auto backend = std::make_unique<app::GeneratorBackend>(models_, wplus, options);
    wplus_ = wplus.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    if (wplus_.dim() == 2) wplus_ = wplus_.unsqueeze(0);
    currentPath_ = photoPath;
    faceOrigin_ = {photoPath.isEmpty() ? QString() : QFileInfo(photoPath).absoluteFilePath(), QString(), 0};
    photo_.reset();  // a new face: any photo paste-back no longer applies (setPhotoFaceWplus sets it again)
    charts_->clear();
    setRenderBackend(std::move(backend));
    autosaver_->markChanged();
    Q_EMIT faceChanged();
  } catch (const std::exception& e) {
    statusBar()->showMessage(QString::fromStdString(e.what()));
  }
}

void MainWindow::sampleRandomFace(uint64_t seed) {
  if (!models_) {
    statusBar()->showMessage(tr("No generator is loaded. Open Tools ▸ Models to install or locate one."));
    return;
  }
  statusBar()->showMessage(tr("Sampling a face (seed %1)…").arg(seed));
  auto* watcher = new QFutureWatcher<torch::Tensor>(this);
  connect(watcher, &QFutureWatcher<torch::Tensor>::finished, this, [this, watcher, seed] {
    const torch::Tensor w = watcher->result();
    watcher->deleteLater();
    setFace(w);
    statusBar()->showMessage(tr("Random face, seed %1").arg(seed));
  });
  const ModelsPtr models = models_;
  watcher->setFuture(QtConcurrent::run([models, seed] {
    torch::InferenceMode guard;
    auto generator = at::make_generator<at::CPUGeneratorImpl>(seed);
    const torch::Tensor z = torch::randn({1, models->generator->style_dim()}, generator, torch::kFloat32);
    const torch::Tensor w = models->generator->mapping(z.to(models->device));
    return models->generator->to_wplus(w, 0.7).to(torch::kCPU).clone();
  }));
}

}  // namespace facet::ui
