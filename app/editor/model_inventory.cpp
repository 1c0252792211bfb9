#include "app/editor/model_inventory.h"

#include <QPointer>
#include <QProcess>
#include <QSettings>

#include "app/editor/error_text.h"
#include "app/editor/job_runner.h"
#include "core/io/error.h"
#include "core/models/model_paths.h"
#include "core/models/model_registry.h"

namespace facet::app {

void ModelInventory::applyModelsFolderSetting() {
  const QString folder = QSettings().value("modelsFolder").toString();
  if (folder.isEmpty()) return;
  QStringList parts = QString::fromLocal8Bit(qgetenv("FACET_MODELS")).split(':', Qt::SkipEmptyParts);
  if (parts.value(0) == folder) return;
  parts.removeAll(folder);
  parts.prepend(folder);
  qputenv("FACET_MODELS", parts.join(':').toLocal8Bit());
}

void ModelInventory::setModelsFolder(const QString& dir) {
  QSettings().setValue("modelsFolder", dir);
  applyModelsFolderSetting();
}

ModelInventory::ModelInventory(JobRunner* jobs, QObject* parent) : QObject(parent), jobs_(jobs) {}

ModelInventory::~ModelInventory() {
  if (fetch_ && fetch_->state() != QProcess::NotRunning) {
    fetch_->kill();
    fetch_->waitForFinished(2000);
  }
}

void ModelInventory::refresh() {
  const QString manifest = findManifest();
  QVector<ManifestEntry> entries;
  problem_.clear();
  if (manifest.isEmpty()) {
    problem_ = tr("models/manifest.json was not found in the model search path.");
  } else {
    try {
      entries = readManifest(manifest);
    } catch (const facet::Error& e) {
      problem_ = errorText(e);
    }
  }
  models_.clear();
  for (const ManifestEntry& entry : entries) {
    Model model{entry, locateModel(entry), {}};
    const auto known = checked_.constFind(entry.id);
    model.checksum = !model.location.isEmpty() && known != checked_.constEnd() && known->first == model.location
                         ? known->second
                         : checksumStatusText(model.location.isEmpty() ? ChecksumStatus::Missing
                                                                       : ChecksumStatus::NotChecked);
    models_.push_back(model);
  }
  generatorFound_ = !models::find_model_files().generator.empty();
}

QStringList ModelInventory::searchPath() const {
  QStringList dirs;
  for (const auto& d : models::model_search_paths()) dirs << QString::fromStdString(d);
  return dirs;
}

void ModelInventory::verifyChecksums() {
  checksPending_ = 0;
  for (int row = 0; row < models_.size(); ++row) {
    if (models_[row].location.isEmpty()) continue;
    ++checksPending_;
    models_[row].checksum = tr("checking…");
    Q_EMIT modelChanged(row);
    const Model model = models_[row];
    const auto show = [self = QPointer<ModelInventory>(this), row, model](const QString& text) {
      if (!self) return;
      self->checked_.insert(model.entry.id, {model.location, text});
      if (row < self->models_.size() && self->models_[row].entry.id == model.entry.id) {
        self->models_[row].checksum = text;
        Q_EMIT self->modelChanged(row);
      }
      if (--self->checksPending_ == 0) Q_EMIT self->checksumsDone();
    };
    jobs_->run<QString>(
        tr("Checking %1…").arg(model.entry.id),
        [model](JobContext&) {
          try {
            return checksumStatusText(checkModel(model.entry, model.location));
          } catch (const std::exception& e) {
            return errorText(e);
          }
        },
        show);
  }
  if (checksPending_ == 0) Q_EMIT checksumsDone();
}

void ModelInventory::runFetch(const QStringList& arguments) {
  const QString script = findFetchScript();
  if (script.isEmpty()) {
    Q_EMIT fetchOutput(tr("models/fetch was not found next to the manifest."));
    Q_EMIT fetchFinished(-1);
    return;
  }
  if (fetch_ && fetch_->state() != QProcess::NotRunning) return;
  if (!fetch_) {
    fetch_ = new QProcess(this);
    fetch_->setProcessChannelMode(QProcess::MergedChannels);
    connect(fetch_, &QProcess::readyReadStandardOutput, this,
            [this] { Q_EMIT fetchOutput(QString::fromUtf8(fetch_->readAllStandardOutput()).trimmed()); });
    connect(fetch_, &QProcess::finished, this, [this](int code, QProcess::ExitStatus) {
      Q_EMIT fetchOutput(tr("models/fetch finished with exit status %1.").arg(code));
      refresh();
      Q_EMIT fetchFinished(code);
    });
    connect(fetch_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
      if (error != QProcess::FailedToStart) return;
      Q_EMIT fetchOutput(tr("Could not start models/fetch: %1").arg(fetch_->errorString()));
      Q_EMIT fetchFinished(-1);
    });
  }
  Q_EMIT fetchOutput("$ " + script + " " + arguments.join(' '));
  // The script does the network work in its own process; this thread only reads its output.
  fetch_->start("python3", QStringList{script} + arguments);
}

}  // namespace facet::app
