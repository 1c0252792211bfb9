#include "app/editor/open_workflow.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

#include <torch/torch.h>

#include "app/editor/autosave.h"
#include "app/editor/edit_document.h"
#include "app/editor/error_text.h"
#include "app/editor/job_runner.h"
#include "app/editor/photo_workflow.h"
#include "app/editor/session.h"
#include "app/editor/two_face_state.h"
#include "core/io/error.h"
#include "core/nn/stylegan2/wplus_file.h"

namespace facet::app {

namespace {
constexpr int kMaxRecent = 8;

QString noGenerator() { return OpenWorkflow::tr("No generator is loaded. Open Tools ▸ Models to install or locate one."); }
}  // namespace

OpenWorkflow::OpenWorkflow(EditDocument* document, JobRunner* jobs, PhotoWorkflow* photos, QObject* parent)
    : QObject(parent), doc_(document), jobs_(jobs), photos_(photos) {}

void OpenWorkflow::openAny(const QString& path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == "facet")
    openSession(path);
  else if (suffix == "npy")
    openWplus(path);
  else
    openPhoto(path);
}

void OpenWorkflow::openPhoto(const QString& path) {
  addRecentFile(path);
  photos_->open(path);
}

bool OpenWorkflow::openWplus(const QString& path) {
  try {
    if (!doc_->models()) throw Error(noGenerator().toStdString());
    // A batch gives its first code.
    if (!doc_->setFace(nn::read_wplus_file(QFile::encodeName(path).toStdString(), *doc_->models()->generator)))
      return false;
  } catch (const std::exception& e) {
    Q_EMIT problem(tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), errorText(e)));
    return false;
  }
  photos_->close();
  doc_->setOpenedPath(path);
  session::OtherFace origin;
  origin.kind = "wplus";
  origin.path = QFileInfo(path).absoluteFilePath().toStdString();
  doc_->addRecentFace(otherFaceOf(origin, doc_->wplus()));
  addRecentFile(path);
  Q_EMIT message(tr("Opened W+ code %1").arg(QFileInfo(path).fileName()));
  return true;
}

void OpenWorkflow::randomFace(uint64_t seed) {
  const auto models = doc_->models();
  if (!models) {
    Q_EMIT problem(noGenerator());
    return;
  }
  Q_EMIT message(tr("Sampling a face (seed %1)…").arg(seed));
  jobs_->run<torch::Tensor>(
      tr("Sampling a face (seed %1)…").arg(seed),
      [models, seed](JobContext&) { return randomFaceCode(*models->generator, seed); },  // the mapping network
      [this, seed, models](torch::Tensor code) {
        if (doc_->models() != models || !doc_->setFace(code)) return;
        photos_->close();
        doc_->setOpenedPath({});
        session::OtherFace origin;
        origin.kind = "random";
        origin.seed = seed;
        doc_->addRecentFace(otherFaceOf(origin, doc_->wplus()));
        Q_EMIT message(tr("Random face, seed %1").arg(seed));
      },
      {QStringLiteral("face"), false});
}

bool OpenWorkflow::openSession(const QString& path) {
  SessionWithCode loaded;
  if (!doc_->openSession(path, &loaded)) return false;
  photos_->close();
  doc_->setOpenedPath(path);
  addRecentFile(path);
  QString text = tr("Opened session %1").arg(QFileInfo(path).fileName());
  if (!loaded.session.photoPath.isEmpty()) {
    if (sessionPhotoMatches(loaded.session)) {
      // The photo is as it was: its face is found and aligned again, so previews and exports paste back. The
      // saved W+ is used as it is (no re-embedding).
      photos_->restore(loaded.session.photoPath, loaded.session.faceIndex);
      text += " — " + tr("finding face %1 in %2…").arg(loaded.session.faceIndex + 1)
                          .arg(QFileInfo(loaded.session.photoPath).fileName());
    } else {
      text += " — " + tr("its photo %1 is missing or has changed; editing the saved W+ code alone")
                          .arg(loaded.session.photoPath);
    }
  }
  Q_EMIT message(text);
  Q_EMIT sessionOpened(path);
  return true;
}

