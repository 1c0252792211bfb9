// MainWindow: faces in photos — found, chosen, aligned and encoded (then optionally refined) on a pool thread
// behind a cancellable progress dialog; the edited face pasted back into the photo for export and, with View ▸
// Show in photo, for the preview; a session's photo face found again; the bundled sample photo. Needs core/face
// (FACET_WITH_VISION); without it a photo is only shown.
#include <QCoreApplication>
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

#ifdef FACET_WITH_VISION
#include <opencv2/imgproc.hpp>

#include "core/io/error.h"
#include "core/models/model_registry.h"
#include "core/pipeline/photo_pipeline.h"
#include "core/video/photo_paste.h"
#include "ui/latest_image_job.h"
#endif

namespace facet::ui {

#ifdef FACET_WITH_VISION

struct MainWindow::PhotoState {
  QString path;
  cv::Mat photo;
  std::vector<face::Face> faces;
  int chosen = 0;
  face::AlignedFace aligned;  // empty image until aligned
  QString sha256;             // of the photo when its faces were found
  QImage photoImage;          // the photo as shown ("before" of the in-photo preview); null until needed
};

namespace {
QImage matToImage(const cv::Mat& bgr) {
  cv::Mat rgb;
  cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
  return QImage(rgb.data, rgb.cols, rgb.rows, static_cast<int>(rgb.step), QImage::Format_RGB888).copy();
}
cv::Mat imageToMat(const QImage& image) {
  const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
  cv::Mat wrapped(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar*>(rgb.constBits()), rgb.bytesPerLine());
  cv::Mat bgr;
  cv::cvtColor(wrapped, bgr, cv::COLOR_RGB2BGR);
  return bgr;
}
struct FindOutcome {
  pipeline::PhotoFaces found;
  QString sha256;  // of the photo's bytes as they were read, for sessions (hashed here, off the GUI thread)
  QString error;
};
struct EmbedOutcome {
  pipeline::EmbeddedFace embedded;
  QString error;
  QString note;          // said after the face is set (refinement skipped or stopped)
  bool refined = false;  // the W+ went through the refinement (cancel then keeps the best code)
};
// The photo flow's cancel state: before the refinement, cancel drops the photo's embedding; during it, cancel
// stops the optimisation and the best code so far is used.
struct FlowState {
  std::atomic<bool> cancel{false};
  std::atomic<bool> refining{false};
  std::atomic<bool> stopRefinement{false};
};
struct RestoreOutcome {
  pipeline::PhotoFaces found;
  face::AlignedFace aligned;
  QString error;
};
}  // namespace

bool MainWindow::hasPhotoFace() const { return photo_ && !photo_->aligned.image.empty(); }

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
      statusBar()->showMessage(outcome.error.isEmpty() ? tr("No face found in %1.").arg(name) : outcome.error);
      return;
    }
    auto state = std::make_shared<PhotoState>();
    state->path = path;
    state->photo = outcome.found.photo;
    state->faces = outcome.found.faces;
    state->sha256 = outcome.sha256;
    state->photoImage = matToImage(state->photo);
    const int count = static_cast<int>(state->faces.size());
    if (count > 1) {
      if (chooseFace_) {
        state->chosen = chooseFace_(count);
      } else {
        QStringList items;
        for (int i = 0; i < count; ++i) {
          const cv::Rect& b = state->faces[static_cast<size_t>(i)].box;
          items << tr("Face %1 (%2×%3 at %4, %5)").arg(i + 1).arg(b.width).arg(b.height).arg(b.x).arg(b.y);
        }
        bool ok = false;
        const QString item = QInputDialog::getItem(this, tr("Choose a face"),
                                                   tr("%1 faces were found. Which one do you want to edit?").arg(count),
                                                   items, 0, false, &ok);
        state->chosen = ok ? items.indexOf(item) : -1;
      }
      if (state->chosen < 0 || state->chosen >= count) {
        progress->deleteLater();
        statusBar()->showMessage(tr("No face chosen."));
        return;
      }
    }
    photo_ = state;
    if (!models_) {
      progress->deleteLater();
      statusBar()->showMessage(tr("Found %1 face(s) in %2; load a generator (Tools ▸ Models) to edit.").arg(count).arg(name));
      return;
    }
    const int refineSteps = refinementSteps();
    progress->setLabelText(refineSteps > 0 && !models_->encoder ? tr("Aligning the face…")
                                                                : tr("Aligning and embedding the face…"));
    auto* embedder = new QFutureWatcher<EmbedOutcome>(this);
    connect(embedder, &QFutureWatcher<EmbedOutcome>::finished, this, [this, embedder, progress, flow, state] {
      EmbedOutcome result = embedder->result();
      embedder->deleteLater();
      progress->deleteLater();
      if (flow->cancel || photo_ != state) return;
      state->aligned = result.embedded.aligned;
      if (!state->aligned.image.empty()) preview_->setImage(matToImage(state->aligned.image));
      if (!result.error.isEmpty()) {
        statusBar()->showMessage(result.error);
        return;
      }
      if (result.embedded.wplus.defined() && setPhotoFaceWplus(result.embedded.wplus) && !result.note.isEmpty())
        statusBar()->showMessage(statusBar()->currentMessage() + " — " + result.note);
    });
    const auto models = models_;
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
      control.refinement_started = [flow, dialog, refineSteps] {
        flow->refining = true;
        QMetaObject::invokeMethod(QCoreApplication::instance(), [dialog, refineSteps] {
          if (!dialog) return;
          dialog->setLabelText(MainWindow::tr("Refining the face's code (Cancel keeps the best so far)…"));
          dialog->setRange(0, refineSteps);
          dialog->setValue(0);
        });
      };
      control.progress = [dialog](const embed::EmbedProgress& p) {
        QMetaObject::invokeMethod(QCoreApplication::instance(), [dialog, p] {
          if (!dialog) return;
          dialog->setValue(p.step);
          dialog->setLabelText(MainWindow::tr("Refining the face's code: step %1 of %2, %3 dB (Cancel keeps the "
                                              "best so far)…").arg(p.step).arg(p.steps).arg(p.psnr, 0, 'f', 1));
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
      outcome.found = pipeline::find_faces(file);
      outcome.sha256 = app::sha256OfFile(QFile::decodeName(file.c_str()));
    } catch (const std::exception& e) {
      outcome.error = QString::fromStdString(e.what());
    }
    return outcome;
  }));
}

