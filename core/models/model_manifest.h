#pragma once
// models/manifest.json, read strictly: every model Facet knows, with where to get it and what its file must be
// (its size and, where the source publishes one, its SHA-256). The manifest is outside input (a packager or a user
// may edit it), so a field of the wrong type or a malformed checksum is an error naming the file and the entry,
// never a silently empty value that would make a check pass.
#include <cstdint>
#include <string>
#include <vector>

namespace facet::models {

struct ManifestModel {
  std::string id, role, file, url, download, license;
  std::string sha256;         // 64 lowercase hex digits; "" when none is published
  std::string sha256_prefix;  // a published prefix of it (some sources print only that); lowercase hex or ""
  int64_t size_bytes = -1;    // -1: unknown
  std::vector<std::string> features;
};

// Parses a manifest's text; `name` is the file named in errors. Throws facet::Error for anything that is not a
// manifest of this layout: not JSON, no "models" list, an entry without "id" or "file", a duplicate id, a string
// field that is not a string (null counts as absent), a size that is not a whole number of bytes, or a checksum that
// is not hexadecimal of the right length.
std::vector<ManifestModel> parse_manifest(const std::string& text, const std::string& name);
// Reads and parses the file at `path`; facet::Error naming it when it cannot be read.
std::vector<ManifestModel> read_manifest(const std::string& path);

}  // namespace facet::models
