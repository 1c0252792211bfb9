// MainWindow: the File menu — opening photos, W+ codes and sessions (menu, recent files, drag and drop),
// saving sessions, export, and restoring an autosave after a crash.
#include <QAction>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageReader>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QRandomGenerator>
#include <QSettings>
#include <QStatusBar>
#include <QUndoStack>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <torch/torch.h>

#include "app/editor/autosave.h"
#include "app/editor/generator_backend.h"
#include "app/editor/image_export.h"
#include "app/editor/layer_mask.h"
#include "app/editor/render_controller.h"
#include "core/io/error.h"
#include "core/edit/attributes.h"
#include "core/io/npy.h"
#include "ui/main_window.h"
#include "ui/preview_widget.h"
#ifdef FACET_WITH_VISION
#include "app/editor/timeline_model.h"
#include "ui/timeline_panel.h"
#endif

namespace facet::ui {

namespace {
constexpr int kMaxRecent = 8;
QString imageFilter() { return MainWindow::tr("Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)"); }
}  // namespace

void MainWindow::buildFileMenu(QMenu* file) {
  QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::showOpenDialog);
  open->setShortcut(QKeySequence::Open);
  recentMenu_ = file->addMenu(tr("Open &recent"));
  rebuildRecentMenu();
  QAction* sample = file->addAction(tr("Open sam&ple photo"), this, &MainWindow::openSamplePhoto);
  sample->setObjectName("openSampleAction");
  sample->setToolTip(tr("The bundled public-domain astronaut portrait (NASA)"));
  QAction* wplus = file->addAction(tr("Open &W+ code (.npy)…"), this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open W+ code"), {}, tr("NumPy arrays (*.npy)"));
    if (!path.isEmpty()) openWplus(path);
  });
  wplus->setObjectName("openWplusAction");
  QAction* random = file->addAction(tr("Random &face from the generator"), this,
                                    [this] { sampleRandomFace(QRandomGenerator::global()->generate()); });
  random->setObjectName("randomFaceAction");
  random->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
  file->addSeparator();
  QAction* openSessionAction = file->addAction(tr("Open &session…"), this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open session"), {}, tr("Facet sessions (*.facet)"));
    if (!path.isEmpty()) openSession(path);
  });
  openSessionAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
  QAction* save = file->addAction(tr("&Save session…"), this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save session"), {}, tr("Facet sessions (*.facet)"));
    if (!path.isEmpty()) saveSessionTo(path.endsWith(".facet") ? path : path + ".facet");
  });
  save->setShortcut(QKeySequence::Save);
  file->addSeparator();
  QMenu* exportMenu = file->addMenu(tr("&Export"));
  QAction* exportImage = exportMenu->addAction(tr("Edited &image…"), this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export edited image"), {}, imageFilter());
    if (!path.isEmpty()) exportEdited(path);
  });
  exportImage->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  exportMenu->addAction(tr("Edited &aligned face…"), this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the edited aligned face"), {}, imageFilter());
    if (!path.isEmpty()) exportAlignedFace(path);
  });
  exportMenu->addAction(tr("&Before and after side by side…"), this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export side by side"), {}, imageFilter());
    if (!path.isEmpty()) exportSideBySide(path);
  });
  exportMenu->addAction(tr("Edited &W+ code (.npy)…"), this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export W+ code"), {}, tr("NumPy arrays (*.npy)"));
    if (!path.isEmpty()) exportWplus(path.endsWith(".npy") ? path : path + ".npy");
  });
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
  quit->setShortcut(QKeySequence::Quit);
}

void MainWindow::showOpenDialog() {
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Open"), QString(),
      tr("Photos, W+ codes and sessions (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff *.npy *.facet)"));
  if (!path.isEmpty()) openAny(path);
}

void MainWindow::openAny(const QString& path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == "facet")
    openSession(path);
  else if (suffix == "npy")
    openWplus(path);
  else
    openPhoto(path);
}