bool MainWindow::setPhotoFaceWplus(const torch::Tensor& wplus) {
  if (!hasPhotoFace()) return false;
  const std::shared_ptr<PhotoState> state = photo_;
  setFace(wplus, state->path);  // resets photo_ (any new face does) …
  if (!wplus_.defined()) return false;
  photo_ = state;               // … and this face belongs to the photo
  faceOrigin_ = {QFileInfo(state->path).absoluteFilePath(), state->sha256, state->chosen};
  statusBar()->showMessage(tr("Editing face %1 of %2").arg(state->chosen + 1).arg(QFileInfo(state->path).fileName()));
  return true;
}

namespace {
// The generated face warped back into the photo it was aligned from.
QImage pastedInto(const cv::Mat& photo, const face::AlignedFace& aligned, const QImage& generated) {
  return matToImage(pipeline::paste(photo, aligned, imageToMat(generated)));
}
}  // namespace

std::function<QImage(const QImage&)> MainWindow::pasteBackJob() const {
  if (!hasPhotoFace()) return {};
  const std::shared_ptr<const PhotoState> state = photo_;  // the job keeps the photo even if another one opens
  return [state](const QImage& generated) {
    return generated.isNull() ? QImage() : pastedInto(state->photo, state->aligned, generated);
  };
}

void MainWindow::composePhotoPreview(const app::RenderResult& result) {
  if (!hasPhotoFace() || !result.ok()) return;
  const std::shared_ptr<const PhotoState> state = photo_;
  if (state->photoImage.cacheKey() != preview_->before().cacheKey()) preview_->setBefore(state->photoImage);
  // The paste-back (inverse warp + feathered blend over the photo) runs on a pool thread, newest render wins.
  compositor_->setWork([state](const QImage& generated) {
    return pastedInto(state->photo, state->aligned, generated);
  });
  compositor_->submit(result.sequence, result.image);
}

void MainWindow::restorePhotoFace(const QString& path, int faceIndex) {
  const torch::Tensor face = wplus_;  // the session's code, just set; a later face makes this restore moot
  auto* watcher = new QFutureWatcher<RestoreOutcome>(this);
  connect(watcher, &QFutureWatcher<RestoreOutcome>::finished, this, [this, watcher, path, faceIndex, face] {
    RestoreOutcome outcome = watcher->result();
    watcher->deleteLater();
    if (!wplus_.defined() || !wplus_.is_same(face)) return;  // another face was opened meanwhile
    const QString name = QFileInfo(path).fileName();
    if (!outcome.error.isEmpty()) {
      statusBar()->showMessage(tr("Editing the saved W+ code alone: %1").arg(outcome.error));
      return;
    }
    auto state = std::make_shared<PhotoState>();
    state->path = path;
    state->photo = outcome.found.photo;
    state->faces = outcome.found.faces;
    state->chosen = faceIndex;
    state->aligned = outcome.aligned;
    state->photoImage = matToImage(state->photo);
    photo_ = state;
    statusBar()->showMessage(tr("Editing face %1 of %2 (restored from the session)").arg(faceIndex + 1).arg(name));
    if (showInPhoto_) composePhotoPreview(lastResult_);
    Q_EMIT photoFaceRestored();
  });
  const std::string file = QFile::encodeName(path).toStdString();
  // Aligned at the generator's size, as when the face was first embedded (a session opens after its models).
  const int size = models_ ? static_cast<int>(models_->generator->size()) : 1024;
  watcher->setFuture(QtConcurrent::run([file, faceIndex, size, name = QFileInfo(path).fileName()] {
    RestoreOutcome outcome;
    try {
      outcome.found = pipeline::find_faces(file);
      const int count = static_cast<int>(outcome.found.faces.size());
      if (faceIndex < 0 || faceIndex >= count)
        throw Error(MainWindow::tr("face %1 is no longer found in %2 (%3 face(s) now)")
                        .arg(faceIndex + 1).arg(name).arg(count).toStdString());
      outcome.aligned =
          pipeline::align_face(outcome.found.photo, outcome.found.faces[static_cast<size_t>(faceIndex)], size);
    } catch (const std::exception& e) {
      outcome.error = QString::fromStdString(e.what());
    }
    return outcome;
  }));
}

std::shared_ptr<const video::PhotoPaste> MainWindow::photoPasteTarget() const {
  if (!hasPhotoFace()) return nullptr;
  return std::make_shared<const video::PhotoPaste>(video::make_photo_paste(photo_->photo, photo_->aligned));
}

#else  // no core/face in this build

struct MainWindow::PhotoState {};
bool MainWindow::hasPhotoFace() const { return false; }
void MainWindow::findFaces(const QString&) {}
bool MainWindow::setPhotoFaceWplus(const torch::Tensor&) { return false; }
std::function<QImage(const QImage&)> MainWindow::pasteBackJob() const { return {}; }
void MainWindow::composePhotoPreview(const app::RenderResult&) {}
void MainWindow::restorePhotoFace(const QString&, int) {}
std::shared_ptr<const video::PhotoPaste> MainWindow::photoPasteTarget() const { return nullptr; }

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
