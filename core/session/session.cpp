#include "core/session/session.h"

#include <cmath>
#include <filesystem>

#include "core/io/atomic_file.h"
#include "core/io/error.h"
#include "core/io/npy.h"

namespace facet::session {
namespace {

[[noreturn]] void fail(const std::string& source, const std::string& what) { throw Error(source + ": " + what); }

// A whole-number field: value() would convert 1e300 or -1.5 to an integer type, which is undefined.
template <typename T>
T whole_number(const nlohmann::json& o, const char* key, T fallback, const std::string& source,
               const std::string& name) {
  const auto it = o.find(key);
  if (it == o.end()) return fallback;
  if (!it->is_number_integer()) fail(source, "'" + name + "' must be a whole number");
  return it->get<T>();
}

void check_counts(const Session& s, const std::string& source) {
  if (!s.attribute_ids.empty() && s.attribute_ids.size() != s.alphas.size())
    fail(source, std::to_string(s.alphas.size()) + " slider values for " + std::to_string(s.attribute_ids.size()) +
                     " attributes");
}

std::vector<std::string> string_list(const nlohmann::json& root, const char* key, const std::string& source) {
  const auto it = root.find(key);
  if (it == root.end() || it->is_null()) return {};
  const std::string message = std::string("'") + key + "' must be a list of strings";
  if (!it->is_array()) fail(source, message);
  std::vector<std::string> out;
  for (const auto& v : *it) {
    if (!v.is_string()) fail(source, message);
    out.push_back(v.get<std::string>());
  }
  return out;
}

std::string resolve(const std::string& file, const std::string& session_path) {
  if (file.empty()) return {};
  const std::filesystem::path w(file);
  return w.is_absolute() ? file : (std::filesystem::path(session_path).parent_path() / w).string();
}

// `file` (resolved) holds one finite W+ code; `what` names it in messages ("its W+ code").
torch::Tensor read_code(const std::string& file, const std::string& session_path, const std::string& what) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec))
    fail(session_path, what + " " + file + " is missing (it is saved beside the session: keep them together)");
  torch::Tensor w;
  try {
    w = io::read_npy(file).to(torch::kFloat32);
  } catch (const Error& e) {
    fail(session_path, what + " cannot be read: " + e.what());
  }
  if (w.dim() == 2) w = w.unsqueeze(0);
  if (w.dim() != 3 || w.size(0) != 1) fail(file, "not a single W+ code [1, n_latent, dim]");
  if (!torch::isfinite(w).all().item<bool>()) fail(file, "the W+ code holds NaN or infinite values");
  return w;
}

bool one_of(const std::string& value, std::initializer_list<const char*> allowed) {
  for (const char* a : allowed)
    if (value == a) return true;
  return false;
}

nlohmann::json two_faces_json(const TwoFaceSettings& t) {
  nlohmann::json faces = nlohmann::json::array();
  for (const OtherFace& f : t.faces) {
    nlohmann::json o{{"role", f.role}, {"kind", f.kind}, {"wplus", f.wplus_file}};
    if (f.kind == "photo") o.update({{"path", f.path}, {"sha256", f.photo_sha256}, {"face", f.face_index}});
    if (f.kind == "wplus") o["path"] = f.path;
    if (f.kind == "random") o["seed"] = f.seed;
    faces.push_back(std::move(o));
  }
  nlohmann::json out{{"mode", t.mode}, {"amount", t.amount}, {"faces", std::move(faces)}};
  if (!t.mix_layers.empty()) out["mix_layers"] = t.mix_layers;
  return out;
}

