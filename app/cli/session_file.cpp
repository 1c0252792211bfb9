#include "app/cli/session_file.h"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "core/edit/text_direction.h"
#include "core/io/atomic_file.h"
#include "core/io/error.h"

namespace facet::cli {

SessionFile read_session_file(const std::string& path) {
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(io::read_file(path));
  } catch (const nlohmann::json::exception& e) {
    throw Error(path + ": not a Facet session (" + e.what() + ")");
  }
  if (!root.is_object() || root.value("format", "") != "facet-session") throw Error(path + ": not a Facet session file");
  SessionFile s;
  s.path = path;
  try {
    if (root.value("version", 0) < 1) throw Error(path + ": session has no valid version");
    if (root.contains("photo") && root["photo"].is_object()) s.photo = root["photo"].value("path", "");
    s.face_index = root.value("face", 0);
    if (s.face_index < 0) throw Error(path + ": 'face' must be a face number (0 or more)");
    const std::string wplus = root.value("wplus", "");
    if (!wplus.empty()) {
      const std::filesystem::path w(wplus);
      s.wplus = w.is_absolute() ? wplus : (std::filesystem::path(path).parent_path() / w).string();
    }
    s.alphas = root.value("alphas", std::vector<float>{});
    s.attributes = root.value("attributes", std::vector<std::string>{});
    s.models = root.value("models", std::vector<std::string>{});
    if (root.contains("text_sliders")) {
      for (const auto& t : root.at("text_sliders")) {
        const std::string id = t.at("id").get<std::string>();
        auto direction = std::make_shared<edit::TextDirection>(
            edit::text_direction_from_json(t.at("direction"), path + ": text slider '" + id + "'"));
        s.text_sliders.push_back({id, std::move(direction)});
        s.text_alphas.push_back(t.at("alpha").get<float>());
      }
    }
  } catch (const nlohmann::json::exception& e) {
    throw Error(path + ": malformed session (" + e.what() + ")");
  }
  if (root.contains("timeline") && !root["timeline"].is_null())
    s.timeline = video::Timeline::from_json(root["timeline"], path);
  return s;
}

}  // namespace facet::cli
