#pragma once
// The File menu: opening photos, W+ codes and sessions (unsaved edits settled first), the recent files, the
// sample photo, random faces, saving sessions and the exports; file dialogs start where app::OpenWorkflow
// suggests.
#include <functional>

#include <QObject>
#include <QString>

#include "app/editor/open_workflow.h"

class QMenu;
class QWidget;

namespace facet::app {
class Editor;
}

namespace facet::ui {

class FileMenu : public QObject {
  Q_OBJECT
 public:
  // Fills `file`; `window` parents the dialogs; `problem` shows what went wrong.
  FileMenu(QMenu* file, app::Editor* editor, QWidget* window, std::function<void(const QString&)> problem);

  using FileKind = app::OpenWorkflow::FileKind;
  // A save dialog for `kind` starting at the suggested path; "" when cancelled.
  QString askSavePath(FileKind kind, const QString& title, const QString& filter);
  // An open dialog starting where the editor suggests (nothing settled first); "" when cancelled.
  static QString askOpenFile(QWidget* parent, app::Editor* editor, FileKind kind, const QString& title,
                             const QString& filter);
  static QString imagesFilter();  // the photo formats Facet reads, for file dialogs

 private:
  // An open dialog for `kind`, after unsaved edits are settled; "" when cancelled.
  QString askOpenPath(FileKind kind, const QString& title, const QString& filter);
  void showRecentFiles();

  app::Editor* editor_;
  QWidget* window_;
  std::function<void(const QString&)> problem_;
  QMenu* recent_ = nullptr;
};

}  // namespace facet::ui
