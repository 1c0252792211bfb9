// MainWindow: the File menu — opening photos, W+ codes and sessions (menu, recent files, drag and drop),
// saving sessions, export, and restoring an autosave after a crash.
#include <QAction>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDir>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QRandomGenerator>
#include <QSettings>
#include <QStatusBar>

#include "app/editor/autosave.h"
#include "app/editor/edit_document.h"
#include "app/editor/editor.h"
#include "app/editor/open_workflow.h"
#include "ui/main_window.h"
#include "ui/menu_entries.h"

namespace facet::ui {

void MainWindow::buildFileMenu(QMenu* file) {
  const QString npy = tr("NumPy arrays (*.npy)"), sessions = tr("Facet sessions (*.facet)");
  addEntries(file, this, {{tr("&Open…"), QKeySequence::Open, nullptr, [this] { showOpenDialog(); }}});
  recentMenu_ = file->addMenu(tr("Open &recent"));
  rebuildRecentMenu();
  const QList<QAction*> opens = addEntries(file, this, {
      {tr("Open sam&ple photo"), {}, "openSampleAction", [this] {
         if (settleUnsavedChanges()) openSamplePhoto();
       }},
      {tr("Open &W+ code (.npy)…"), {}, "openWplusAction", [this, npy] {
         const QString path = askOpenPath(FileKind::Wplus, tr("Open W+ code"), npy);
         if (!path.isEmpty()) editor_->files()->openWplus(path);
       }},
      {tr("Random &face from the generator"), QKeySequence(Qt::CTRL | Qt::Key_G), "randomFaceAction", [this] {
         if (settleUnsavedChanges()) editor_->files()->randomFace(QRandomGenerator::global()->generate());
       }},
      {},
      {tr("Open &session…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), nullptr, [this, sessions] {
         const QString path = askOpenPath(FileKind::Session, tr("Open session"), sessions);
         if (!path.isEmpty()) editor_->files()->openSession(path);
       }},
      {tr("&Save session…"), QKeySequence::Save, nullptr, [this, sessions] {
         const QString path = askSavePath(FileKind::Session, tr("Save session"), sessions);
         if (!path.isEmpty()) editor_->files()->saveSession(path);
       }},
      {}});
  opens.first()->setToolTip(tr("The bundled public-domain astronaut portrait (NASA)"));
  const QString images = tr("Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)");
  // Each export asks where (never over the opened file) and writes off the GUI thread.
  const auto exportAs = [this](FileKind kind, const QString& title, const QString& filter,
                               bool (app::EditDocument::*write)(const QString&, int)) {
    const QString path = askSavePath(kind, title, filter);
    if (!path.isEmpty()) (doc_->*write)(path, 95);
  };
  addEntries(file->addMenu(tr("&Export")), this, {
      {tr("Edited &image…"), QKeySequence(Qt::CTRL | Qt::Key_E), nullptr, [exportAs, images] {
         exportAs(FileKind::EditedImage, tr("Export edited image"), images, &app::EditDocument::exportEdited);
       }},
      {tr("Edited &aligned face…"), {}, nullptr, [exportAs, images] {
         exportAs(FileKind::AlignedFace, tr("Export the edited aligned face"), images, &app::EditDocument::exportAlignedFace);
       }},
      {tr("&Before and after side by side…"), {}, nullptr, [exportAs, images] {
         exportAs(FileKind::SideBySide, tr("Export side by side"), images, &app::EditDocument::exportSideBySide);
       }},
      {tr("Edited &W+ code (.npy)…"), {}, nullptr, [this, npy] {
         const QString path = askSavePath(FileKind::Wplus, tr("Export W+ code"), npy);
         if (!path.isEmpty()) doc_->exportWplus(path.endsWith(".npy") ? path : path + ".npy");
       }}});
  addEntries(file, this, {{}, {tr("&Quit"), QKeySequence::Quit, nullptr, [] { QApplication::closeAllWindows(); }}});
}

QString MainWindow::askOpenPath(FileKind kind, const QString& title, const QString& filter) {
  if (!settleUnsavedChanges()) return {};
  const QString path = QFileDialog::getOpenFileName(this, title, editor_->files()->suggestedPath(kind), filter);
  return path.isEmpty() ? path : app::OpenWorkflow::rememberFolder(path);
}

QString MainWindow::askSavePath(FileKind kind, const QString& title, const QString& filter) {
  const QString path = QFileDialog::getSaveFileName(this, title, editor_->files()->suggestedPath(kind), filter);
  if (!path.isEmpty()) app::OpenWorkflow::rememberFolder(path);
  return path;
}

bool MainWindow::settleUnsavedChanges() { return editor_->files()->settleUnsavedChanges(); }

app::OpenWorkflow::UnsavedChoice MainWindow::askUnsavedChoice() {
  if (unsavedPrompt_) return unsavedPrompt_();
  QMessageBox box(QMessageBox::Warning, tr("Unsaved edits"), tr("The edits to this face are not saved."),
                  QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
  box.setInformativeText(tr("Save them in a session, discard them, or go back to editing?"));
  box.setDefaultButton(QMessageBox::Save);
  const int answer = box.exec();
  return answer == QMessageBox::Save      ? UnsavedChoice::Save
         : answer == QMessageBox::Discard ? UnsavedChoice::Discard
                                          : UnsavedChoice::Cancel;
}

void MainWindow::showOpenDialog() {
  if (!settleUnsavedChanges()) return;
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Open"), QFileInfo(editor_->files()->suggestedPath(FileKind::Session)).absolutePath(),
      tr("Photos, W+ codes and sessions (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff *.npy *.facet)"));
  if (path.isEmpty()) return;
  editor_->files()->openAny(app::OpenWorkflow::rememberFolder(path));
}


void MainWindow::offerAutosaveRestore() {
  if (!doc_->autosaver()->hasRecoverable()) return;
  const auto answer = QMessageBox::question(
      this, tr("Restore unsaved work?"),
      tr("Facet did not close normally last time. Restore the edit it was working on?"),
      QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
  if (answer == QMessageBox::Yes)
    editor_->files()->restoreAutosave();
  else
    doc_->autosaver()->discard();
}

void MainWindow::rebuildRecentMenu() {
  recentMenu_->clear();
  const QStringList recent = app::OpenWorkflow::recentFiles();
  for (const QString& path : recent)
    recentMenu_->addAction(QFileInfo(path).fileName(), this, [this, path] {
      if (settleUnsavedChanges()) editor_->files()->openAny(path);
    })->setToolTip(path);
  recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QList<QUrl> urls = event->mimeData()->urls();
  if (!urls.isEmpty() && urls.first().isLocalFile() && settleUnsavedChanges()) editor_->files()->openAny(urls.first().toLocalFile());
}

}  // namespace facet::ui
