#include "ui/model_manager_dialog.h"

#include "app/editor/job_runner.h"
#include "app/editor/model_inventory.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "core/models/model_paths.h"

namespace facet::ui {

ModelManagerDialog::ModelManagerDialog(app::JobRunner* jobs, QWidget* parent) : QDialog(parent) {
  inventory_ = new app::ModelInventory(jobs ? jobs : new app::JobRunner(this), this);
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
  connect(verify, &QPushButton::clicked, inventory_, &app::ModelInventory::verifyChecksums);
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
  connect(inventory_, &app::ModelInventory::modelChanged, this, [this](int row) {
    table_->item(row, Checksum)->setText(inventory_->models()[row].checksum);
  });
  connect(inventory_, &app::ModelInventory::checksumsDone, this, &ModelManagerDialog::checksumsDone);
  connect(inventory_, &app::ModelInventory::fetchOutput, output_, &QPlainTextEdit::appendPlainText);
  connect(inventory_, &app::ModelInventory::fetchFinished, this, [this](int code) {
    fetchButton_->setEnabled(true);
    showModels();
    Q_EMIT fetchFinished(code);
    if (code >= 0) Q_EMIT modelsChanged();
  });
  refresh();
}

ModelManagerDialog::~ModelManagerDialog() = default;

void ModelManagerDialog::refresh() {
  inventory_->refresh();
  showModels();
}

void ModelManagerDialog::verifyChecksums() { inventory_->verifyChecksums(); }
bool ModelManagerDialog::generatorFound() const { return inventory_->generatorFound(); }

void ModelManagerDialog::showModels() {
  const QVector<app::ModelInventory::Model>& models = inventory_->models();
  table_->setRowCount(models.size());
  for (int row = 0; row < models.size(); ++row) {
    const app::ModelInventory::Model& m = models[row];
    const auto set = [&](int column, const QString& text) {
      auto* item = new QTableWidgetItem(text);
      item->setToolTip(text);
      table_->setItem(row, column, item);
    };
    set(Model, m.entry.id);
    set(Role, m.entry.role);
    set(Status, m.location.isEmpty() ? tr("missing") : tr("found"));
    set(Location, m.location.isEmpty()
                      ? (m.entry.download == "manual" ? tr("download by hand: %1").arg(m.entry.url) : m.entry.file)
                      : m.location);
    set(Checksum, m.checksum);
    table_->item(row, Status)->setForeground(m.location.isEmpty() ? QColor(200, 60, 40) : QColor(40, 140, 60));
  }
  table_->resizeColumnToContents(Model);
  table_->resizeColumnToContents(Status);
  searchPath_->setText(tr("Facet looks for models in: %1").arg(inventory_->searchPath().join(" · ")));
  QString text = inventory_->problem().isEmpty() ? QString() : inventory_->problem() + "\n";
  if (inventory_->generatorFound()) {
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

void ModelManagerDialog::chooseFolder() {
  const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder that holds the models"));
  if (dir.isEmpty()) return;
  app::ModelInventory::setModelsFolder(dir);
  refresh();
  Q_EMIT modelsChanged();
}

void ModelManagerDialog::runFetch(const QStringList& arguments) {
  fetchButton_->setEnabled(false);
  inventory_->runFetch(arguments);
}

int ModelManagerDialog::modelCount() const { return table_->rowCount(); }
QString ModelManagerDialog::cell(int row, int column) const {
  const QTableWidgetItem* item = table_->item(row, column);
  return item ? item->text() : QString();
}
QString ModelManagerDialog::guidance() const { return guidance_->text(); }
QString ModelManagerDialog::fetchOutput() const { return output_->toPlainText(); }

}  // namespace facet::ui
