// MainWindow: faces in photos — found, chosen, aligned and encoded (then optionally refined) on a pool thread
// behind a cancellable progress dialog; the edited face pasted back into the photo for export and, with View ▸
// Show in photo, for the preview; a session's photo face found again; the bundled sample photo. Needs core/face
// (FACET_WITH_VISION); without it a photo is only shown.
#include <chrono>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QPointer>
#include <QProgressDialog>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

#include <torch/torch.h>

#include "ui/main_window.h"
#include "ui/preview_widget.h"
#include "ui/refinement_dialog.h"

#ifdef FACET_WITH_VISION
#include "app/editor/edit_document.h"
#include "app/editor/generator_backend.h"
#include "app/editor/photo_face.h"
#include "app/editor/session.h"
#include "core/io/error.h"
#include "core/models/model_registry.h"
#include "core/face/photo.h"
#include "core/pipeline/face_measure.h"
#include "core/pipeline/photo_pipeline.h"
#include "ui/charts_panel.h"
#endif

namespace facet::ui {

#ifdef FACET_WITH_VISION

// The opened photo while its face is found, chosen, aligned and embedded; the embedded face then lives in the
// document as an app::PhotoFace.
struct MainWindow::PhotoState {
  QString path;
  cv::Mat photo;
  std::vector<face::Face> faces;
  int chosen = 0;
  face::AlignedFace aligned;  // empty image until aligned
  QString sha256;             // of the photo when its faces were found
  std::shared_ptr<const app::PhotoFace> face;  // made with the alignment (off the GUI thread)
};

namespace {
struct FindOutcome {
  pipeline::PhotoFaces found;
  QString sha256;  // of the photo's bytes as they were read, for sessions (hashed here, off the GUI thread)
  QString error;
};
struct EmbedOutcome {
  pipeline::EmbeddedFace embedded;
  QString error;
  std::shared_ptr<const app::PhotoFace> face;  // the aligned face's paste-back into the photo
  QString note;          // said after the face is set (refinement skipped or stopped)
  bool refined = false;  // the W+ went through the refinement (its time per step is remembered)
};
// The photo flow's cancel state: before the refinement, cancel drops the photo's embedding; during it, cancel
// stops the optimisation and the best code so far is used.
struct FlowState {
  std::atomic<bool> cancel{false};
  std::atomic<bool> refining{false};
  std::atomic<bool> stopRefinement{false};
};
struct RestoreOutcome {
  std::shared_ptr<const app::PhotoFace> face;
  QString error;
};
}  // namespace

int MainWindow::askWhichFace(const std::vector<face::Face>& faces, const QString& question) {
  const int count = static_cast<int>(faces.size());
  if (chooseFace_) return chooseFace_(count);
  QStringList items;
  for (const face::Face& face : faces) {
    const cv::Rect& b = face.box;
    items << tr("Face %1 (%2×%3 at %4, %5)").arg(items.size() + 1).arg(b.width).arg(b.height).arg(b.x).arg(b.y);
  }
  bool ok = false;
  const QString item = QInputDialog::getItem(this, tr("Choose a face"), question, items, 0, false, &ok);
  return ok ? static_cast<int>(items.indexOf(item)) : -1;
}

bool MainWindow::hasPhotoFace() const {
  // The document's face came from a photo, or the opened photo's face is aligned and waits for its code.
  return doc_->hasPhotoFace() || (photo_ && !photo_->aligned.image.empty());
}

void MainWindow::findFaces(const QString& path) {
  auto flow = std::make_shared<FlowState>();
  std::atomic<bool>* cancel = &flow->cancel;  // lives as long as `flow`, which every continuation holds
  auto* progress = new QProgressDialog(tr("Finding faces in %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0, 0, this);
  progress->setObjectName("faceProgress");
  progress->setWindowModality(Qt::WindowModal);
  progress->setMinimumDuration(400);
  progress->setAutoReset(false);
  progress->setAutoClose(false);
  connect(progress, &QProgressDialog::canceled, this, [this, flow] {
    if (flow->refining) {
      flow->stopRefinement = true;
      statusBar()->showMessage(tr("Stopping the refinement; the best code so far is kept…"));
    } else {
      flow->cancel = true;
    }
  });

  auto* finder = new QFutureWatcher<FindOutcome>(this);
  connect(finder, &QFutureWatcher<FindOutcome>::finished, this, [this, finder, progress, flow, cancel, path] {
    FindOutcome outcome = finder->result();
    finder->deleteLater();
    const QString name = QFileInfo(path).fileName();
    if (*cancel || path != currentPath_) {  // cancelled, or another file was opened meanwhile
      progress->deleteLater();
      return;
    }
    if (!outcome.error.isEmpty() || outcome.found.faces.empty()) {
      progress->deleteLater();
      showProblem(outcome.error.isEmpty()
                      ? tr("No face was found in %1. Facet looks for upright, roughly frontal faces at least about 40 "
                           "pixels wide.").arg(name)
                      : outcome.error);
      return;
    }
    auto state = std::make_shared<PhotoState>();
    state->path = path;
    state->photo = outcome.found.photo;
    state->faces = outcome.found.faces;
    state->sha256 = outcome.sha256;
    const int count = static_cast<int>(state->faces.size());
    const auto models = doc_->models();
    if (!models) {
      // Nothing to edit with: the faces are boxed and numbered, and read by face-api when it is installed.
      progress->deleteLater();
      photo_ = state;
      statusBar()->showMessage(tr("Found %1 face(s) in %2; load a generator (Tools ▸ Models) to edit.").arg(count).arg(name));
      analyzePhotoFaces(state);
      return;
    }
    if (count > 1) {
      state->chosen = askWhichFace(state->faces, tr("%1 faces were found. Which one do you want to edit?").arg(count));
      if (state->chosen < 0 || state->chosen >= count) {
        progress->deleteLater();
        statusBar()->showMessage(tr("No face chosen."));
        return;
      }
    }
    photo_ = state;
    const int refineSteps = refinementSteps();
    progress->setLabelText(refineSteps > 0 && !models->encoder ? tr("Aligning the face…")
                                                                : tr("Aligning and embedding the face…"));
    auto* embedder = new QFutureWatcher<EmbedOutcome>(this);
    connect(embedder, &QFutureWatcher<EmbedOutcome>::finished, this, [this, embedder, progress, flow, state] {
      EmbedOutcome result = embedder->result();
      embedder->deleteLater();
      progress->deleteLater();
      if (flow->cancel || photo_ != state) return;
      state->aligned = result.embedded.aligned;
      state->face = result.face;
      if (!state->aligned.image.empty()) preview_->setImage(app::matToImage(state->aligned.image));
      if (!result.error.isEmpty()) {
        // The face is aligned and shown; what is missing to edit it (an encoder) is guidance, not a failure.
        showProblem(result.error, /*warning=*/!state->aligned.image.empty());
        return;
      }
      if (result.refined) rememberRefinementStepMs(result.embedded.refined.ms_per_step);
      if (result.embedded.wplus.defined() && setPhotoFaceWplus(result.embedded.wplus) && !result.note.isEmpty())
        statusBar()->showMessage(statusBar()->currentMessage() + " — " + result.note);
    });
    QPointer<QProgressDialog> dialog(progress);
    embedder->setFuture(QtConcurrent::run([models, state, flow, refineSteps, dialog] {
      EmbedOutcome outcome;
      const face::Face& chosen = state->faces[static_cast<size_t>(state->chosen)];
      pipeline::EmbedModels embedModels;
      embedModels.generator = models->generator;
      embedModels.encoder = models->encoder;
      pipeline::EmbedSettings settings;
      settings.refine_steps = refineSteps;
      settings.refine.keep_best = true;  // Cancel keeps the best code so far
      pipeline::EmbedControl control;
      control.cancel = &flow->cancel;
      control.stop_refinement = &flow->stopRefinement;
      auto refineStart = std::make_shared<std::chrono::steady_clock::time_point>();
      control.refinement_started = [flow, dialog, refineSteps, refineStart] {
        *refineStart = std::chrono::steady_clock::now();
        flow->refining = true;
        QMetaObject::invokeMethod(QCoreApplication::instance(), [dialog, refineSteps] {
          if (!dialog) return;
          dialog->setLabelText(MainWindow::tr("Refining the face's code (Cancel keeps the best so far)…"));
          dialog->setRange(0, refineSteps);
          dialog->setValue(0);
        });
      };
      control.progress = [dialog, refineStart](const embed::EmbedProgress& p) {
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - *refineStart).count();
        const double left = elapsed / p.step * (p.steps - p.step);
        QMetaObject::invokeMethod(QCoreApplication::instance(), [dialog, p, left] {
          if (!dialog) return;
          dialog->setValue(p.step);
          dialog->setLabelText(MainWindow::tr("Refining the face's code: step %1 of %2, %3 dB, %4 left (Cancel "
                                              "keeps the best so far)…")
                                   .arg(p.step).arg(p.steps).arg(p.psnr, 0, 'f', 1)
                                   .arg(RefinementDialog::durationText(left)));
        });
      };
      try {
        if (refineSteps > 0) {
          // LPIPS, else VGG-16 features, else the pixel loss alone (as facet-cli embed --perceptual auto).
          std::string note;
          embedModels.perceptual = models::load_perceptual("auto", models->device, note);
          outcome.note = QString::fromStdString(note);
        }
        outcome.embedded = pipeline::embed_face(state->photo, chosen, embedModels, settings, control);
        outcome.face = app::makePhotoFace(state->path, state->sha256, state->chosen, state->photo,
                                          outcome.embedded.aligned);
        const embed::EmbedResult& refined = outcome.embedded.refined;
        if (refineSteps > 0) {
          outcome.refined = true;
          const QString done =
              flow->stopRefinement
                  ? MainWindow::tr("refinement stopped after %1 of %2 steps (best code kept, %3 dB)")
                        .arg(refined.steps_done).arg(refineSteps).arg(refined.final_psnr, 0, 'f', 1)
                  : MainWindow::tr("refined in %1 steps (%2 dB)").arg(refined.steps_done).arg(refined.final_psnr, 0, 'f', 1);
          outcome.note = outcome.note.isEmpty() ? done : done + " — " + outcome.note;
        }
      } catch (const std::exception& e) {
        // Keep the alignment when only the embedding failed, so the aligned crop can still be shown.
        outcome.error = QString::fromStdString(e.what());
        outcome.embedded.wplus = torch::Tensor();
        if (outcome.embedded.aligned.image.empty()) {
          try {
            outcome.embedded.aligned =
                pipeline::align_face(state->photo, chosen, static_cast<int>(models->generator->size()));
          } catch (const std::exception&) {
          }
        }
      }
      return outcome;
    }));
  });
  const std::string file = QFile::encodeName(path).toStdString();
  finder->setFuture(QtConcurrent::run([file] {
    FindOutcome outcome;
    try {
      // Read once: the bytes are hashed (sessions notice a changed photo) and decoded from memory.
      const std::string bytes = face::read_photo_file(file);
      outcome.sha256 = QString::fromLatin1(
          QCryptographicHash::hash(QByteArray::fromRawData(bytes.data(), static_cast<qsizetype>(bytes.size())),
                                   QCryptographicHash::Sha256).toHex());
      outcome.found = pipeline::find_faces(face::decode_photo(bytes, file));
    } catch (const std::exception& e) {
      outcome.error = QString::fromStdString(e.what());
    }
    return outcome;
  }));
}

void MainWindow::analyzePhotoFaces(const std::shared_ptr<PhotoState>& state) {
  QVector<QRect> boxes;
  QStringList labels;
  for (size_t i = 0; i < state->faces.size(); ++i) {
    const cv::Rect& b = state->faces[i].box;
    boxes << QRect(b.x, b.y, b.width, b.height);
    labels << QString::number(i + 1);
  }
  preview_->setFaceMarks(boxes, labels);
  if (!analyzer_) return;
  using Faces = std::vector<ChartsPanel::PhotoFace>;
  auto* watcher = new QFutureWatcher<Faces>(this);
  connect(watcher, &QFutureWatcher<Faces>::finished, this, [this, watcher, state] {
    const Faces faces = watcher->result();
    watcher->deleteLater();
    if (photo_ != state || doc_->hasFace()) return;  // another photo, or a face to edit now
    charts_->showPhotoFaces(faces);
    Q_EMIT photoFacesAnalyzed();
  });
  watcher->setFuture(QtConcurrent::run([state, analyzer = analyzer_] {
    // Each face aligned as FFHQ and read by face-api, as facet-cli analyze does; alike-ness against the first.
    Faces out;
    torch::Tensor first;
    for (const face::Face& f : state->faces) {
      ChartsPanel::PhotoFace face;
      try {
        const pipeline::MeasuredFace m = pipeline::measure_face(state->photo, f, *analyzer, nullptr);
        face.readout = app::faceReadout(m.analysis);
        if (!first.defined())
          first = m.analysis.descriptor;
        else
          face.distanceToFirst = nn::descriptor_distance(first, m.analysis.descriptor);
      } catch (const std::exception&) {
        // A face too small or cut by the border for the networks: listed without numbers.
      }
      out.push_back(face);
    }
    return out;
  }));
}

bool MainWindow::setPhotoFaceWplus(const torch::Tensor& wplus) {
  const std::shared_ptr<PhotoState> state = photo_;
  if (!state || state->aligned.image.empty()) return false;
  if (!state->face)
    state->face = app::makePhotoFace(state->path, state->sha256, state->chosen, state->photo, state->aligned);
  if (!doc_->setFace(wplus, state->face)) return false;
  currentPath_ = state->path;
  session::OtherFace origin;
  origin.kind = "photo";
  origin.path = QFileInfo(state->path).absoluteFilePath().toStdString();
  origin.photo_sha256 = state->sha256.toStdString();
  origin.face_index = state->chosen;
  doc_->addRecentFace(app::otherFaceOf(origin, doc_->wplus()));
  statusBar()->showMessage(tr("Editing face %1 of %2").arg(state->chosen + 1).arg(QFileInfo(state->path).fileName()));
  return true;
}

void MainWindow::restorePhotoFace(const QString& path, int faceIndex) {
  const torch::Tensor face = doc_->wplus();  // the session's code, just set; a later face makes this restore moot
  auto* watcher = new QFutureWatcher<RestoreOutcome>(this);
  connect(watcher, &QFutureWatcher<RestoreOutcome>::finished, this, [this, watcher, path, faceIndex, face] {
    RestoreOutcome outcome = watcher->result();
    watcher->deleteLater();
    if (!doc_->hasFace() || !doc_->wplus().is_same(face)) return;  // another face was opened meanwhile
    if (!outcome.error.isEmpty()) {
      statusBar()->showMessage(tr("Editing the saved W+ code alone: %1").arg(outcome.error));
      return;
    }
    doc_->setPhotoFace(outcome.face);
    statusBar()->showMessage(tr("Editing face %1 of %2 (restored from the session)")
                                 .arg(faceIndex + 1).arg(QFileInfo(path).fileName()));
    Q_EMIT photoFaceRestored();
  });
  const std::string file = QFile::encodeName(path).toStdString();
  // Aligned at the generator's size, as when the face was first embedded (a session opens after its models).
  const int size = doc_->models() ? static_cast<int>(doc_->models()->generator->size()) : 1024;
  watcher->setFuture(QtConcurrent::run([file, path, faceIndex, size, name = QFileInfo(path).fileName()] {
    RestoreOutcome outcome;
    try {
      const pipeline::PhotoFaces found = pipeline::find_faces(file);
      const int count = static_cast<int>(found.faces.size());
      if (faceIndex < 0 || faceIndex >= count)
        throw Error(MainWindow::tr("face %1 is no longer found in %2 (%3 face(s) now)")
                        .arg(faceIndex + 1).arg(name).arg(count).toStdString());
      const face::AlignedFace aligned =
          pipeline::align_face(found.photo, found.faces[static_cast<size_t>(faceIndex)], size);
      outcome.face = app::makePhotoFace(path, app::sha256OfFile(path), faceIndex, found.photo, aligned);
    } catch (const std::exception& e) {
      outcome.error = QString::fromStdString(e.what());
    }
    return outcome;
  }));
}

#else  // no core/face in this build

struct MainWindow::PhotoState {};
bool MainWindow::hasPhotoFace() const { return false; }
void MainWindow::analyzePhotoFaces(const std::shared_ptr<PhotoState>&) {}
void MainWindow::findFaces(const QString&) {}
bool MainWindow::setPhotoFaceWplus(const torch::Tensor&) { return false; }
void MainWindow::restorePhotoFace(const QString&, int) {}

#endif

QString MainWindow::samplePhotoPath() {
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

void MainWindow::openSamplePhoto() {
  const QString path = samplePhotoPath();
  if (path.isEmpty()) {
    statusBar()->showMessage(tr("The sample photo astronaut.png is not installed next to Facet."));
    return;
  }
  openPhoto(path);
}

}  // namespace facet::ui
