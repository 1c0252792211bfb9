#pragma once
// Tools ▸ Models, a view of app::ModelInventory: every model in models/manifest.json — found or missing, where,
// checksum — a models folder of the user's choice, and models/fetch's output. Without a generator it says plainly
// what still works and what to get.
#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace facet::app {
class JobRunner;
class ModelInventory;
}

namespace facet::ui {

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
  bool generatorFound() const;

  enum Column { Model, Role, Status, Location, Checksum, ColumnCount };

 Q_SIGNALS:
  void checksumsDone();
  void fetchFinished(int exitCode);
  void modelsChanged();  // folder changed or fetch finished: the window reloads its models

 private:
  void chooseFolder();
  void showModels();
  app::ModelInventory* inventory_ = nullptr;
  QTableWidget* table_ = nullptr;
  QLabel* guidance_ = nullptr;
  QLabel* searchPath_ = nullptr;
  QPlainTextEdit* output_ = nullptr;
  QPushButton* fetchButton_ = nullptr;
};

}  // namespace facet::ui
