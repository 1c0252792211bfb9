#include "app/editor/photo_workflow.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>

#include <torch/torch.h>

#include "app/editor/edit_document.h"
#include "app/editor/error_text.h"
#include "app/editor/job_runner.h"
#include "app/editor/photo_face.h"
#include "app/editor/refinement_settings.h"
#include "app/editor/session.h"
#include "app/editor/two_face_state.h"
#include "core/io/error.h"
#include "core/models/model_registry.h"
#ifdef FACET_WITH_VISION
#include "app/editor/generator_backend.h"
#include "core/face/photo.h"
#include "core/pipeline/face_measure.h"
#include "core/pipeline/photo_pipeline.h"
#endif

namespace facet::app {

namespace {
const QString kJobKey = QStringLiteral("photo");
}  // namespace

#ifdef FACET_WITH_VISION

struct PhotoWorkflow::State {
  QString path;
  QString sha256;  // of the bytes the faces were found in
  cv::Mat photo;   // upright BGR
  std::vector<face::Face> faces;
  int chosen = 0;
  face::AlignedFace aligned;  // empty until aligned
  std::shared_ptr<const PhotoFace> face;
};

struct PhotoWorkflow::Found {
  pipeline::PhotoFaces found;
  QString sha256;
  QImage shown;
};

struct PhotoWorkflow::Embedded {
  pipeline::EmbeddedFace embedded;
  std::shared_ptr<const PhotoFace> face;
  QString error;
  bool needsEncoder = false;  // aligned only: no encoder and no refinement asked for
  QString note;               // said once the face is set (refinement stopped, the loss used)
  bool refined = false;
};

namespace {
QVector<QRect> boxesOf(const std::vector<face::Face>& faces) {
  QVector<QRect> boxes;
  for (const face::Face& f : faces) boxes << QRect(f.box.x, f.box.y, f.box.width, f.box.height);
  return boxes;
}
}  // namespace

#else

struct PhotoWorkflow::State {
  QString path;
};
struct PhotoWorkflow::Found {
  QImage shown;
};
struct PhotoWorkflow::Embedded {};

#endif

PhotoWorkflow::PhotoWorkflow(EditDocument* document, JobRunner* jobs, QObject* parent)
    : QObject(parent), doc_(document), jobs_(jobs) {}

PhotoWorkflow::~PhotoWorkflow() = default;

int PhotoWorkflow::chooseFace(const QVector<QRect>& boxes, const QString& question) const {
  if (boxes.size() <= 1 || !chooser_) return boxes.isEmpty() ? -1 : 0;
  return chooser_(boxes, question);
}

bool PhotoWorkflow::busy() const { return jobs_->hasRunning(kJobKey); }

void PhotoWorkflow::close() {
  jobs_->cancelKey(kJobKey);
  state_.reset();
  path_.clear();
}

void PhotoWorkflow::open(const QString& path) {
  close();
  path_ = path;
  doc_->clearFace();
  doc_->setOpenedPath(path);
  const QString name = QFileInfo(path).fileName();
  const std::string file = QFile::encodeName(path).toStdString();
  jobs_->run<Found>(
      tr("Finding faces in %1…").arg(name),
      [file, path](JobContext&) {
        Found outcome;
        try {
#ifdef FACET_WITH_VISION
        // Read once: the bytes are hashed (sessions notice a changed photo) and decoded from memory, and the
        // decoded photo is what the preview shows.
        const std::string bytes = face::read_photo_file(file);
        outcome.sha256 = QString::fromLatin1(
            QCryptographicHash::hash(QByteArray::fromRawData(bytes.data(), static_cast<qsizetype>(bytes.size())),
                                     QCryptographicHash::Sha256).toHex());
        outcome.found = pipeline::find_faces(face::decode_photo(bytes, file));
        outcome.shown = matToImage(outcome.found.photo);
#else
        QImageReader reader(path);
        reader.setAutoTransform(true);  // EXIF orientation
        outcome.shown = reader.read();
        if (outcome.shown.isNull()) throw Error(reader.errorString().toStdString());
#endif
        } catch (const std::exception& e) {
          throw Error(tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), errorText(e)).toStdString());
        }
        return outcome;
      },
      [this, path](Found outcome) { found(path, std::move(outcome)); }, {kJobKey, true});
}

