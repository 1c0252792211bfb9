// MainWindow: faces in photos — found, chosen, aligned and encoded on a pool thread behind a cancellable
// progress dialog, and the edited face pasted back into the photo for export. Needs core/face (FACET_HAVE_FACE);
// without it a photo is only shown.
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QProgressDialog>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

#include <torch/torch.h>

#include "ui/main_window.h"
#include "ui/preview_widget.h"

#ifdef FACET_HAVE_FACE
#include <opencv2/imgproc.hpp>

#include "core/face/compositor.h"
#include "ui/photo_faces.h"
#endif
#ifdef FACET_VIDEO_HAS_FACE
#include "core/video/photo_paste.h"
#endif

namespace facet::ui {

#ifdef FACET_HAVE_FACE

struct MainWindow::PhotoState {
  QString path;
  cv::Mat photo;
  std::vector<face::Face> faces;
  int chosen = 0;
  face::AlignedFace aligned;  // empty image until aligned
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
  PhotoFaces found;
  QString error;
};
struct EmbedOutcome {
  EmbeddedFace embedded;
  QString error;
};
}  // namespace

bool MainWindow::hasPhotoFace() const { return photo_ && !photo_->aligned.image.empty(); }

void MainWindow::findFaces(const QString& path) {
  auto cancel = std::make_shared<std::atomic<bool>>(false);
  auto* progress = new QProgressDialog(tr("Finding faces in %1…").arg(QFileInfo(path).fileName()), tr("Cancel"), 0, 0, this);
  progress->setObjectName("faceProgress");
  progress->setWindowModality(Qt::WindowModal);
  progress->setMinimumDuration(400);
  connect(progress, &QProgressDialog::canceled, this, [cancel] { *cancel = true; });

  auto* finder = new QFutureWatcher<FindOutcome>(this);
  connect(finder, &QFutureWatcher<FindOutcome>::finished, this, [this, finder, progress, cancel, path] {
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
    progress->setLabelText(tr("Aligning and embedding the face…"));
    auto* embedder = new QFutureWatcher<EmbedOutcome>(this);
    connect(embedder, &QFutureWatcher<EmbedOutcome>::finished, this, [this, embedder, progress, cancel, state] {
      EmbedOutcome result = embedder->result();
      embedder->deleteLater();
      progress->deleteLater();
      if (*cancel || photo_ != state) return;
      state->aligned = result.embedded.aligned;
      if (!state->aligned.image.empty()) preview_->setImage(matToImage(state->aligned.image));
      if (!result.error.isEmpty()) {
        statusBar()->showMessage(result.error);
        return;
      }
      if (result.embedded.wplus.defined()) setPhotoFaceWplus(result.embedded.wplus);
    });
    const auto models = models_;
    embedder->setFuture(QtConcurrent::run([models, state, cancel] {
      EmbedOutcome outcome;
      try {
        outcome.embedded = embedFace(*models, state->photo, state->faces[static_cast<size_t>(state->chosen)], *cancel);
      } catch (const std::exception& e) {
        // Keep the alignment when only the encoder failed, so the aligned crop can still be shown.
        outcome.error = QString::fromStdString(e.what());
        try {
          outcome.embedded.aligned = face::align_ffhq(state->photo, state->faces[static_cast<size_t>(state->chosen)].landmarks, 1024);
        } catch (const std::exception&) {
        }
      }
      return outcome;
    }));
  });
  const std::string file = QFile::encodeName(path).toStdString();
  finder->setFuture(QtConcurrent::run([file] {
    FindOutcome outcome;
    try {
      outcome.found = findPhotoFaces(file);
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
  statusBar()->showMessage(tr("Editing face %1 of %2").arg(state->chosen + 1).arg(QFileInfo(state->path).fileName()));
  return true;
}

QImage MainWindow::pasteBack(const QImage& generated) const {
  if (!hasPhotoFace() || generated.isNull()) return {};
  return matToImage(face::paste_back(photo_->photo, imageToMat(generated), photo_->aligned));
}

std::shared_ptr<const video::PhotoPaste> MainWindow::photoPasteTarget() const {
#ifdef FACET_VIDEO_HAS_FACE
  if (!hasPhotoFace()) return nullptr;
  return std::make_shared<const video::PhotoPaste>(video::make_photo_paste(photo_->photo, photo_->aligned));
#else
  return nullptr;
#endif
}

#else  // no core/face in this build

struct MainWindow::PhotoState {};
bool MainWindow::hasPhotoFace() const { return false; }
void MainWindow::findFaces(const QString&) {}
bool MainWindow::setPhotoFaceWplus(const torch::Tensor&) { return false; }
QImage MainWindow::pasteBack(const QImage&) const { return {}; }
std::shared_ptr<const video::PhotoPaste> MainWindow::photoPasteTarget() const { return nullptr; }

#endif

}  // namespace facet::ui
