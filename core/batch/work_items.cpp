#include "core/batch/work_items.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>

#include "core/io/error.h"

namespace facet::batch {
namespace fs = std::filesystem;
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool is_photo(const fs::path& p) {
  static const char* kinds[] = {".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff"};
  const std::string ext = lower(p.extension().string());
  return std::any_of(std::begin(kinds), std::end(kinds), [&](const char* k) { return ext == k; });
}

// JPEG and PNG keep their format; other formats are written as PNG. A command that writes something other than
// an image names its own extension.
std::string output_name(const std::string& photo, const std::string& extension) {
  const fs::path p(photo);
  if (!extension.empty()) return p.stem().string() + extension;
  const std::string ext = lower(p.extension().string());
  const bool keep = ext == ".jpg" || ext == ".jpeg" || ext == ".png";
  return p.stem().string() + (keep ? p.extension().string() : std::string(".png"));
}

std::string resolve(const fs::path& base, const std::string& path) {
  const fs::path p(path);
  return p.is_absolute() ? p.string() : (base / p).lexically_normal().string();
}

std::vector<std::string> lines_of(const std::string& file) {
  std::ifstream in(file);
  if (!in) throw Error("cannot read the batch list " + file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

bool blank_or_comment(const std::string& line) {
  const auto first = line.find_first_not_of(" \t");
  return first == std::string::npos || line[first] == '#';
}

}  // namespace

SourceKind source_kind(const std::string& source) {
  if (fs::is_directory(source)) return SourceKind::kFolder;
  const std::string ext = lower(fs::path(source).extension().string());
  if (ext == ".txt" || ext == ".list" || ext == ".lst") return SourceKind::kList;
  if (ext == ".jsonl" || ext == ".ndjson") return SourceKind::kManifest;
  return SourceKind::kSingle;
}

std::vector<WorkItem> read_work_items(const std::string& source, const std::string& out_dir,
                                      const std::string& extension) {
  std::vector<WorkItem> items;
  const fs::path out(out_dir);
  const fs::path base = fs::path(source).parent_path();
  switch (source_kind(source)) {
    case SourceKind::kFolder: {
      std::vector<std::string> photos;
      for (const auto& e : fs::directory_iterator(source))
        if (e.is_regular_file() && is_photo(e.path())) photos.push_back(e.path().string());
      std::sort(photos.begin(), photos.end());
      for (const auto& p : photos)
        items.push_back({0, p, (out / output_name(p, extension)).string(), nlohmann::json::object()});
      break;
    }
    case SourceKind::kList: {
      for (const auto& line : lines_of(source)) {
        if (blank_or_comment(line)) continue;
        const std::string photo = resolve(base, line.substr(line.find_first_not_of(" \t")));
        items.push_back({0, photo, (out / output_name(photo, extension)).string(), nlohmann::json::object()});
      }
      break;
    }
    case SourceKind::kManifest: {
      int number = 0;
      for (const auto& line : lines_of(source)) {
        ++number;
        if (blank_or_comment(line)) continue;
        const std::string where = source + " line " + std::to_string(number);
        nlohmann::json j;
        try {
          j = nlohmann::json::parse(line);
        } catch (const nlohmann::json::exception&) {
          throw Error(where + " is not JSON (a manifest has one {\"photo\": …} object per line)");
        }
        if (!j.is_object() || !j.contains("photo") || !j["photo"].is_string())
          throw Error(where + " needs a \"photo\" path");
        WorkItem item;
        item.photo = resolve(base, j["photo"].get<std::string>());
        std::string output = output_name(item.photo, extension);
        if (j.contains("output")) {
          if (!j["output"].is_string()) throw Error(where + ": \"output\" must be a file name");
          output = j["output"].get<std::string>();
        }
        item.output = resolve(out, output);
        j.erase("photo");
        j.erase("output");
        item.options = j;
        items.push_back(std::move(item));
      }
      break;
    }
    case SourceKind::kSingle:
      throw Error(source + " is not a folder, a list (.txt) or a manifest (.jsonl)");
  }
  if (items.empty()) throw Error("no photos in " + source);
  std::map<std::string, std::string> writers;
  for (size_t i = 0; i < items.size(); ++i) {
    items[i].index = static_cast<int64_t>(i);
    const auto [it, fresh] = writers.emplace(items[i].output, items[i].photo);
    if (!fresh)
      throw Error(it->second + " and " + items[i].photo + " would both write " + items[i].output +
                  " (name the outputs in a manifest)");
  }
  return items;
}

}  // namespace facet::batch
