// MainWindow: the File menu — opening photos, W+ codes and sessions (menu, recent files, drag and drop),
// saving sessions, export, and restoring an autosave after a crash.
#include <QAction>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDir>
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

#include <torch/torch.h>

#include "app/editor/autosave.h"
#include "app/editor/edit_document.h"
#include "core/io/error.h"
#include "core/nn/stylegan2/wplus_file.h"
#include "ui/charts_panel.h"
#include "ui/main_window.h"
#include "ui/preview_widget.h"

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
  QAction* sample = file->addAction(tr("Open sam&ple photo"), this, [this] {
    if (settleUnsavedChanges()) openSamplePhoto();
  });
  sample->setObjectName("openSampleAction");
  sample->setToolTip(tr("The bundled public-domain astronaut portrait (NASA)"));
  QAction* wplus = file->addAction(tr("Open &W+ code (.npy)…"), this, [this] {
    if (!settleUnsavedChanges()) return;
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open W+ code"), suggestedPath(FileKind::Wplus), tr("NumPy arrays (*.npy)"));
    if (path.isEmpty()) return;
    rememberFolder(path);
    openWplus(path);
  });
  wplus->setObjectName("openWplusAction");
  QAction* random = file->addAction(tr("Random &face from the generator"), this, [this] {
    if (settleUnsavedChanges()) sampleRandomFace(QRandomGenerator::global()->generate());
  });
  random->setObjectName("randomFaceAction");
  random->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
  file->addSeparator();
  QAction* openSessionAction = file->addAction(tr("Open &session…"), this, [this] {
    if (!settleUnsavedChanges()) return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open session"), suggestedPath(FileKind::Session),
                                                      tr("Facet sessions (*.facet)"));
    if (path.isEmpty()) return;
    rememberFolder(path);
    openSession(path);
  });
  openSessionAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
  QAction* save = file->addAction(tr("&Save session…"), this, [this] {
    const QString path = askSavePath(FileKind::Session, tr("Save session"), tr("Facet sessions (*.facet)"));
    if (!path.isEmpty()) saveSessionTo(path.endsWith(".facet") ? path : path + ".facet");
  });
  save->setShortcut(QKeySequence::Save);
  file->addSeparator();
  QMenu* exportMenu = file->addMenu(tr("&Export"));
  QAction* exportImage = exportMenu->addAction(tr("Edited &image…"), this, [this] {
    const QString path = askSavePath(FileKind::EditedImage, tr("Export edited image"), imageFilter());
    if (!path.isEmpty()) exportEdited(path);
  });
  exportImage->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  exportMenu->addAction(tr("Edited &aligned face…"), this, [this] {
    const QString path = askSavePath(FileKind::AlignedFace, tr("Export the edited aligned face"), imageFilter());
    if (!path.isEmpty()) exportAlignedFace(path);
  });
  exportMenu->addAction(tr("&Before and after side by side…"), this, [this] {
    const QString path = askSavePath(FileKind::SideBySide, tr("Export side by side"), imageFilter());
    if (!path.isEmpty()) exportSideBySide(path);
  });
  exportMenu->addAction(tr("Edited &W+ code (.npy)…"), this, [this] {
    const QString path = askSavePath(FileKind::Wplus, tr("Export W+ code"), tr("NumPy arrays (*.npy)"));
    if (!path.isEmpty()) exportWplus(path.endsWith(".npy") ? path : path + ".npy");
  });
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
  quit->setShortcut(QKeySequence::Quit);
}

QString MainWindow::suggestedPath(FileKind kind) const {
  // The file being edited names the folder and the stem; else the last folder a dialog used, else home.
  QString source = doc_->openedPath();
  if (source.isEmpty()) source = doc_->facePhotoPath();
  QString folder = source.isEmpty() ? QSettings().value("lastFolder").toString() : QFileInfo(source).absolutePath();
  if (folder.isEmpty() || !QFileInfo(folder).isDir()) folder = QDir::homePath();
  const QString stem = source.isEmpty() ? QStringLiteral("face") : QFileInfo(source).completeBaseName();
  const QString photoSuffix = [&] {
    const QString suffix = QFileInfo(source).suffix().toLower();
    return suffix == "png" ? QStringLiteral("png") : QStringLiteral("jpg");  // JPEG unless the source is PNG
  }();
  QString name;
  switch (kind) {
    case FileKind::EditedImage: name = stem + "-edited." + photoSuffix; break;
    case FileKind::AlignedFace: name = stem + "-aligned.png"; break;
    case FileKind::SideBySide: name = stem + "-before-after." + photoSuffix; break;
    case FileKind::Wplus: name = stem + "-edited.npy"; break;
    case FileKind::Session: name = stem + ".facet"; break;
  }
  return QDir(folder).filePath(name);
}

void MainWindow::rememberFolder(const QString& path) {
  QSettings().setValue("lastFolder", QFileInfo(path).absolutePath());
}

QString MainWindow::askSavePath(FileKind kind, const QString& title, const QString& filter) {
  const QString path = QFileDialog::getSaveFileName(this, title, suggestedPath(kind), filter);
  if (!path.isEmpty()) rememberFolder(path);
  return path;
}

