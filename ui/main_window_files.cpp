// MainWindow: files dropped on the window, and restoring an autosave after a crash (the menu: ui/file_menu).
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMessageBox>
#include <QMimeData>

#include "app/editor/autosave.h"
#include "app/editor/edit_document.h"
#include "app/editor/editor.h"
#include "app/editor/open_workflow.h"
#include "ui/main_window.h"

namespace facet::ui {

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

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QList<QUrl> urls = event->mimeData()->urls();
  if (!urls.isEmpty() && urls.first().isLocalFile() && editor_->files()->settleUnsavedChanges()) editor_->files()->openAny(urls.first().toLocalFile());
}

}  // namespace facet::ui