TwoFaceSettings two_faces_from_json(const nlohmann::json& j, const std::string& source) {
  if (!j.is_object()) fail(source, "'two_faces' must be an object");
  TwoFaceSettings t;
  t.mode = j.value("mode", std::string("none"));
  try {
    edit::parse_two_face_mode(t.mode);
  } catch (const Error& e) {
    fail(source, std::string("'two_faces.mode': ") + e.what());
  }
  t.amount = j.value("amount", 0.0);
  if (!std::isfinite(t.amount)) fail(source, "'two_faces.amount' must be a finite number");
  t.mix_layers = j.value("mix_layers", std::vector<bool>{});
  for (const auto& o : j.value("faces", nlohmann::json::array())) {
    OtherFace f;
    f.role = o.at("role").get<std::string>();
    f.kind = o.at("kind").get<std::string>();
    if (!one_of(f.role, {"second", "neutral", "expressive"}))
      fail(source, "a two-face role must be second, neutral or expressive (got '" + f.role + "')");
    if (!one_of(f.kind, {"photo", "wplus", "random"}))
      fail(source, "a face's kind must be photo, wplus or random (got '" + f.kind + "')");
    for (const OtherFace& seen : t.faces)
      if (seen.role == f.role) fail(source, "two faces have the role '" + f.role + "'");
    f.path = o.value("path", std::string());
    f.photo_sha256 = o.value("sha256", std::string());
    f.face_index = whole_number(o, "face", 0, source, "two_faces.faces.face");
    f.seed = whole_number(o, "seed", uint64_t{0}, source, "two_faces.faces.seed");
    f.wplus_file = o.value("wplus", std::string());
    if (f.wplus_file.empty()) fail(source, "the " + f.role + " face names no W+ code");
    t.faces.push_back(std::move(f));
  }
  return t;
}

}  // namespace

bool Session::operator==(const Session& o) const {
  return photo_path == o.photo_path && photo_sha256 == o.photo_sha256 && face_index == o.face_index &&
         wplus_file == o.wplus_file && alphas == o.alphas && attribute_ids == o.attribute_ids &&
         model_ids == o.model_ids && timeline == o.timeline && edited_layers == o.edited_layers &&
         text_sliders == o.text_sliders && two_faces == o.two_faces;
}

nlohmann::json to_json(const Session& s) {
  nlohmann::json root;
  root["format"] = "facet-session";
  root["version"] = Session::kFormatVersion;
  root["photo"] = {{"path", s.photo_path}, {"sha256", s.photo_sha256}};
  root["face"] = s.face_index;
  root["wplus"] = s.wplus_file;
  root["alphas"] = s.alphas;
  root["attributes"] = s.attribute_ids;
  root["models"] = s.model_ids;
  if (!s.timeline.is_null() && !s.timeline.empty()) root["timeline"] = s.timeline;
  if (!s.edited_layers.empty()) root["layers"] = s.edited_layers;  // one flag per W+ layer, as keyframes store them
  if (!s.text_sliders.empty()) {
    nlohmann::json sliders = nlohmann::json::array();
    for (const TextSlider& t : s.text_sliders)
      sliders.push_back({{"id", t.id}, {"alpha", t.alpha}, {"direction", t.direction}});
    root["text_sliders"] = sliders;
  }
  if (!s.two_faces.empty()) root["two_faces"] = two_faces_json(s.two_faces);
  return root;
}

Session from_json(const nlohmann::json& root, const std::string& source) {
  if (!root.is_object() || root.value("format", nlohmann::json()).get<std::string>() != "facet-session")
    fail(source, "not a Facet session file");
  const auto version = root.find("version");
  if (version == root.end() || !version->is_number_integer() || version->get<int>() < 1)
    fail(source, "the session has no valid version");
  if (version->get<int>() > Session::kFormatVersion)
    fail(source, "written by a newer Facet (session format " + std::to_string(version->get<int>()) +
                     "); update Facet to open it");
  Session s;
  if (const auto photo = root.find("photo"); photo != root.end() && photo->is_object()) {
    if (photo->contains("path") && !(*photo)["path"].is_string()) fail(source, "'photo.path' must be text");
    s.photo_path = photo->value("path", "");
    s.photo_sha256 = photo->value("sha256", "");
  }
  const auto face = root.find("face");
  if (face == root.end() || !face->is_number_integer() || face->get<int>() < 0)
    fail(source, "'face' must be a face number (0 or more)");
  s.face_index = face->get<int>();
  if (root.contains("wplus") && !root["wplus"].is_string()) fail(source, "'wplus' must be a file name");
  s.wplus_file = root.value("wplus", "");
  // A face opened from a W+ file or sampled from the generator has no photo; then the W+ is the whole edit.
  if (s.photo_path.empty() && s.wplus_file.empty()) fail(source, "the session names no photo and no W+ code");
  const auto alphas = root.find("alphas");
  if (alphas == root.end() || !alphas->is_array()) fail(source, "'alphas' must be a list of numbers");
  for (const auto& v : *alphas) {
    if (!v.is_number()) fail(source, "'alphas' must be a list of numbers");
    s.alphas.push_back(v.get<float>());
  }
  s.attribute_ids = string_list(root, "attributes", source);
  s.model_ids = string_list(root, "models", source);
  if (const auto t = root.find("timeline"); t != root.end() && !t->is_null()) {
    if (!t->is_object()) fail(source, "'timeline' must be an object");
    s.timeline = *t;
  }
  if (const auto layers = root.find("layers"); layers != root.end() && !layers->is_null()) {
    const std::string message = "'layers' must be a list of true/false, one per W+ layer";
    if (!layers->is_array()) fail(source, message);
    for (const auto& v : *layers) {
      if (!v.is_boolean()) fail(source, message);
      s.edited_layers.push_back(v.get<bool>());
    }
  }
  check_counts(s, source);
  if (const auto sliders = root.find("text_sliders"); sliders != root.end() && !sliders->is_null()) {
    if (!sliders->is_array()) fail(source, "'text_sliders' must be a list");
    for (const auto& o : *sliders) {
      if (!o.is_object() || !o.contains("id") || !o["id"].is_string() || !o.contains("alpha") ||
          !o["alpha"].is_number() || !o.contains("direction") || !o["direction"].is_object())
        fail(source, "each text slider needs an 'id', an 'alpha' and a 'direction'");
      s.text_sliders.push_back({o["id"].get<std::string>(), o["alpha"].get<float>(), o["direction"]});
    }
  }
  if (const auto two = root.find("two_faces"); two != root.end() && !two->is_null())
    s.two_faces = two_faces_from_json(*two, source);
  return s;
}