bool MainWindow::settleUnsavedChanges() {
  if (!doc_->isModified()) return true;
  UnsavedChoice choice = UnsavedChoice::Cancel;
  if (unsavedPrompt_) {
    choice = unsavedPrompt_();
  } else {
    QMessageBox box(QMessageBox::Warning, tr("Unsaved edits"), tr("The edits to this face are not saved."),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setInformativeText(tr("Save them in a session, discard them, or go back to editing?"));
    box.setDefaultButton(QMessageBox::Save);
    const int answer = box.exec();
    choice = answer == QMessageBox::Save      ? UnsavedChoice::Save
             : answer == QMessageBox::Discard ? UnsavedChoice::Discard
                                              : UnsavedChoice::Cancel;
  }
  switch (choice) {
    case UnsavedChoice::Cancel:
      return false;
    case UnsavedChoice::Discard:
      doc_->autosaver()->discard();
      doc_->markSaved();
      return true;
    case UnsavedChoice::Save: {
      QString path = doc_->sessionPath();
      if (path.isEmpty()) path = askSavePath(FileKind::Session, tr("Save session"), tr("Facet sessions (*.facet)"));
      if (path.isEmpty()) return false;
      return saveSessionTo(path.endsWith(".facet") ? path : path + ".facet");
    }
  }
  return false;
}

void MainWindow::showOpenDialog() {
  if (!settleUnsavedChanges()) return;
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Open"), QFileInfo(suggestedPath(FileKind::Session)).absolutePath(),
      tr("Photos, W+ codes and sessions (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff *.npy *.facet)"));
  if (path.isEmpty()) return;
  rememberFolder(path);
  openAny(path);
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
    showProblem(tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), reader.errorString()));
    return;
  }
  currentPath_ = path;
  doc_->clearFace();
  doc_->setOpenedPath(path);
  updateEditingEnabled();
  charts_->clear();  // the numbers belonged to the previous face
  sliders_->setProbabilities({});
  preview_->clear({});
  preview_->setImage(image);
  addRecentFile(path);
  photo_.reset();
  statusBar()->showMessage(tr("Opened %1 (%2×%3)").arg(QFileInfo(path).fileName()).arg(image.width()).arg(image.height()));
  findFaces(path);  // a no-op in builds without core/face
}

bool MainWindow::openWplus(const QString& path) {
  try {
    if (!models()) throw Error(tr("No generator is loaded. Open Tools ▸ Models to install or locate one.").toStdString());
    // A batch gives its first code.
    if (!doc_->setFace(nn::read_wplus_file(QFile::encodeName(path).toStdString(), *models()->generator))) return false;
    photo_.reset();
    currentPath_.clear();
    doc_->setOpenedPath(path);
    session::OtherFace origin;
    origin.kind = "wplus";
    origin.path = QFileInfo(path).absoluteFilePath().toStdString();
    doc_->addRecentFace(app::otherFaceOf(origin, doc_->wplus()));
    addRecentFile(path);
    statusBar()->showMessage(tr("Opened W+ code %1").arg(QFileInfo(path).fileName()));
    return true;
  } catch (const std::exception& e) {
    showProblem(tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), QString::fromStdString(e.what())));
    return false;
  }
}

std::optional<app::SessionWithCode> MainWindow::currentSession() const { return doc_->session(); }

bool MainWindow::saveSessionTo(const QString& path) {
  if (!doc_->saveSession(path)) return false;
  addRecentFile(path);
  return true;
}

bool MainWindow::openSession(const QString& path) {
  app::SessionWithCode loaded;
  if (!doc_->openSession(path, &loaded)) return false;
  photo_.reset();
  currentPath_.clear();
  doc_->setOpenedPath(path);
  addRecentFile(path);
  QString message = tr("Opened session %1").arg(QFileInfo(path).fileName());
  if (!loaded.session.photoPath.isEmpty()) {
    if (app::sessionPhotoMatches(loaded.session)) {
      // The photo is as it was: find its face again and align it, so previews and exports paste back. The saved
      // W+ is used as it is (no re-embedding).
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
}

void MainWindow::offerAutosaveRestore() {
  if (!doc_->autosaver()->hasRecoverable()) return;
  const auto answer = QMessageBox::question(
      this, tr("Restore unsaved work?"),
      tr("Facet did not close normally last time. Restore the edit it was working on?"),
      QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
  if (answer == QMessageBox::Yes)
    restoreAutosave();
  else
    doc_->autosaver()->discard();
}

bool MainWindow::restoreAutosave() {
  if (!openSession(doc_->autosaver()->sessionPath())) return false;
  // The restored work is in no file of the user's: quitting asks again, and Save asks where.
  doc_->clearSessionPath();
  doc_->markModified();
  statusBar()->showMessage(tr("Restored the autosaved edit."));
  return true;
}

bool MainWindow::exportEdited(const QString& path, int quality) { return doc_->exportEdited(path, quality); }
bool MainWindow::exportAlignedFace(const QString& path, int quality) { return doc_->exportAlignedFace(path, quality); }
bool MainWindow::exportSideBySide(const QString& path, int quality) { return doc_->exportSideBySide(path, quality); }
bool MainWindow::exportWplus(const QString& path) { return doc_->exportWplus(path); }

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
    recentMenu_->addAction(QFileInfo(path).fileName(), this, [this, path] {
      if (settleUnsavedChanges()) openAny(path);
    })->setToolTip(path);
  recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QList<QUrl> urls = event->mimeData()->urls();
  if (!urls.isEmpty() && urls.first().isLocalFile() && settleUnsavedChanges()) openAny(urls.first().toLocalFile());
}

}  // namespace facet::ui