void PhotoWorkflow::found(const QString& path, Found outcome) {
  if (path != path_) return;
  Q_EMIT photoShown(outcome.shown);
  const QString name = QFileInfo(path).fileName();
#ifdef FACET_WITH_VISION
  auto state = std::make_shared<State>();
  state->path = path;
  state->sha256 = outcome.sha256;
  state->photo = outcome.found.photo;
  state->faces = outcome.found.faces;
  state_ = state;
  Q_EMIT message(tr("Opened %1 (%2×%3)").arg(name).arg(outcome.shown.width()).arg(outcome.shown.height()));
  if (state->faces.empty()) {
    Q_EMIT problem(tr("No face was found in %1. Facet looks for upright, roughly frontal faces at least about 40 "
                      "pixels wide.").arg(name),
                   Remedy::None);
    return;
  }
  proceed(state);
#else
  Q_EMIT message(tr("Opened %1; this build of Facet cannot find faces in photos.").arg(name));
#endif
}

void PhotoWorkflow::continueWithModels() {
  if (state_ && !doc_->hasFace() && !busy()) proceed(state_);
}

#ifdef FACET_WITH_VISION

void PhotoWorkflow::proceed(const std::shared_ptr<State>& state) {
  const int count = static_cast<int>(state->faces.size());
  const QString name = QFileInfo(state->path).fileName();
  if (!doc_->models()) {
    // Nothing to edit with: the faces are boxed and numbered, and read by face-api when it is installed.
    QStringList labels;
    for (int i = 0; i < count; ++i) labels << QString::number(i + 1);
    Q_EMIT facesMarked(boxesOf(state->faces), labels);
    Q_EMIT problem(tr("Found %1 face(s) in %2. To edit them, install a generator (Tools ▸ Models).").arg(count).arg(name),
                   Remedy::ChooseModels);
    analyze(state);
    return;
  }
  if (count > 1) {
    state->chosen = chooseFace(boxesOf(state->faces), tr("%1 faces were found. Which one do you want to edit?").arg(count));
    if (state->chosen < 0 || state->chosen >= count) {
      state->chosen = 0;
      Q_EMIT message(tr("No face chosen."));
      return;
    }
  }
  embed(state, RefinementSettings::steps());
}

void PhotoWorkflow::refineFromAverage() {
  if (!state_ || !doc_->models() || busy()) return;
  const int steps = RefinementSettings::steps();
  embed(state_, steps > 0 ? steps : RefinementSettings::kStepsFromAverage);
}