void MainWindow::openPhoto(const QString& path) {
  QImageReader reader(path);
  reader.setAutoTransform(true);  // honour EXIF orientation
  const QImage image = reader.read();
  if (image.isNull()) {
    const QString message = tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), reader.errorString());
    statusBar()->showMessage(message);
    return;
  }
  currentPath_ = path;
  wplus_ = torch::Tensor();
  undo_->clear();
  preview_->clear({});
  preview_->setImage(image);
  addRecentFile(path);
  photo_.reset();
  statusBar()->showMessage(tr("Opened %1 (%2×%3)").arg(QFileInfo(path).fileName()).arg(image.width()).arg(image.height()));
  findFaces(path);  // a no-op in builds without core/face
}

bool MainWindow::openWplus(const QString& path) {
  try {
    torch::Tensor w = io::read_npy(QFile::encodeName(path).toStdString()).to(torch::kFloat32);
    if (w.dim() == 3 && w.size(0) > 1) w = w.slice(0, 0, 1);  // a batch: its first code
    if (!models_) throw Error(tr("No generator is loaded. Open Tools ▸ Models to install or locate one.").toStdString());
    setFace(w);
    if (!wplus_.defined()) return false;
    addRecentFile(path);
    statusBar()->showMessage(tr("Opened W+ code %1").arg(QFileInfo(path).fileName()));
    return true;
  } catch (const std::exception& e) {
    statusBar()->showMessage(tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), QString::fromStdString(e.what())));
    return false;
  }
}

std::optional<app::SessionWithCode> MainWindow::currentSession() const {
  if (!wplus_.defined()) return std::nullopt;
  app::SessionWithCode out;
  out.session.photoPath = faceOrigin_.photoPath;
  out.session.photoSha256 = faceOrigin_.photoSha256;
  out.session.faceIndex = faceOrigin_.faceIndex;
  if (!out.session.photoPath.isEmpty() && out.session.photoSha256.isEmpty()) {
    try {
      out.session.photoSha256 = app::sha256OfFile(out.session.photoPath);
    } catch (const facet::Error&) {
    }
  }
  out.session.alphas = sliders_->alphas();
  for (const edit::Attribute& a : edit::celeba_attributes()) out.session.attributeIds << QString::fromStdString(a.id);
  if (out.session.attributeIds.size() != static_cast<int>(out.session.alphas.size())) out.session.attributeIds.clear();
  if (models_)
    for (const std::string& id : models::model_ids(models_->files)) out.session.modelIds << QString::fromStdString(id);
  out.wplus = wplus_;
  if (models_) {
    const std::vector<bool> layers = editedLayers();
    if (app::layerPresetOf(layers, models_->generator->n_latent()) != app::LayerPreset::Default)
      out.session.editedLayers = layers;  // the default (0–10) is left out, as older sessions have it
  }
  out.session.textSliders = textSessionSliders();
#ifdef FACET_WITH_VISION
  if (const auto* timeline = findChild<TimelinePanel*>()) out.session.timeline = timeline->model()->toJson();
#endif
  return out;
}

bool MainWindow::saveSessionTo(const QString& path) {
  const auto session = currentSession();
  if (!session) {
    statusBar()->showMessage(tr("Nothing to save: open a photo, a W+ code or a random face first."));
    return false;
  }
  try {
    app::saveSessionFiles(path, session->session, session->wplus);
    addRecentFile(path);
    statusBar()->showMessage(tr("Saved session %1").arg(QFileInfo(path).fileName()));
    return true;
  } catch (const std::exception& e) {
    statusBar()->showMessage(tr("Cannot save the session: %1").arg(QString::fromStdString(e.what())));
    return false;
  }
}

namespace {
// Brings a session's α values into the window's catalogue order by attribute id (older catalogues may differ).
std::vector<float> alphasInCatalogueOrder(const app::Session& session, int count) {
  std::vector<float> alphas(static_cast<size_t>(count), 0.f);
  const auto& catalogue = edit::celeba_attributes();
  for (int i = 0; i < static_cast<int>(session.alphas.size()); ++i) {
    int index = i;
    if (!session.attributeIds.isEmpty()) {
      index = -1;
      for (const auto& a : catalogue)
        if (QString::fromStdString(a.id) == session.attributeIds[i]) index = a.index;
    }
    if (index >= 0 && index < count) alphas[static_cast<size_t>(index)] = session.alphas[static_cast<size_t>(i)];
  }
  return alphas;
}
}  // namespace

