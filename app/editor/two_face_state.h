#pragma once
// The faces beside the edited one and what the editor does with them (core/edit/two_faces.h): a second face to
// morph towards or mix layers from, or a neutral and an expressive face whose difference is an expression. Each
// face keeps where it came from (a photo, a W+ file or a seed) for sessions and for the "Recent" menu. The photo
// loaders block (a photo's faces are found, then one is aligned and embedded by the same pipeline as the edited
// face): run them off the GUI thread.
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <QString>
#include <torch/types.h>

#include "core/edit/two_faces.h"
#include "core/session/session.h"

namespace facet::models {
struct ModelSet;
}
namespace facet::nn {
class StyleGan2;
}
namespace facet::pipeline {
struct PhotoFaces;
}

namespace facet::app {

struct OtherFace {
  session::OtherFace origin;  // kind, path, photo hash, face index, seed (the role is set by where it is used)
  QString label;              // how the editor names it: "portrait.jpg, face 1", "code.npy", "random face 42"
  torch::Tensor wplus;        // [1, n_latent, dim] float32 on the CPU
};

// The face's name from where it came from.
QString otherFaceLabel(const session::OtherFace& origin);
// A face with its label made from its origin.
OtherFace otherFaceOf(session::OtherFace origin, const torch::Tensor& wplus);

struct TwoFaceState {
  edit::TwoFaceMode mode = edit::TwoFaceMode::None;
  double amount = 0;               // morph λ (weight of the edited face), mix strength or expression λ
  std::vector<bool> mixLayers;     // mix: the layers taken from the second face; empty: coarse (0–3)
  std::optional<OtherFace> second;             // morph, mix
  std::optional<OtherFace> neutral, expressive;  // expression transfer

  // The operation for renders and exports; null when it changes nothing (no mode, or a face it needs is missing).
  std::shared_ptr<const edit::TwoFaces> toEdit() const;
  bool active() const { return toEdit() != nullptr; }
  // For sessions: the settings with each face's origin and role, and the codes by role.
  session::TwoFaceSettings settings() const;
  std::map<std::string, torch::Tensor> codes() const;
  // A session's settings and the codes by role back as a state; facet::Error for an unknown mode.
  static TwoFaceState fromSession(const session::TwoFaceSettings& settings,
                                  const std::map<std::string, torch::Tensor>& codes);
  // The slot of a role ("second", "neutral", "expressive").
  std::optional<OtherFace>& slot(const std::string& role);
  const std::optional<OtherFace>& slot(const std::string& role) const;
};

// A random face as the editor samples them: z ~ N(0, I) from the seed, mapped, truncated (ψ).
torch::Tensor randomFaceCode(const nn::StyleGan2& generator, uint64_t seed, double truncation = 0.7);
OtherFace otherFaceFromSeed(const nn::StyleGan2& generator, uint64_t seed);
// A W+ .npy holding one code for this generator (nn::read_wplus_file); facet::Error saying what is wrong with it.
OtherFace otherFaceFromWplus(const nn::StyleGan2& generator, const QString& path);
#ifdef FACET_WITH_VISION
// A photo for a face slot, read, hashed and its faces found (detector order, largest first); facet::Error for a
// damaged photo or one without a face.
struct OtherFacePhoto {
  QString path;  // absolute
  std::string sha256;
  std::shared_ptr<const pipeline::PhotoFaces> found;
  int faceCount = 0;
};
OtherFacePhoto findOtherFacePhoto(const QString& path);
// Face `faceIndex` of it aligned and embedded by the same pipeline as the edited face (the encoder, then
// `refineSteps` of Image2StyleGAN refinement when asked); facet::Error without an encoder or refinement steps, or
// when `cancel` stopped it.
OtherFace embedOtherFacePhoto(const models::ModelSet& models, const OtherFacePhoto& photo, int faceIndex,
                              int refineSteps, const std::atomic<bool>* cancel = nullptr);
#endif

}  // namespace facet::app