void PhotoWorkflow::embed(const std::shared_ptr<State>& state, int refineSteps) {
  const auto models = doc_->models();
  const bool alignOnly = !models->encoder && refineSteps <= 0;
  const QString title = alignOnly ? tr("Aligning the face…")
                        : models->encoder ? tr("Aligning and embedding the face…")
                                          : tr("Aligning the face and refining it from the average face…");
  jobs_->run<Embedded>(
      title,
      [models, state, refineSteps, alignOnly](JobContext& context) {
        Embedded outcome;
        const face::Face& chosen = state->faces[static_cast<size_t>(state->chosen)];
        const int size = static_cast<int>(models->generator->size());
        if (alignOnly) {
          outcome.embedded.aligned = pipeline::align_face(state->photo, chosen, size);
          outcome.needsEncoder = true;
        } else {
          pipeline::EmbedModels embedModels;
          embedModels.generator = models->generator;
          embedModels.encoder = models->encoder;
          pipeline::EmbedSettings settings;
          settings.refine_steps = refineSteps;
          settings.refine.keep_best = true;  // Cancel keeps the best code so far
          pipeline::EmbedControl control;
          control.cancel = context.cancelFlag();
          control.stop_refinement = context.stopFlag();
          auto start = std::make_shared<std::chrono::steady_clock::time_point>();
          control.refinement_started = [&context, refineSteps, start] {
            *start = std::chrono::steady_clock::now();
            context.setCancelKeepsResult(true);
            context.progress(0, refineSteps, tr("Refining the face's code (Cancel keeps the best so far)…"));
          };
          control.progress = [&context, start](const embed::EmbedProgress& p) {
            const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - *start).count();
            context.progress(p.step, p.steps,
                             tr("Refining the face's code: step %1 of %2, %3 dB, %4 left (Cancel keeps the best "
                                "so far)…")
                                 .arg(p.step).arg(p.steps).arg(p.psnr, 0, 'f', 1)
                                 .arg(RefinementSettings::durationText(elapsed / p.step * (p.steps - p.step))));
          };
          try {
            if (refineSteps > 0) {
              // LPIPS, else VGG-16 features, else the pixel loss alone (as facet-cli embed --perceptual auto).
              std::string note;
              embedModels.perceptual = models::load_perceptual("auto", models->device, note);
              outcome.note = QString::fromStdString(note);
            }
            outcome.embedded = pipeline::embed_face(state->photo, chosen, embedModels, settings, control);
            if (refineSteps > 0) {
              const embed::EmbedResult& refined = outcome.embedded.refined;
              outcome.refined = true;
              const QString done =
                  context.stopped()
                      ? tr("refinement stopped after %1 of %2 steps (best code kept, %3 dB)")
                            .arg(refined.steps_done).arg(refineSteps).arg(refined.final_psnr, 0, 'f', 1)
                      : tr("refined in %1 steps (%2 dB)").arg(refined.steps_done).arg(refined.final_psnr, 0, 'f', 1);
              outcome.note = outcome.note.isEmpty() ? done : done + " — " + outcome.note;
            }
          } catch (const std::exception& e) {
            // The alignment is kept when only the embedding failed, so the aligned crop can still be shown.
            outcome.error = errorText(e);
            outcome.embedded.wplus = torch::Tensor();
            if (outcome.embedded.aligned.image.empty()) outcome.embedded.aligned = pipeline::align_face(state->photo, chosen, size);
          }
        }
        outcome.face = makePhotoFace(state->path, state->sha256, state->chosen, state->photo, outcome.embedded.aligned);
        return outcome;
      },
      [this, state](Embedded outcome) { embedded(state, std::move(outcome)); }, {kJobKey, true});
}

void PhotoWorkflow::embedded(const std::shared_ptr<State>& state, Embedded outcome) {
  if (state != state_) return;
  state->aligned = outcome.embedded.aligned;
  state->face = outcome.face;
  if (!outcome.embedded.wplus.defined() && !state->aligned.image.empty())
    Q_EMIT alignedShown(matToImage(state->aligned.image));
  const auto models = doc_->models();
  if (outcome.needsEncoder) {
    const double ms = RefinementSettings::msPerStep(models.get());
    const int steps = RefinementSettings::kStepsFromAverage;
    const QString time = ms > 0 ? " " + tr("(%1 here)").arg(RefinementSettings::durationText(steps * ms / 1000.0)) : QString();
    Q_EMIT problem(tr("The face is aligned, but no encoder is installed to give it a code. Refine it from the "
                      "average face (%1 steps%2), or install an encoder (Tools ▸ Models).").arg(steps).arg(time),
                   Remedy::RefineOrChooseModels);
    return;
  }
  if (!outcome.error.isEmpty()) {
    Q_EMIT problem(outcome.error, Remedy::None);
    return;
  }
  if (outcome.refined) RefinementSettings::rememberMsPerStep(models.get(), outcome.embedded.refined.ms_per_step);
  useCode(outcome.embedded.wplus, outcome.note);
}

bool PhotoWorkflow::hasAlignedFace() const {
  return doc_->hasPhotoFace() || (state_ && !state_->aligned.image.empty());
}

