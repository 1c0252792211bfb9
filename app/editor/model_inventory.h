#pragma once
// Tools ▸ Models without its window: the models models/manifest.json lists, where each is found (or not), their
// checksums checked as background jobs (kept across look-ups while the file stays where it was), the user's models
// folder (QSettings "modelsFolder", put in front of $FACET_MODELS so the core finds it), and models/fetch run as a
// separate process whose output is passed on line by line.
#include <QHash>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

#include "app/editor/model_manifest.h"

class QProcess;

namespace facet::app {

class JobRunner;

class ModelInventory : public QObject {
  Q_OBJECT
 public:
  struct Model {
    ManifestEntry entry;
    QString location;  // "" = missing
    QString checksum;  // what is known of its checksum, in words
  };

  // Call at start: the models folder the user chose is searched first.
  static void applyModelsFolderSetting();
  static void setModelsFolder(const QString& dir);

  explicit ModelInventory(JobRunner* jobs, QObject* parent = nullptr);
  ~ModelInventory() override;  // stops a running models/fetch

  void refresh();          // reads the manifest again and looks every model up again
  void verifyChecksums();  // modelChanged(row) as each is known, checksumsDone() once all are
  void runFetch(const QStringList& arguments = {});  // fetchOutput(…) lines, fetchFinished(exit code; -1: not run)

  const QVector<Model>& models() const { return models_; }
  QString problem() const { return problem_; }  // the manifest is missing or unreadable ("" when fine)
  bool generatorFound() const { return generatorFound_; }
  QStringList searchPath() const;

 Q_SIGNALS:
  void modelChanged(int row);
  void checksumsDone();
  void fetchOutput(const QString& text);
  void fetchFinished(int exitCode);

 private:
  JobRunner* jobs_;
  QVector<Model> models_;
  QString problem_;
  bool generatorFound_ = false;
  QHash<QString, QPair<QString, QString>> checked_;  // id → (location, checksum text)
  int checksPending_ = 0;
  QProcess* fetch_ = nullptr;
};

}  // namespace facet::app
