#include "ui/model_manager_dialog.h"

#include <QPointer>

#include "app/editor/job_runner.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/models/model_registry.h"
#include "core/io/error.h"
#include "core/models/model_paths.h"

namespace facet::ui {

void applyModelsFolderSetting() {
  const QString folder = QSettings().value("modelsFolder").toString();
  if (folder.isEmpty()) return;
  QStringList parts = QString::fromLocal8Bit(qgetenv("FACET_MODELS")).split(':', Qt::SkipEmptyParts);
  if (parts.value(0) == folder) return;
  parts.removeAll(folder);
  parts.prepend(folder);
  qputenv("FACET_MODELS", parts.join(':').toLocal8Bit());
}

void setModelsFolder(const QString& dir) {
  QSettings().setValue("modelsFolder", dir);
  applyModelsFolderSetting();
}

ModelManagerDialog::ModelManagerDialog(app::JobRunner* jobs, QWidget* parent) : QDialog(parent), jobs_(jobs) {
  if (!jobs_) jobs_ = new app::JobRunner(this);
  setWindowTitle(tr("Models"));
  resize(1000, 600);
  auto* layout = new QVBoxLayout(this);
  guidance_ = new QLabel(this);
  guidance_->setObjectName("modelGuidance");
  guidance_->setWordWrap(true);
  guidance_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(guidance_);

  table_ = new QTableWidget(0, ColumnCount, this);
  table_->setObjectName("modelTable");
  table_->setHorizontalHeaderLabels({tr("Model"), tr("Role"), tr("Status"), tr("Location"), tr("Checksum")});
  table_->horizontalHeader()->setSectionResizeMode(Location, QHeaderView::Stretch);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->verticalHeader()->hide();
  layout->addWidget(table_, 3);

  searchPath_ = new QLabel(this);
  searchPath_->setWordWrap(true);
  searchPath_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(searchPath_);

  auto* buttons = new QHBoxLayout;
  auto* verify = new QPushButton(tr("Verify checksums"), this);
  connect(verify, &QPushButton::clicked, this, &ModelManagerDialog::verifyChecksums);
  auto* folder = new QPushButton(tr("Use a models folder…"), this);
  connect(folder, &QPushButton::clicked, this, &ModelManagerDialog::chooseFolder);
  fetchButton_ = new QPushButton(tr("Run models/fetch"), this);
  connect(fetchButton_, &QPushButton::clicked, this, [this] { runFetch(); });
  auto* rescan = new QPushButton(tr("Look again"), this);
  connect(rescan, &QPushButton::clicked, this, [this] {
    refresh();
    Q_EMIT modelsChanged();
  });
  buttons->addWidget(verify);
  buttons->addWidget(folder);
  buttons->addWidget(fetchButton_);
  buttons->addWidget(rescan);
  buttons->addStretch();
  auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
  buttons->addWidget(close);
  layout->addLayout(buttons);

  output_ = new QPlainTextEdit(this);
  output_->setObjectName("fetchOutput");
  output_->setReadOnly(true);
  output_->setMaximumBlockCount(5000);
  output_->setPlaceholderText(tr("models/fetch output appears here."));
  layout->addWidget(output_, 1);
  refresh();
}

ModelManagerDialog::~ModelManagerDialog() {
  if (fetch_ && fetch_->state() != QProcess::NotRunning) {
    fetch_->kill();
    fetch_->waitForFinished(2000);
  }
}

void ModelManagerDialog::refresh() {
  manifestPath_ = app::findManifest();
  entries_.clear();
  locations_.clear();
  QString problem;
  if (manifestPath_.isEmpty()) {
    problem = tr("models/manifest.json was not found in the model search path.");
  } else {
    try {
      entries_ = app::readManifest(manifestPath_);
    } catch (const facet::Error& e) {
      problem = QString::fromStdString(e.what());
    }
  }
  table_->setRowCount(entries_.size());
  for (int row = 0; row < entries_.size(); ++row) {
    const app::ManifestEntry& e = entries_[row];
    const QString where = app::locateModel(e);
    locations_.push_back(where);
    const auto set = [&](int column, const QString& text) {
      auto* item = new QTableWidgetItem(text);
      item->setToolTip(text);
      table_->setItem(row, column, item);
    };
    set(Model, e.id);
    set(Role, e.role);
    set(Status, where.isEmpty() ? tr("missing") : tr("found"));
    set(Location, where.isEmpty() ? (e.download == "manual" ? tr("download by hand: %1").arg(e.url) : e.file) : where);
    const auto known = checked_.constFind(e.id);
    if (!where.isEmpty() && known != checked_.constEnd() && known->first == where)
      set(Checksum, known->second);
    else
      set(Checksum, app::checksumStatusText(where.isEmpty() ? app::ChecksumStatus::Missing
                                                            : app::ChecksumStatus::NotChecked));
    table_->item(row, Status)->setForeground(where.isEmpty() ? QColor(200, 60, 40) : QColor(40, 140, 60));
  }
  table_->resizeColumnToContents(Model);
  table_->resizeColumnToContents(Status);

  QStringList dirs;
  for (const auto& d : facet::models::model_search_paths()) dirs << QString::fromStdString(d);
  searchPath_->setText(tr("Facet looks for models in: %1").arg(dirs.join(" · ")));

  generatorFound_ = !models::find_model_files().generator.empty();
  QString text;
  if (!problem.isEmpty()) text = problem + "\n";
  if (generatorFound_) {
    text += tr("A generator is installed: attribute editing is available.");
  } else {
    text += tr("No StyleGAN2 generator is installed, so faces cannot be edited yet. Facet still opens photos, "
               "finds, aligns and analyses faces. To edit, download stylegan2-ffhq-config-f.pt (or "
               "psp_ffhq_encode.pt) from the link in the table and put it in %1, or choose the folder that "
               "holds it with \"Use a models folder…\".")
                .arg(QString::fromStdString(facet::models::user_models_dir()));
  }
  guidance_->setText(text);
}

void ModelManagerDialog::verifyChecksums() {
  checksPending_ = 0;
  for (int row = 0; row < entries_.size(); ++row) {
    if (locations_[row].isEmpty()) continue;
    ++checksPending_;
    table_->item(row, Checksum)->setText(tr("checking…"));
    const auto show = [self = QPointer<ModelManagerDialog>(this), row](const QString& text) {
      if (!self) return;
      if (row < self->table_->rowCount()) self->table_->item(row, Checksum)->setText(text);
      if (row < self->entries_.size()) self->checked_.insert(self->entries_[row].id, {self->locations_[row], text});
      if (--self->checksPending_ == 0) Q_EMIT self->checksumsDone();
    };
    jobs_->run<QString>(
        tr("Checking %1…").arg(entries_[row].id),
        [entry = entries_[row], location = locations_[row]](app::JobContext&) {
          try {
            return app::checksumStatusText(app::checkModel(entry, location));
          } catch (const std::exception& e) {
            return QString::fromStdString(e.what());
          }
        },
        show);
  }
  if (checksPending_ == 0) Q_EMIT checksumsDone();
}

void ModelManagerDialog::chooseFolder() {
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder that holds the models"));
  if (dir.isEmpty()) return;
  setModelsFolder(dir);
  refresh();
  Q_EMIT modelsChanged();
}

void ModelManagerDialog::runFetch(const QStringList& arguments) {
  const QString script = app::findFetchScript();
  if (script.isEmpty()) {
    output_->appendPlainText(tr("models/fetch was not found next to the manifest."));
    Q_EMIT fetchFinished(-1);
    return;
  }
  if (fetch_ && fetch_->state() != QProcess::NotRunning) return;
  if (!fetch_) {
    fetch_ = new QProcess(this);
    fetch_->setProcessChannelMode(QProcess::MergedChannels);
    connect(fetch_, &QProcess::readyReadStandardOutput, this,
            [this] { output_->appendPlainText(QString::fromUtf8(fetch_->readAllStandardOutput()).trimmed()); });
    connect(fetch_, &QProcess::finished, this, [this](int code, QProcess::ExitStatus) {
      output_->appendPlainText(tr("models/fetch finished with exit status %1.").arg(code));
      fetchButton_->setEnabled(true);
      refresh();
      Q_EMIT fetchFinished(code);
      Q_EMIT modelsChanged();
    });
    connect(fetch_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
      if (error != QProcess::FailedToStart) return;
      output_->appendPlainText(tr("Could not start models/fetch: %1").arg(fetch_->errorString()));
      fetchButton_->setEnabled(true);
      Q_EMIT fetchFinished(-1);
    });
  }
  output_->appendPlainText("$ " + script + " " + arguments.join(' '));
  fetchButton_->setEnabled(false);
  // The script does the network work in its own process; this thread only reads its output.
  fetch_->start("python3", QStringList{script} + arguments);
}

int ModelManagerDialog::modelCount() const { return table_->rowCount(); }
QString ModelManagerDialog::cell(int row, int column) const {
  const QTableWidgetItem* item = table_->item(row, column);
  return item ? item->text() : QString();
}
QString ModelManagerDialog::guidance() const { return guidance_->text(); }
QString ModelManagerDialog::fetchOutput() const { return output_->toPlainText(); }

}  // namespace facet::ui
