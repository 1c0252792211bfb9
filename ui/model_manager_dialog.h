#pragma once
// Tools ▸ Models: every model in models/manifest.json — found or missing, where, checksum (hashed off the GUI
// thread) — a models folder of the user's choice (added in front of the search path), and models/fetch run as
// a separate process with its output shown. Without a generator it says plainly what still works and what to get.
#include <QDialog>
#include <QHash>
#include <QPair>
#include <QProcess>
#include <QVector>

#include "app/editor/model_manifest.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace facet::app {
class JobRunner;
}

namespace facet::ui {

// The user's models folder (QSettings "modelsFolder"), put in front of $FACET_MODELS so core finds it. Call at start.
void applyModelsFolderSetting();
void setModelsFolder(const QString& dir);

class ModelManagerDialog : public QDialog {
  Q_OBJECT
 public:
  // jobs: where the checksums are computed (null: the dialog's own runner).
  explicit ModelManagerDialog(app::JobRunner* jobs = nullptr, QWidget* parent = nullptr);
  ~ModelManagerDialog() override;

  void refresh();          // re-reads the manifest and looks every model up again
  void verifyChecksums();  // hashes the found files in the background; checksumsDone() when all are known
  void runFetch(const QStringList& arguments = {});  // models/fetch [arguments]; fetchFinished(exit code)

  int modelCount() const;
  QString cell(int row, int column) const;  // table text (tests)
  QString guidance() const;
  QString fetchOutput() const;
  bool generatorFound() const { return generatorFound_; }

  enum Column { Model, Role, Status, Location, Checksum, ColumnCount };

 Q_SIGNALS:
  void checksumsDone();
  void fetchFinished(int exitCode);
  void modelsChanged();  // folder changed or fetch finished: the window reloads its models

 private:
  void chooseFolder();
  QString manifestPath_;
  QVector<app::ManifestEntry> entries_;
  QVector<QString> locations_;
  QHash<QString, QPair<QString, QString>> checked_;  // id → (location, checksum text): kept across refreshes
  bool generatorFound_ = false;
  int checksPending_ = 0;
  app::JobRunner* jobs_ = nullptr;
  QTableWidget* table_ = nullptr;
  QLabel* guidance_ = nullptr;
  QLabel* searchPath_ = nullptr;
  QPlainTextEdit* output_ = nullptr;
  QPushButton* fetchButton_ = nullptr;
  QProcess* fetch_ = nullptr;
};

}  // namespace facet::ui
