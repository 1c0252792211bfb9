#include "app/editor/model_loader.h"

#include <QDir>
#include <QFileInfo>
#include <QStringList>

#include "app/editor/edit_document.h"
#include "app/editor/error_text.h"
#include "app/editor/job_runner.h"
#include "core/models/device.h"
#include "core/models/model_checksums.h"

namespace facet::app {

namespace {
const QString kJobKey = QStringLiteral("models");

struct LoadOutcome {
  std::shared_ptr<const models::ModelSet> models;
  std::shared_ptr<const nn::FaceAnalyzer> analyzer;
  QString error;
  QStringList checksumWarnings;
};

// The files the set was read from: what did not load (a missing optional model) is not checked.
std::vector<std::string> loadedFiles(const models::ModelSet& set) {
  std::vector<std::string> files{set.files.generator, set.files.directions};
  if (set.classifier) files.push_back(set.files.classifier);
  if (set.encoder) files.push_back(set.files.encoder);
  if (set.analyzer) files.push_back(set.files.face_api_dir);
  if (!set.files.transformers_dir.empty()) {
    const QDir dir(QString::fromStdString(set.files.transformers_dir));
    for (const QString& name : dir.entryList({"tnet_*"}, QDir::Files))
      files.push_back(dir.filePath(name).toStdString());
  }
  return files;
}
}  // namespace

ModelLoader::ModelLoader(EditDocument* document, JobRunner* jobs, QObject* parent)
    : QObject(parent), doc_(document), jobs_(jobs) {}

bool ModelLoader::loading() const { return jobs_->hasRunning(kJobKey); }

void ModelLoader::load(const models::ModelFiles& files) {
  if (loading()) return;
  Q_EMIT progress(tr("Loading models…"));
  jobs_->run<LoadOutcome>(
      tr("Loading models…"),
      [files](JobContext& context) {
        LoadOutcome outcome;
        try {
          outcome.models = models::load_model_set(files, [&context](const std::string& what) {
            context.setText(tr("Loading %1…").arg(QString::fromStdString(what)));
          });
          context.setText(tr("Checking the model files…"));
          for (const std::string& w : models::check_model_checksums(loadedFiles(*outcome.models)).warnings)
            outcome.checksumWarnings << QString::fromStdString(w);
        } catch (const std::exception& e) {
          outcome.error = errorText(e);
          // Without a generator, photos are still read with face-api when its networks are installed.
          try {
            const std::string dir =
                files.face_api_dir.empty() ? models::find_role_file(models::Role::FaceApi) : files.face_api_dir;
            if (!dir.empty()) outcome.analyzer = models::load_face_analyzer(dir, torch::kCPU);
          } catch (const std::exception&) {
            // Broken face-api files: the Models dialog says which; the editor goes on without analysis.
          }
        }
        return outcome;
      },
      [this](LoadOutcome outcome) {
        if (!outcome.models) {
          analyzer_ = outcome.analyzer;
          Q_EMIT loaded(false, outcome.error);
          return;
        }
        analyzer_ = outcome.models->analyzer;
        doc_->setModels(outcome.models);  // the face being edited, if any, is set again on them
        Q_EMIT loaded(true, {});
        if (!outcome.checksumWarnings.isEmpty()) Q_EMIT problem(outcome.checksumWarnings.join('\n'));
      },
      {kJobKey, false});
}

QString ModelLoader::modelsText() const {
  const auto loaded = doc_->models();
  if (!loaded) return analyzer_ ? tr("models: face-api only (Tools ▸ Models)") : tr("models: none (Tools ▸ Models)");
  int transformers = 0;
  for (int k = 0; k < 40; ++k) transformers += loaded->editor->has_transformer(k) ? 1 : 0;
  QStringList parts;
  // (Qt's arg() reads "²" after a placeholder as a digit, so the size is appended, not substituted.)
  parts << QFileInfo(QString::fromStdString(loaded->files.generator)).fileName() + " " +
               QString::number(loaded->generator->size()) + QChar(0x00B2);
  if (loaded->classifier) parts << tr("classifier");
  parts << (transformers == 1 ? tr("1 transformer") : tr("%1 transformers").arg(transformers));
  if (loaded->analyzer) parts << tr("face-api");
  if (loaded->encoder) parts << tr("encoder");
  return parts.join(" · ");
}

QString ModelLoader::modelsToolTip() const {
  const auto loaded = doc_->models();
  if (!loaded) return {};
  QStringList files;
  for (const std::string& f : {loaded->files.generator, loaded->files.classifier, loaded->files.transformers_dir,
                               loaded->files.face_api_dir, loaded->files.encoder})
    if (!f.empty()) files << QString::fromStdString(f);
  return files.join('\n');
}

QString ModelLoader::deviceText() const {
  const auto loaded = doc_->models();
  return tr("device: %1").arg(loaded ? QString::fromStdString(models::describe_device(loaded->device)) : "cpu");
}

QString ModelLoader::welcomeText() {
  const models::ModelFiles found = models::find_model_files();
  QStringList have, missing;
  (found.generator.empty() ? missing : have) << tr("the StyleGAN2 generator");
  (found.encoder.empty() ? missing : have) << tr("the pSp/e4e encoder");
  (found.transformers_dir.empty() ? missing : have) << tr("the attribute transformers");
  (found.face_api_dir.empty() ? missing : have) << tr("face analysis (face-api)");
  QString text = tr("Facet changes the age, smile, glasses, hair and 36 more attributes of faces in photos while "
                    "keeping the person recognisable.") +
                 "\n\n" + tr("Open a photo (Ctrl+O) or drop one here; File ▸ Open sample photo has one to try.");
  if (!have.isEmpty()) text += "\n\n" + tr("Installed: %1.").arg(have.join(", "));
  if (!missing.isEmpty())
    text += "\n" + tr("Missing: %1. Tools ▸ Models says where to get them and fetches what can be fetched.")
                       .arg(missing.join(", "));
  return text;
}

}  // namespace facet::app
