#include "ui/file_menu.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QRandomGenerator>

#include "app/editor/edit_document.h"
#include "app/editor/editor.h"
#include "ui/menu_entries.h"

namespace facet::ui {

FileMenu::FileMenu(QMenu* file, app::Editor* editor, QWidget* window, std::function<void(const QString&)> problem)
    : QObject(file), editor_(editor), window_(window), problem_(std::move(problem)) {
  const QString npy = tr("NumPy arrays (*.npy)"), sessions = tr("Facet sessions (*.facet)");
  addEntries(file, this, {{tr("&Open…"), QKeySequence::Open, nullptr, [this] {
                             const QString path = askOpenPath(FileKind::Session, tr("Open"),
                                                              tr("Photos, W+ codes and sessions (*.jpg *.jpeg *.png "
                                                                 "*.bmp *.webp *.tif *.tiff *.npy *.facet)"));
                             if (!path.isEmpty()) editor_->files()->openAny(path);
                           }}});
  recent_ = file->addMenu(tr("Open &recent"));
  showRecentFiles();
  connect(editor_->files(), &app::OpenWorkflow::recentFilesChanged, this, &FileMenu::showRecentFiles);
  const QList<QAction*> opens = addEntries(file, this, {
      {tr("Open sam&ple photo"), {}, "openSampleAction", [this] {
         const QString sample = app::OpenWorkflow::samplePhotoPath();
         if (sample.isEmpty())
           problem_(tr("The sample photo astronaut.png is not installed next to Facet."));
         else if (editor_->files()->settleUnsavedChanges())
           editor_->files()->openPhoto(sample);
       }},
      {tr("Open &W+ code (.npy)…"), {}, "openWplusAction", [this, npy] {
         const QString path = askOpenPath(FileKind::Wplus, tr("Open W+ code"), npy);
         if (!path.isEmpty()) editor_->files()->openWplus(path);
       }},
      {tr("Random &face from the generator"), QKeySequence(Qt::CTRL | Qt::Key_G), "randomFaceAction", [this] {
         if (editor_->files()->settleUnsavedChanges()) editor_->files()->randomFace(QRandomGenerator::global()->generate());
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
  const QString images = imagesFilter();
  // Each export asks where (never over the opened file) and writes off the GUI thread.
  const auto exportAs = [this](FileKind kind, const QString& title, const QString& filter,
                               bool (app::EditDocument::*write)(const QString&, int)) {
    const QString path = askSavePath(kind, title, filter);
    if (!path.isEmpty()) (editor_->document()->*write)(path, 95);
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
         if (!path.isEmpty()) editor_->document()->exportWplus(path.endsWith(".npy") ? path : path + ".npy");
       }}});
  addEntries(file, this, {{}, {tr("&Quit"), QKeySequence::Quit, nullptr, [] { QApplication::closeAllWindows(); }}});
}

QString FileMenu::askOpenPath(FileKind kind, const QString& title, const QString& filter) {
  if (!editor_->files()->settleUnsavedChanges()) return {};
  return askOpenFile(window_, editor_, kind, title, filter);
}

QString FileMenu::askOpenFile(QWidget* parent, app::Editor* editor, FileKind kind, const QString& title,
                              const QString& filter) {
  const QString path = QFileDialog::getOpenFileName(parent, title, editor->files()->suggestedPath(kind), filter);
  return path.isEmpty() ? path : app::OpenWorkflow::rememberFolder(path);
}

QString FileMenu::imagesFilter() { return tr("Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)"); }

QString FileMenu::askSavePath(FileKind kind, const QString& title, const QString& filter) {
  const QString path = QFileDialog::getSaveFileName(window_, title, editor_->files()->suggestedPath(kind), filter);
  if (!path.isEmpty()) app::OpenWorkflow::rememberFolder(path);
  return path;
}

void FileMenu::showRecentFiles() {
  recent_->clear();
  const QStringList recent = app::OpenWorkflow::recentFiles();
  for (const QString& path : recent)
    recent_->addAction(QFileInfo(path).fileName(), this, [this, path] {
      if (editor_->files()->settleUnsavedChanges()) editor_->files()->openAny(path);
    })->setToolTip(path);
  recent_->setEnabled(!recent.isEmpty());
}

}  // namespace facet::ui
