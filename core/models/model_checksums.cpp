#include "core/models/model_checksums.h"

#include <sys/stat.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "core/io/atomic_file.h"
#include "core/io/error.h"
#include "core/io/sha256.h"

namespace fs = std::filesystem;

namespace facet::models {
namespace {

const char* const kFormat = "facet-model-checksums";

struct FileState {
  int64_t size = 0, inode = 0, mtime_ns = 0, ctime_ns = 0;
  bool operator==(const FileState& o) const {
    return size == o.size && inode == o.inode && mtime_ns == o.mtime_ns && ctime_ns == o.ctime_ns;
  }
};

bool file_state(const std::string& path, FileState* state) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  state->size = static_cast<int64_t>(st.st_size);
  state->inode = static_cast<int64_t>(st.st_ino);
  state->mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  state->ctime_ns = static_cast<int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
  return true;
}

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &tm);
  return text;
}

// The files a path stands for: itself, or the regular files directly in a folder (face-api's shards).
std::vector<std::string> files_of(const std::string& path) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return {path};
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(path, ec))
    if (entry.is_regular_file(ec)) files.push_back(entry.path().string());
  return files;
}

// The record, or an empty one (with a warning) when it is unreadable: it only remembers checksums, so starting it
// again loses no work.
nlohmann::json read_record(const std::string& record_path, std::vector<std::string>* warnings) {
  const nlohmann::json empty{{"format", kFormat}, {"version", 1}, {"files", nlohmann::json::object()}};
  std::error_code ec;
  if (!fs::exists(record_path, ec)) return empty;
  try {
    nlohmann::json record = nlohmann::json::parse(io::read_file(record_path));
    if (record.is_object() && record.value("format", "") == kFormat && record.contains("files") &&
        record["files"].is_object())
      return record;
    warnings->push_back("The record of model checksums " + record_path +
                        " is not one Facet wrote; it is started again.");
  } catch (const std::exception& e) {
    warnings->push_back("The record of model checksums " + record_path + " could not be read (" + e.what() +
                        "); it is started again.");
  }
  return empty;
}

FileState recorded_state(const nlohmann::json& entry) {
  FileState s;
  s.size = entry.value("size", int64_t{-1});
  s.inode = entry.value("inode", int64_t{-1});
  s.mtime_ns = entry.value("mtime_ns", int64_t{-1});
  s.ctime_ns = entry.value("ctime_ns", int64_t{-1});
  return s;
}

}  // namespace

std::string model_checksum_record_path() {
  const char* data = std::getenv("XDG_DATA_HOME");
  std::string base = data && *data ? data : "";
  if (base.empty()) {
    const char* home = std::getenv("HOME");
    base = std::string(home && *home ? home : ".") + "/.local/share";
  }
  return base + "/facet/model-checksums.json";
}

ChecksumCheck check_model_checksums(const std::vector<std::string>& paths, const std::string& record_path) {
  ChecksumCheck result;
  nlohmann::json record = read_record(record_path, &result.warnings);
  nlohmann::json& files = record["files"];
  bool changed = false;

  for (const std::string& given : paths) {
    if (given.empty()) continue;
    for (const std::string& file : files_of(given)) {
      std::error_code ec;
      const std::string key = fs::weakly_canonical(fs::absolute(file, ec), ec).string();
      FileState state;
      if (key.empty() || !file_state(key, &state)) continue;  // gone or not a file: nothing loaded from it
      const auto known = files.find(key);
      if (known != files.end() && known->is_object() && recorded_state(*known) == state) continue;
      std::string sha;
      try {
        sha = io::sha256_file(key);
        ++result.hashed;
      } catch (const std::exception& e) {
        result.warnings.push_back(std::string("The model file ") + key + " could not be hashed: " + e.what());
        continue;
      }
      nlohmann::json entry = known != files.end() && known->is_object() ? *known : nlohmann::json::object();
      const std::string before = entry.value("sha256", "");
      if (!before.empty() && before != sha) {
        result.warnings.push_back(
            "The model file " + key + " changed since it first loaded (" + entry.value("first_loaded", "?") +
            "): its SHA-256 was " + before.substr(0, 16) + "…, now " + sha.substr(0, 16) +
            "…. If you did not replace it, it is damaged or another file under the model's name: compare it with "
            "the published size and checksum (Tools ▸ Models ▸ Verify, or models/fetch --list) or fetch it again. "
            "The new checksum is recorded.");
        entry["changed"] = utc_now();
      }
      if (before.empty()) entry["first_loaded"] = utc_now();
      entry["sha256"] = sha;
      entry["size"] = state.size;
      entry["inode"] = state.inode;
      entry["mtime_ns"] = state.mtime_ns;
      entry["ctime_ns"] = state.ctime_ns;
      files[key] = entry;
      changed = true;
    }
  }

  // Files deleted since (a test's scratch folder, a model removed) would otherwise accumulate.
  for (auto it = files.begin(); it != files.end();) {
    std::error_code ec;
    if (!fs::exists(it.key(), ec)) {
      it = files.erase(it);
      changed = true;
    } else {
      ++it;
    }
  }

  if (changed || !result.warnings.empty()) {
    try {
      std::error_code ec;
      fs::create_directories(fs::path(record_path).parent_path(), ec);
      io::write_file_atomic(record_path, record.dump(2) + "\n");
    } catch (const std::exception& e) {
      result.warnings.push_back("Model checksums could not be recorded in " + record_path + ": " + e.what());
    }
  }
  return result;
}

}  // namespace facet::models
