#include "app/editor/two_face_workflow.h"

#include <QFileInfo>

#include "app/editor/edit_document.h"
#include "app/editor/error_text.h"
#include "app/editor/job_runner.h"
#include "app/editor/photo_workflow.h"
#include "app/editor/refinement_settings.h"
#include "app/editor/two_face_state.h"
#include "core/edit/two_faces.h"
#ifdef FACET_WITH_VISION
#include "core/pipeline/photo_pipeline.h"
#endif

namespace facet::app {

namespace {
const QString kJobKey = QStringLiteral("other-face");

QString modeName(edit::TwoFaceMode mode) {
  switch (mode) {
    case edit::TwoFaceMode::Morph: return TwoFaceWorkflow::tr("morph");
    case edit::TwoFaceMode::Mix: return TwoFaceWorkflow::tr("mix layers");
    case edit::TwoFaceMode::Expression: return TwoFaceWorkflow::tr("transfer an expression");
    case edit::TwoFaceMode::None: break;
  }
  return TwoFaceWorkflow::tr("off");
}

// What is still missing before the operation changes the face ("" when nothing is).
QString missingFaces(const TwoFaceState& state) {
  switch (state.mode) {
    case edit::TwoFaceMode::Morph:
    case edit::TwoFaceMode::Mix:
      return state.second ? QString() : TwoFaceWorkflow::tr("Choose the second face (Two faces ▸ Choose).");
    case edit::TwoFaceMode::Expression:
      return state.neutral && state.expressive
                 ? QString()
                 : TwoFaceWorkflow::tr("Choose a neutral and an expressive face, best two photos of one person "
                                       "(Two faces ▸ Choose).");
    case edit::TwoFaceMode::None: break;
  }
  return {};
}
}  // namespace

TwoFaceWorkflow::TwoFaceWorkflow(EditDocument* document, JobRunner* jobs, const PhotoWorkflow* photos,
                                 QObject* parent)
    : QObject(parent), doc_(document), jobs_(jobs), photos_(photos) {}

QString TwoFaceWorkflow::roleName(const std::string& role) {
  if (role == "neutral") return tr("neutral");
  if (role == "expressive") return tr("expressive");
  return tr("second");
}

bool TwoFaceWorkflow::haveGenerator() {
  if (doc_->models()) return true;
  Q_EMIT problem(tr("No generator is loaded. Open Tools ▸ Models to install or locate one."));
  return false;
}

void TwoFaceWorkflow::use(const std::string& role, const OtherFace& face) {
  TwoFaceState state = doc_->twoFaces();
  state.slot(role) = face;
  const bool secondRole = role == "second";
  const bool usesSecond = state.mode == edit::TwoFaceMode::Morph || state.mode == edit::TwoFaceMode::Mix;
  if (state.mode == edit::TwoFaceMode::None || secondRole != usesSecond) {
    state.mode = secondRole ? edit::TwoFaceMode::Morph : edit::TwoFaceMode::Expression;
    state.amount = edit::starting_amount(state.mode);
  }
  if (!doc_->setTwoFaces(state)) return;
  Q_EMIT faceUsed();
  Q_EMIT stateChanged();
  doc_->addRecentFace(face);
  doc_->commitTwoFaces(tr("Choose the %1 face").arg(roleName(role)));
  const QString missing = missingFaces(state);
  Q_EMIT message(missing.isEmpty() ? tr("The %1 face is %2").arg(roleName(role), face.label) : missing);
}

void TwoFaceWorkflow::setMode(edit::TwoFaceMode mode) {
  TwoFaceState state = doc_->twoFaces();
  state.mode = mode;
  state.amount = edit::starting_amount(mode);
  if (mode == edit::TwoFaceMode::Mix && doc_->models())
    state.mixLayers = edit::mix_layer_preset("coarse", doc_->models()->generator->n_latent());
  const bool set = doc_->setTwoFaces(state);
  Q_EMIT stateChanged();  // refused: the view goes back to the document's state
  if (!set) return;
  doc_->commitTwoFaces(tr("Two faces: %1").arg(modeName(mode)));
  const QString missing = missingFaces(state);
  Q_EMIT message(missing.isEmpty() ? tr("Two faces: %1").arg(modeName(mode)) : missing);
}

void TwoFaceWorkflow::moveAmount(double amount) {
  TwoFaceState state = doc_->twoFaces();
  state.amount = amount;
  doc_->setTwoFaces(state);
}

void TwoFaceWorkflow::releaseAmount() { doc_->commitTwoFaces(tr("Change %1").arg(modeName(doc_->twoFaces().mode))); }

void TwoFaceWorkflow::setMixLayers(const std::vector<bool>& layers) {
  TwoFaceState state = doc_->twoFaces();
  state.mixLayers = layers;
  if (doc_->setTwoFaces(state)) doc_->commitTwoFaces(tr("Change the mixed layers"));
  Q_EMIT stateChanged();
}

void TwoFaceWorkflow::fromWplus(const std::string& role, const QString& path) {
  if (!haveGenerator()) return;
  try {
    use(role, otherFaceFromWplus(*doc_->models()->generator, path));  // a file read: no network
  } catch (const std::exception& e) {
    Q_EMIT problem(tr("Cannot use %1: %2").arg(QFileInfo(path).fileName(), errorText(e)));
  }
}

void TwoFaceWorkflow::fromSeed(const std::string& role, uint64_t seed) {
  if (!haveGenerator()) return;
  const auto models = doc_->models();
  jobs_->run<OtherFace>(
      tr("Drawing a random face…"),
      [models, seed](JobContext&) { return otherFaceFromSeed(*models->generator, seed); },  // the mapping network
      [this, role, models](OtherFace face) {
        if (doc_->models() == models) use(role, face);
      },
      {kJobKey, false});
}

void TwoFaceWorkflow::fromRecent(const std::string& role, int index) {
  if (index < 0 || index >= static_cast<int>(doc_->recentFaces().size())) return;
  const OtherFace face = doc_->recentFaces()[static_cast<size_t>(index)];  // a copy: use() reorders the list
  use(role, face);
}

#ifdef FACET_WITH_VISION
void TwoFaceWorkflow::fromPhoto(const std::string& role, const QString& path) {
  if (!haveGenerator()) return;
  const auto models = doc_->models();
  const QString name = QFileInfo(path).fileName();
  // Found on the pool, the face chosen here when there are several, then embedded on the pool.
  jobs_->run<OtherFacePhoto>(
      tr("Finding the %1 face in %2…").arg(roleName(role), name), [path](JobContext&) { return findOtherFacePhoto(path); },
      [this, role, models, name](OtherFacePhoto photo) {
        int index = 0;
        if (photo.faceCount > 1) {
          QVector<QRect> boxes;
          for (const face::Face& f : photo.found->faces) boxes << QRect(f.box.x, f.box.y, f.box.width, f.box.height);
          index = photos_->chooseFace(boxes, tr("%1 faces were found. Which one is the %2 face?")
                                                 .arg(photo.faceCount).arg(roleName(role)));
          if (index < 0 || index >= photo.faceCount) {
            Q_EMIT message(tr("The %1 face was not changed.").arg(roleName(role)));
            return;
          }
        }
        const int steps = RefinementSettings::steps();
        jobs_->run<OtherFace>(
            tr("Embedding the %1 face from %2…").arg(roleName(role), name),
            [models, photo, index, steps](JobContext& context) {
              return embedOtherFacePhoto(*models, photo, index, steps, context.cancelFlag());
            },
            [this, role, models](OtherFace face) {
              if (doc_->models() == models) use(role, face);
            },
            {kJobKey, true});
      },
      {kJobKey, true});
}
#else
void TwoFaceWorkflow::fromPhoto(const std::string&, const QString&) {
  Q_EMIT problem(tr("This build of Facet cannot find faces in photos; use a W+ code or a random face."));
}
#endif

}  // namespace facet::app
