#pragma once
// Facet's session file (.facet, JSON), read and written here for the editor and the CLI alike: the photo (path and
// SHA-256, so a moved or changed photo is noticed), the chosen face, the W+ code (an .npy beside the session), the
// slider values, the edited layers, the text sliders (their directions embedded), the recorded timeline and the
// ids of the models that made it. Writes are atomic; reading checks every field and throws facet::Error with a
// message that names the file and says what is wrong in plain words.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <torch/types.h>

namespace facet::session {

// A text slider (StyleCLIP direction): the editor's slider id (timelines name it), its α, and the whole direction
// (core/edit/text_direction.h's JSON), so the session needs no file beside it.
struct TextSlider {
  std::string id;
  float alpha = 0;
  nlohmann::json direction;
  bool operator==(const TextSlider& o) const { return id == o.id && alpha == o.alpha && direction == o.direction; }
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

  bool operator==(const Session& other) const;
};

nlohmann::json to_json(const Session& session);
// `source` names the file in messages.
Session from_json(const nlohmann::json& root, const std::string& source);

// Atomic write; facet::Error when the folder is not writable or the session is inconsistent.
void write_session(const std::string& path, const Session& session);
// facet::Error when the file is missing, empty, not JSON, of a newer format, or inconsistent.
Session read_session(const std::string& path);
// The W+ file's path, resolved against the session file's folder ("" when the session has none).
std::string wplus_path(const Session& session, const std::string& session_path);
// The session's W+ code [1, n_latent, dim] (undefined when it has none); facet::Error saying the file is missing or
// is not a single W+ code.
torch::Tensor read_wplus(const Session& session, const std::string& session_path);
// Writes `wplus` (when defined) as <session name>.wplus.npy beside the session, names it in the session, then
// writes the session; both atomically.
void write_session_with_wplus(const std::string& path, Session session, const torch::Tensor& wplus);

}  // namespace facet::session