bool MainWindow::openSession(const QString& path) {
  try {
    const app::SessionWithCode loaded = app::loadSessionFiles(path);
    if (!loaded.wplus.defined())
      throw Error(tr("this session holds no W+ code (the face was never embedded)").toStdString());
    if (!models_) throw Error(tr("No generator is loaded. Open Tools ▸ Models to install or locate one.").toStdString());
    const std::vector<float> alphas = alphasInCatalogueOrder(loaded.session, sliders_->attributeCount());
    sliders_->setAlphas(alphas);
    committed_ = alphas;
    restoreTextSliders(loaded.session);  // before the face, so its first render has them
    undo_->clear();
    const auto& layers = loaded.session.editedLayers;
    if (!layers.empty() && static_cast<int64_t>(layers.size()) != models_->generator->n_latent())
      throw Error(tr("its layer mask has %1 layers; the loaded generator has %2")
                      .arg(layers.size()).arg(models_->generator->n_latent()).toStdString());
    setEditedLayers(layers.empty() ? app::layerPresetMask(app::LayerPreset::Default, models_->generator->n_latent())
                                   : layers);
    setFace(loaded.wplus, loaded.session.photoPath);
    if (!wplus_.defined()) return false;
    faceOrigin_ = {loaded.session.photoPath, loaded.session.photoSha256, loaded.session.faceIndex};
#ifdef FACET_WITH_VISION
    if (auto* timeline = findChild<TimelinePanel*>()) timeline->model()->fromJson(loaded.session.timeline);
#endif
    addRecentFile(path);
    QString message = tr("Opened session %1").arg(QFileInfo(path).fileName());
    if (!loaded.session.photoPath.isEmpty()) {
      if (app::sessionPhotoMatches(loaded.session)) {
        // The photo is as it was: find its face again and align it, so previews and exports paste back. The
        // saved W+ is used as it is (no re-embedding).
        restorePhotoFace(loaded.session.photoPath, loaded.session.faceIndex);
        message += " — " + tr("finding face %1 in %2…").arg(loaded.session.faceIndex + 1)
                               .arg(QFileInfo(loaded.session.photoPath).fileName());
      } else {
        message += " — " + tr("its photo %1 is missing or has changed; editing the saved W+ code alone")
                               .arg(loaded.session.photoPath);
      }
    }
    statusBar()->showMessage(message);
    return true;
  } catch (const std::exception& e) {
    statusBar()->showMessage(tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), QString::fromStdString(e.what())));
    return false;
  }
}

void MainWindow::offerAutosaveRestore() {
  if (!autosaver_->hasRecoverable()) return;
  const auto answer = QMessageBox::question(
      this, tr("Restore unsaved work?"),
      tr("Facet did not close normally last time. Restore the edit it was working on?"),
      QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
  if (answer == QMessageBox::Yes)
    restoreAutosave();
  else
    autosaver_->discard();
}

bool MainWindow::restoreAutosave() {
  if (!openSession(autosaver_->sessionPath())) return false;
  statusBar()->showMessage(tr("Restored the autosaved edit."));
  return true;
}

namespace {
bool fullResultIsCurrent(const app::RenderResult& result, const app::RenderController& renderer) {
  return result.ok() && result.quality == app::RenderQuality::Full && result.sequence == renderer.lastSubmitted();
}
}  // namespace

bool MainWindow::exportRendered(const QString& path, int quality, std::function<QImage()> image, bool needsBefore) {
  if (!fullResultIsCurrent(lastResult_, *renderer_) || (needsBefore && lastResult_.before.isNull())) {
    statusBar()->showMessage(tr("The full-size image is still rendering; export again in a moment."));
    return false;
  }
  app::ImageExportOptions options;
  options.quality = quality;
  options.sourcePath = currentPath_;
  try {
    app::checkExportPath(path, options);
  } catch (const std::exception& e) {
    statusBar()->showMessage(QString::fromStdString(e.what()));
    return false;
  }
  statusBar()->showMessage(tr("Exporting %1…").arg(QFileInfo(path).fileName()));
  auto* watcher = new QFutureWatcher<QString>(this);
  connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
    finishExport(path, watcher->result());
    watcher->deleteLater();
  });
  watcher->setFuture(QtConcurrent::run([image = std::move(image), path, options]() -> QString {
    try {
      app::exportImage(image(), path, options);
      return {};
    } catch (const std::exception& e) {
      return QString::fromStdString(e.what());
    }
  }));
  return true;
}