void write_session(const std::string& path, const Session& session) {
  check_counts(session, path);
  io::write_file_atomic(path, to_json(session).dump(2) + "\n");
}

Session read_session(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) fail(path, "no such session file");
  return parse_session(io::read_file(path), path);
}

Session parse_session(const std::string& text, const std::string& path) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    fail(path, "not a Facet session (the file is empty; it may have been cut off while saving)");
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    fail(path, "not a Facet session (the file is damaged or not JSON: unreadable at byte " +
                   std::to_string(e.byte) + ")");
  } catch (const nlohmann::json::exception& e) {
    // The parser's other refusals: a number past double's range (1e309).
    fail(path, std::string("not a Facet session (the file is damaged: ") + e.what() + ")");
  }
  try {
    return from_json(root, path);
  } catch (const nlohmann::json::exception& e) {
    fail(path, std::string("a field of the session has the wrong type (") + e.what() + ")");
  }
}

std::string wplus_path(const Session& session, const std::string& session_path) {
  return resolve(session.wplus_file, session_path);
}

torch::Tensor read_wplus(const Session& session, const std::string& session_path) {
  const std::string file = wplus_path(session, session_path);
  if (file.empty()) return {};
  return read_code(file, session_path, "its W+ code");
}

torch::Tensor read_other_face(const OtherFace& face, const std::string& session_path) {
  return read_code(resolve(face.wplus_file, session_path), session_path, "the " + face.role + " face's code");
}

edit::TwoFaces read_two_faces(const Session& session, const std::string& session_path) {
  edit::TwoFaces two;
  two.mode = edit::parse_two_face_mode(session.two_faces.mode);
  two.amount = session.two_faces.amount;
  two.mix_layers = session.two_faces.mix_layers;
  for (const OtherFace& face : session.two_faces.faces) {
    torch::Tensor code = read_other_face(face, session_path);
    if (face.role == "second") two.second = code;
    else if (face.role == "neutral") two.neutral = code;
    else two.expressive = code;
  }
  return two;
}

void write_session_with_wplus(const std::string& path, Session session, const torch::Tensor& wplus,
                              const std::map<std::string, torch::Tensor>& other_faces) {
  const std::filesystem::path p(path);
  const auto write_code = [&](const std::string& suffix, const torch::Tensor& code) {
    const std::string name = p.stem().string() + "." + suffix + ".npy";
    io::write_npy((p.parent_path() / name).string(), code.detach().to(torch::kCPU, torch::kFloat32).contiguous());
    return name;
  };
  if (wplus.defined()) session.wplus_file = write_code("wplus", wplus);
  for (OtherFace& face : session.two_faces.faces) {
    const auto it = other_faces.find(face.role);
    if (it != other_faces.end() && it->second.defined()) face.wplus_file = write_code(face.role, it->second);
  }
  write_session(path, session);
}

}  // namespace facet::session
