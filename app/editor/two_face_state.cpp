#include "app/editor/two_face_state.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QObject>
#include <torch/torch.h>

#include "core/io/error.h"
#include "core/nn/stylegan2/wplus_file.h"
#include "core/models/model_registry.h"
#ifdef FACET_WITH_VISION
#include "core/face/photo.h"
#include "core/pipeline/photo_pipeline.h"
#endif

namespace facet::app {

QString otherFaceLabel(const session::OtherFace& origin) {
  const QString name = QFileInfo(QString::fromStdString(origin.path)).fileName();
  if (origin.kind == "photo") return QObject::tr("%1, face %2").arg(name).arg(origin.face_index + 1);
  if (origin.kind == "random") return QObject::tr("random face %1").arg(origin.seed);
  return name;
}

OtherFace otherFaceOf(session::OtherFace origin, const torch::Tensor& wplus) {
  OtherFace face;
  face.label = otherFaceLabel(origin);
  face.origin = std::move(origin);
  face.wplus = wplus;
  return face;
}

std::shared_ptr<const edit::TwoFaces> TwoFaceState::toEdit() const {
  auto two = std::make_shared<edit::TwoFaces>();
  two->mode = mode;
  two->amount = amount;
  two->mix_layers = mixLayers;
  if (second) two->second = second->wplus;
  if (neutral) two->neutral = neutral->wplus;
  if (expressive) two->expressive = expressive->wplus;
  if (!two->active()) return nullptr;
  return two;
}

std::optional<OtherFace>& TwoFaceState::slot(const std::string& role) {
  if (role == "neutral") return neutral;
  if (role == "expressive") return expressive;
  return second;
}

const std::optional<OtherFace>& TwoFaceState::slot(const std::string& role) const {
  return const_cast<TwoFaceState*>(this)->slot(role);
}

session::TwoFaceSettings TwoFaceState::settings() const {
  session::TwoFaceSettings out;
  out.mode = edit::two_face_mode_name(mode);
  out.amount = amount;
  out.mix_layers = mixLayers;
  const auto add = [&](const std::optional<OtherFace>& face, const char* role) {
    if (!face) return;
    session::OtherFace origin = face->origin;
    origin.role = role;
    out.faces.push_back(origin);
  };
  add(second, "second");
  add(neutral, "neutral");
  add(expressive, "expressive");
  return out;
}

std::map<std::string, torch::Tensor> TwoFaceState::codes() const {
  std::map<std::string, torch::Tensor> out;
  if (second) out["second"] = second->wplus;
  if (neutral) out["neutral"] = neutral->wplus;
  if (expressive) out["expressive"] = expressive->wplus;
  return out;
}

TwoFaceState TwoFaceState::fromSession(const session::TwoFaceSettings& settings,
                                       const std::map<std::string, torch::Tensor>& codes) {
  TwoFaceState state;
  state.mode = edit::parse_two_face_mode(settings.mode);
  state.amount = settings.amount;
  state.mixLayers = settings.mix_layers;
  for (const session::OtherFace& origin : settings.faces) {
    const auto code = codes.find(origin.role);
    if (code == codes.end() || !code->second.defined()) continue;
    session::OtherFace where = origin;
    where.wplus_file.clear();  // the file belongs to that session; the next save writes its own
    state.slot(origin.role) = otherFaceOf(where, code->second);
  }
  return state;
}

torch::Tensor randomFaceCode(const nn::StyleGan2& generator, uint64_t seed, double truncation) {
  torch::InferenceMode guard;
  auto random = at::make_generator<at::CPUGeneratorImpl>(seed);
  const torch::Tensor z = torch::randn({1, generator.style_dim()}, random, torch::kFloat32);
  const torch::Tensor w = generator.mapping(z.to(generator.device()));
  return generator.to_wplus(w, truncation).to(torch::kCPU).clone();
}

OtherFace otherFaceFromSeed(const nn::StyleGan2& generator, uint64_t seed) {
  session::OtherFace origin;
  origin.kind = "random";
  origin.seed = seed;
  return otherFaceOf(origin, randomFaceCode(generator, seed));
}

OtherFace otherFaceFromWplus(const nn::StyleGan2& generator, const QString& path) {
  session::OtherFace origin;
  origin.kind = "wplus";
  origin.path = QFileInfo(path).absoluteFilePath().toStdString();
  return otherFaceOf(origin, nn::read_wplus_file(QFile::encodeName(path).toStdString(), generator, /*single=*/true));
}

#ifdef FACET_WITH_VISION
OtherFacePhoto findOtherFacePhoto(const QString& path) {
  const std::string file = QFile::encodeName(path).toStdString();
  const std::string bytes = face::read_photo_file(file);
  OtherFacePhoto out;
  out.path = QFileInfo(path).absoluteFilePath();
  out.sha256 = QCryptographicHash::hash(QByteArray::fromRawData(bytes.data(), static_cast<qsizetype>(bytes.size())),
                                        QCryptographicHash::Sha256)
                   .toHex()
                   .toStdString();
  auto found = std::make_shared<pipeline::PhotoFaces>(pipeline::find_faces(face::decode_photo(bytes, file)));
  pipeline::choose_face(found->faces, 0, file);  // no face: facet::Error naming the photo
  out.faceCount = static_cast<int>(found->faces.size());
  out.found = std::move(found);
  return out;
}

OtherFace embedOtherFacePhoto(const models::ModelSet& models, const OtherFacePhoto& photo, int faceIndex,
                              int refineSteps, const std::atomic<bool>* cancel) {
  if (!models.encoder && refineSteps <= 0)
    throw Error(QObject::tr("embedding a photo's face needs an encoder (pSp/e4e, Tools ▸ Models) or refinement steps "
                            "(Tools ▸ Photo refinement)")
                    .toStdString());
  const std::string file = QFile::encodeName(photo.path).toStdString();
  const face::Face& chosen = pipeline::choose_face(photo.found->faces, faceIndex, file);
  pipeline::EmbedModels embed;
  embed.generator = models.generator;
  embed.encoder = models.encoder;
  pipeline::EmbedSettings settings;
  settings.refine_steps = refineSteps;
  settings.refine.keep_best = true;
  if (refineSteps > 0) {
    std::string note;
    embed.perceptual = models::load_perceptual("auto", models.device, note);
  }
  pipeline::EmbedControl control;
  control.cancel = cancel;
  const pipeline::EmbeddedFace embedded = pipeline::embed_face(photo.found->photo, chosen, embed, settings, control);
  if (!embedded.wplus.defined()) throw Error(file + ": the face was not embedded");
  session::OtherFace origin;
  origin.kind = "photo";
  origin.path = photo.path.toStdString();
  origin.photo_sha256 = photo.sha256;
  origin.face_index = faceIndex;
  return otherFaceOf(origin, embedded.wplus.detach().to(torch::kCPU, torch::kFloat32).contiguous());
}
#endif

}  // namespace facet::app