void MainWindow::finishExport(const QString& path, const QString& error) {
  statusBar()->showMessage(error.isEmpty() ? tr("Exported %1").arg(QFileInfo(path).fileName()) : error);
  Q_EMIT exportFinished(path, error.isEmpty());
}

bool MainWindow::exportEdited(const QString& path, int quality) {
  // A photo's face goes back into the photo at its original resolution; otherwise the face as generated.
  const QImage generated = lastResult_.image;
  const auto paste = pasteBackJob();
  return exportRendered(path, quality, [generated, paste] { return paste ? paste(generated) : generated; });
}

bool MainWindow::exportAlignedFace(const QString& path, int quality) {
  const QImage generated = lastResult_.image;
  return exportRendered(path, quality, [generated] { return generated; });
}

bool MainWindow::exportSideBySide(const QString& path, int quality) {
  const QImage before = lastResult_.before, after = lastResult_.image;
  return exportRendered(path, quality, [before, after] { return app::sideBySide(before, after); }, /*needsBefore=*/true);
}

bool MainWindow::exportWplus(const QString& path) {
  if (!wplus_.defined() || !models_) {
    statusBar()->showMessage(tr("Nothing to export: open a face first."));
    return false;
  }
  if (!currentPath_.isEmpty() && QFileInfo(path).absoluteFilePath() == QFileInfo(currentPath_).absoluteFilePath()) {
    statusBar()->showMessage(tr("%1: will not overwrite the opened file").arg(currentPath_));
    return false;
  }
  // The edit stack runs on the models' device and the file is written on a pool thread.
  const auto models = models_;
  const torch::Tensor wplus = wplus_;
  const std::vector<float> alphas = sliders_->alphas();
  const std::vector<bool> layers = editedLayers();
  const auto text = renderer_->textEdits();  // latent text sliders are part of the W+
  statusBar()->showMessage(tr("Exporting %1…").arg(QFileInfo(path).fileName()));
  auto* watcher = new QFutureWatcher<QString>(this);
  connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
    finishExport(path, watcher->result());
    watcher->deleteLater();
  });
  watcher->setFuture(QtConcurrent::run([=]() -> QString {
    try {
      io::write_npy(QFile::encodeName(path).toStdString(), app::editedWplus(*models, wplus, alphas, layers, text));
      return {};
    } catch (const std::exception& e) {
      return QString::fromStdString(e.what());
    }
  }));
  return true;
}

void MainWindow::addRecentFile(const QString& path) {
  QSettings settings;
  QStringList recent = settings.value("recentFiles").toStringList();
  const QString absolute = QFileInfo(path).absoluteFilePath();
  recent.removeAll(absolute);
  recent.prepend(absolute);
  while (recent.size() > kMaxRecent) recent.removeLast();
  settings.setValue("recentFiles", recent);
  rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
  recentMenu_->clear();
  const QStringList recent = QSettings().value("recentFiles").toStringList();
  for (const QString& path : recent)
    recentMenu_->addAction(QFileInfo(path).fileName(), this, [this, path] { openAny(path); })->setToolTip(path);
  recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QList<QUrl> urls = event->mimeData()->urls();
  if (!urls.isEmpty() && urls.first().isLocalFile()) openAny(urls.first().toLocalFile());
}

}  // namespace facet::ui
