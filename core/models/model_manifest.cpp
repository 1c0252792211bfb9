#include "core/models/model_manifest.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <nlohmann/json.hpp>

#include "core/io/atomic_file.h"
#include "core/io/error.h"

namespace facet::models {
namespace {

using nlohmann::json;

// Sizes past 2^53 bytes are not exact in JSON's doubles and no model is near them.
constexpr uint64_t kMaxSize = uint64_t{1} << 53;

std::string text_field(const json& entry, const char* key, const std::string& where) {
  const auto it = entry.find(key);
  if (it == entry.end() || it->is_null()) return {};
  if (!it->is_string()) throw Error(where + ": \"" + key + "\" is not a string");
  return it->get<std::string>();
}

std::string hex_field(const json& entry, const char* key, const std::string& where, size_t min_length,
                      size_t max_length) {
  std::string value = text_field(entry, key, where);
  if (value.empty()) return value;
  std::transform(value.begin(), value.end(), value.begin(), [](unsigned char c) { return std::tolower(c); });
  const bool hex = std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isxdigit(c) != 0; });
  if (!hex || value.size() < min_length || value.size() > max_length)
    throw Error(where + ": \"" + key + "\" is not a SHA-256 in hexadecimal" +
                (min_length == max_length ? " (64 digits)" : " (a prefix of 8 to 64 digits)"));
  return value;
}

int64_t size_field(const json& entry, const std::string& where) {
  const auto it = entry.find("size_bytes");
  if (it == entry.end() || it->is_null()) return -1;
  if (it->is_number_unsigned()) {
    if (it->get<uint64_t>() > kMaxSize) throw Error(where + ": \"size_bytes\" is too large");
    return static_cast<int64_t>(it->get<uint64_t>());
  }
  if (it->is_number_integer()) {
    if (it->get<int64_t>() < 0) throw Error(where + ": \"size_bytes\" is negative");
    return it->get<int64_t>();
  }
  throw Error(where + ": \"size_bytes\" is not a whole number of bytes");
}

ManifestModel parse_model(const json& entry, const std::string& where) {
  if (!entry.is_object()) throw Error(where + " is not an object");
  ManifestModel m;
  m.id = text_field(entry, "id", where);
  m.file = text_field(entry, "file", where);
  if (m.id.empty() || m.file.empty()) throw Error(where + " has no \"id\" or \"file\"");
  const std::string named = where + " (\"" + m.id + "\")";
  m.role = text_field(entry, "role", named);
  m.url = text_field(entry, "url", named);
  m.download = text_field(entry, "download", named);
  m.license = text_field(entry, "license", named);
  m.sha256 = hex_field(entry, "sha256", named, 64, 64);
  m.sha256_prefix = hex_field(entry, "sha256_prefix", named, 8, 64);
  m.size_bytes = size_field(entry, named);
  if (const auto f = entry.find("features"); f != entry.end() && !f->is_null()) {
    if (!f->is_array()) throw Error(named + ": \"features\" is not a list");
    for (const json& feature : *f) {
      if (!feature.is_string()) throw Error(named + ": a feature is not a string");
      m.features.push_back(feature.get<std::string>());
    }
  }
  return m;
}

}  // namespace

std::vector<ManifestModel> parse_manifest(const std::string& text, const std::string& name) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::exception& e) {
    throw Error(name + ": not a model manifest (not JSON: " + e.what() + ")");
  }
  if (!doc.is_object() || !doc.contains("models") || !doc["models"].is_array())
    throw Error(name + ": not a model manifest (no \"models\" list)");
  std::vector<ManifestModel> models;
  std::set<std::string> ids;
  for (size_t i = 0; i < doc["models"].size(); ++i) {
    ManifestModel m = parse_model(doc["models"][i], name + ": model entry " + std::to_string(i + 1));
    if (!ids.insert(m.id).second) throw Error(name + ": the model id \"" + m.id + "\" is listed twice");
    models.push_back(std::move(m));
  }
  return models;
}

std::vector<ManifestModel> read_manifest(const std::string& path) {
  return parse_manifest(io::read_file(path), path);
}

}  // namespace facet::models