bool OpenWorkflow::restoreAutosave() {
  if (!openSession(doc_->autosaver()->sessionPath())) return false;
  // The restored work is in no file of the user's: quitting asks again, and Save asks where.
  doc_->clearSessionPath();
  doc_->markModified();
  Q_EMIT message(tr("Restored the autosaved edit."));
  return true;
}

bool OpenWorkflow::saveSession(const QString& path) {
  const QString file = path.endsWith(".facet") ? path : path + ".facet";
  if (!doc_->saveSession(file)) return false;
  addRecentFile(file);
  Q_EMIT sessionSaved(file);
  return true;
}

void OpenWorkflow::setUnsavedPrompt(std::function<UnsavedChoice()> choose, std::function<QString()> askPath) {
  choose_ = std::move(choose);
  askPath_ = std::move(askPath);
}

bool OpenWorkflow::settleUnsavedChanges() {
  if (!doc_->isModified()) return true;
  switch (choose_ ? choose_() : UnsavedChoice::Cancel) {
    case UnsavedChoice::Cancel:
      return false;
    case UnsavedChoice::Discard:
      doc_->autosaver()->discard();
      doc_->markSaved();
      return true;
    case UnsavedChoice::Save: {
      QString path = doc_->sessionPath();
      if (path.isEmpty() && askPath_) path = askPath_();
      return !path.isEmpty() && saveSession(path);
    }
  }
  return false;
}

QString OpenWorkflow::suggestedPath(FileKind kind) const {
  // The file being edited names the folder and the stem; else the last folder a dialog used, else home.
  QString source = doc_->openedPath();
  if (source.isEmpty()) source = doc_->facePhotoPath();
  QString folder = source.isEmpty() ? QSettings().value("lastFolder").toString() : QFileInfo(source).absolutePath();
  if (folder.isEmpty() || !QFileInfo(folder).isDir()) folder = QDir::homePath();
  const QString stem = source.isEmpty() ? QStringLiteral("face") : QFileInfo(source).completeBaseName();
  const QString photoSuffix = [&] {
    const QString suffix = QFileInfo(source).suffix().toLower();
    return suffix == "png" ? QStringLiteral("png") : QStringLiteral("jpg");  // JPEG unless the source is PNG
  }();
  QString name;
  switch (kind) {
    case FileKind::EditedImage: name = stem + "-edited." + photoSuffix; break;
    case FileKind::AlignedFace: name = stem + "-aligned.png"; break;
    case FileKind::SideBySide: name = stem + "-before-after." + photoSuffix; break;
    case FileKind::Wplus: name = stem + "-edited.npy"; break;
    case FileKind::Session: name = stem + ".facet"; break;
  }
  return QDir(folder).filePath(name);
}

QString OpenWorkflow::rememberFolder(const QString& path) {
  QSettings().setValue("lastFolder", QFileInfo(path).absolutePath());
  return path;
}

QStringList OpenWorkflow::recentFiles() { return QSettings().value("recentFiles").toStringList(); }

void OpenWorkflow::addRecentFile(const QString& path) {
  QStringList recent = recentFiles();
  const QString absolute = QFileInfo(path).absoluteFilePath();
  recent.removeAll(absolute);
  recent.prepend(absolute);
  while (recent.size() > kMaxRecent) recent.removeLast();
  QSettings().setValue("recentFiles", recent);
  Q_EMIT recentFilesChanged();
}

QString OpenWorkflow::samplePhotoPath() {
  // Installed: <prefix>/share/facet/astronaut.png beside <prefix>/bin; in a build tree: the source's resources/.
  const QString app = QCoreApplication::applicationDirPath();
  QStringList candidates = {app + "/../share/facet/astronaut.png", app + "/resources/astronaut.png"};
#ifdef FACET_RESOURCES_DIR
  candidates << QString(FACET_RESOURCES_DIR) + "/astronaut.png";
#endif
  for (const QString& path : candidates)
    if (QFileInfo(path).isFile()) return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
  return {};
}

}  // namespace facet::app
