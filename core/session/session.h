#pragma once
// Facet's session file (.facet, JSON), read and written here for the editor and the CLI alike: the photo (path and
// SHA-256, so a moved or changed photo is noticed), the chosen face, the W+ code (an .npy beside the session), the
// slider values, the edited layers, the text sliders (their directions embedded), the two-face operation with the
// other faces (their codes beside the session too), the recorded timeline and the ids of the models that made it.
// Writes are atomic; reading checks every field and throws facet::Error with a message that names the file and
// says what is wrong in plain words.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <torch/types.h>

#include "core/edit/two_faces.h"

namespace facet::session {

// A text slider (StyleCLIP direction): the editor's slider id (timelines name it), its α, and the whole direction
// (core/edit/text_direction.h's JSON), so the session needs no file beside it.
struct TextSlider {
  std::string id;
  float alpha = 0;
  nlohmann::json direction;
  bool operator==(const TextSlider& o) const { return id == o.id && alpha == o.alpha && direction == o.direction; }
};

// A face beside the edited one (core/edit/two_faces.h) and where it came from, so the editor can name it and find
// it again; its code is saved beside the session as <session name>.<role>.npy.
struct OtherFace {
  std::string role;          // "second" (morph, mix), "neutral" or "expressive" (expression transfer)
  std::string kind;          // "photo", "wplus" or "random"
  std::string path;          // the photo or W+ file, absolute ("" for a random face)
  std::string photo_sha256;  // a photo's bytes when it was embedded
  int face_index = 0;        // a photo's face (detector order)
  uint64_t seed = 0;         // a random face's seed
  std::string wplus_file;    // its code: relative to the session file's folder, or absolute
  bool operator==(const OtherFace& o) const {
    return role == o.role && kind == o.kind && path == o.path && photo_sha256 == o.photo_sha256 &&
           face_index == o.face_index && seed == o.seed && wplus_file == o.wplus_file;
  }
};

// The two-face operation: edit::TwoFaces without the codes (those are the faces' files).
struct TwoFaceSettings {
  std::string mode = "none";     // "none", "morph", "mix" or "expression"
  double amount = 0;             // morph λ, mix strength or expression λ
  std::vector<bool> mix_layers;  // mix: one flag per W+ layer; empty = coarse
  std::vector<OtherFace> faces;  // at most one per role
  bool operator==(const TwoFaceSettings& o) const {
    return mode == o.mode && amount == o.amount && mix_layers == o.mix_layers && faces == o.faces;
  }
  bool empty() const { return mode == "none" && faces.empty(); }
};

struct Session {
  static constexpr int kFormatVersion = 1;

  std::string photo_path;    // absolute; "" for a face opened from a W+ file or sampled
  std::string photo_sha256;  // hex, of the photo's bytes when the session was saved
  int face_index = 0;        // which detected face (detector order, largest first)
  std::string wplus_file;    // W+ .npy as written: relative to the session file's folder, or absolute
  std::vector<float> alphas;               // slider values in catalogue order
  std::vector<std::string> attribute_ids;  // the catalogue order the α values follow
  std::vector<std::string> model_ids;      // models/manifest.json ids of the models that made the edit
  nlohmann::json timeline;                 // core/video/timeline.h's JSON; null = none recorded
  std::vector<bool> edited_layers;         // the W+ layers the edit touches; empty = the default (0–10)
  std::vector<TextSlider> text_sliders;
  TwoFaceSettings two_faces;

  bool operator==(const Session& other) const;
};

nlohmann::json to_json(const Session& session);
// `source` names the file in messages.
Session from_json(const nlohmann::json& root, const std::string& source);

// Atomic write; facet::Error when the folder is not writable or the session is inconsistent.
void write_session(const std::string& path, const Session& session);
// facet::Error when the file is missing, empty, not JSON, of a newer format, or inconsistent.
Session read_session(const std::string& path);
// The same from the file's text (`source` names it in messages); read_session and the fuzz target call it.
Session parse_session(const std::string& text, const std::string& source);
// The W+ file's path, resolved against the session file's folder ("" when the session has none).
std::string wplus_path(const Session& session, const std::string& session_path);
// The session's W+ code [1, n_latent, dim] (undefined when it has none); facet::Error saying the file is missing or
// is not a single W+ code.
torch::Tensor read_wplus(const Session& session, const std::string& session_path);
// An other face's code [1, n_latent, dim]; facet::Error as read_wplus.
torch::Tensor read_other_face(const OtherFace& face, const std::string& session_path);
// The session's two-face operation with every other face's code read (edit::TwoFaces, ready to apply).
edit::TwoFaces read_two_faces(const Session& session, const std::string& session_path);
// Writes `wplus` (when defined) as <session name>.wplus.npy beside the session and each other face's code (by role)
// as <session name>.<role>.npy, names them in the session, then writes the session; each file atomically.
void write_session_with_wplus(const std::string& path, Session session, const torch::Tensor& wplus,
                              const std::map<std::string, torch::Tensor>& other_faces = {});

}  // namespace facet::session