bool PhotoWorkflow::useCode(const torch::Tensor& wplus, const QString& note) {
  const std::shared_ptr<State> state = state_;
  if (!state || state->aligned.image.empty() || !wplus.defined()) return false;
  if (!state->face) state->face = makePhotoFace(state->path, state->sha256, state->chosen, state->photo, state->aligned);
  if (!doc_->setFace(wplus, state->face)) return false;
  doc_->setOpenedPath(state->path);
  session::OtherFace origin;
  origin.kind = "photo";
  origin.path = QFileInfo(state->path).absoluteFilePath().toStdString();
  origin.photo_sha256 = state->sha256.toStdString();
  origin.face_index = state->chosen;
  doc_->addRecentFace(otherFaceOf(origin, doc_->wplus()));
  const QString editing = tr("Editing face %1 of %2").arg(state->chosen + 1).arg(QFileInfo(state->path).fileName());
  Q_EMIT message(note.isEmpty() ? editing : editing + " — " + note);
  Q_EMIT faceReady();
  return true;
}

void PhotoWorkflow::analyze(const std::shared_ptr<State>& state) {
  if (!analyzer_) return;
  jobs_->run<std::vector<AnalyzedFace>>(
      tr("Reading the faces in %1…").arg(QFileInfo(state->path).fileName()),
      [state, analyzer = analyzer_](JobContext&) {
        // Each face aligned as FFHQ and read by face-api, as facet-cli analyze does; alike-ness against the first.
        std::vector<AnalyzedFace> out;
        torch::Tensor first;
        for (const face::Face& f : state->faces) {
          AnalyzedFace face;
          try {
            const pipeline::MeasuredFace m = pipeline::measure_face(state->photo, f, *analyzer, nullptr);
            face.readout = faceReadout(m.analysis);
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
      },
      [this, state](std::vector<AnalyzedFace> faces) {
        if (state == state_ && !doc_->hasFace()) Q_EMIT facesAnalyzed(faces);
      },
      {"photo-analysis", false});
}

void PhotoWorkflow::restore(const QString& path, int faceIndex) {
  const torch::Tensor code = doc_->wplus();  // the session's code, just set; a later face makes this moot
  // Aligned at the generator's size, as when the face was first embedded (a session opens after its models).
  const int size = doc_->models() ? static_cast<int>(doc_->models()->generator->size()) : 1024;
  const std::string file = QFile::encodeName(path).toStdString();
  const QString name = QFileInfo(path).fileName();
  jobs_->run<std::shared_ptr<const PhotoFace>>(
      tr("Finding face %1 in %2…").arg(faceIndex + 1).arg(name),
      [file, path, faceIndex, size, name](JobContext&) {
        const pipeline::PhotoFaces found = pipeline::find_faces(file);
        const int count = static_cast<int>(found.faces.size());
        if (faceIndex < 0 || faceIndex >= count)
          throw Error(tr("Editing the saved W+ code alone: face %1 is no longer found in %2 (%3 face(s) now).")
                          .arg(faceIndex + 1).arg(name).arg(count).toStdString());
        const face::AlignedFace aligned =
            pipeline::align_face(found.photo, found.faces[static_cast<size_t>(faceIndex)], size);
        return makePhotoFace(path, sha256OfFile(path), faceIndex, found.photo, aligned);
      },
      [this, code, faceIndex, name](std::shared_ptr<const PhotoFace> face) {
        if (!doc_->hasFace() || !doc_->wplus().is_same(code)) return;  // another face was opened meanwhile
        doc_->setPhotoFace(face);
        Q_EMIT message(tr("Editing face %1 of %2 (restored from the session)").arg(faceIndex + 1).arg(name));
        Q_EMIT photoFaceRestored();
      },
      {kJobKey, false});
}

#else  // no core/face in this build

void PhotoWorkflow::proceed(const std::shared_ptr<State>&) {}
void PhotoWorkflow::refineFromAverage() {}
void PhotoWorkflow::embed(const std::shared_ptr<State>&, int) {}
void PhotoWorkflow::embedded(const std::shared_ptr<State>&, Embedded) {}
void PhotoWorkflow::analyze(const std::shared_ptr<State>&) {}
bool PhotoWorkflow::hasAlignedFace() const { return false; }
bool PhotoWorkflow::useCode(const torch::Tensor&, const QString&) { return false; }
void PhotoWorkflow::restore(const QString&, int) {}

#endif

}  // namespace facet::app
