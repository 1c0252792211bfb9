#include "core/batch/parts.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/io/atomic_file.h"
#include "core/io/error.h"

namespace facet::batch {
namespace fs = std::filesystem;

std::string part_dir(const std::string& out_dir, const Shard& shard) {
  return (fs::path(out_dir) / "parts" / shard.name()).string();
}

void write_part_info(const std::string& out_dir, const Shard& shard, const std::string& command,
                     const nlohmann::json& settings, bool complete, const nlohmann::json& extra) {
  const std::string dir = part_dir(out_dir, shard);
  fs::create_directories(dir);
  nlohmann::json info{{"command", command}, {"shard", shard.index}, {"shards", shard.count},
                      {"settings", settings}, {"complete", complete}};
  if (extra.is_object()) info.update(extra);
  io::write_file_atomic(dir + "/part.json", info.dump(2) + "\n");
}

Parts read_parts(const std::string& out_dir) {
  const fs::path root = fs::path(out_dir) / "parts";
  if (!fs::is_directory(root)) throw Error(out_dir + " has no parts/ folder: nothing was run with --shard there");
  std::vector<nlohmann::json> found;
  std::vector<std::string> found_dirs;
  for (const auto& e : fs::directory_iterator(root)) {
    const fs::path info = e.path() / "part.json";
    if (!e.is_directory() || !fs::exists(info)) continue;
    try {
      found.push_back(nlohmann::json::parse(io::read_file(info.string())));
    } catch (const nlohmann::json::exception&) {
      throw Error(info.string() + " is damaged: rerun that shard");
    }
    found_dirs.push_back(e.path().string());
  }
  if (found.empty()) throw Error(root.string() + " holds no part.json: no shard has started");
  Parts parts;
  parts.command = found[0].value("command", "");
  parts.count = found[0].value("shards", 0);
  parts.dirs.resize(static_cast<size_t>(std::max(parts.count, 0)));
  parts.infos.resize(parts.dirs.size());
  for (size_t i = 0; i < found.size(); ++i) {
    const auto& f = found[i];
    if (f.value("command", "") != parts.command || f.value("shards", 0) != parts.count)
      throw Error(root.string() + " mixes parts of different runs (" + parts.command + " in " +
                  std::to_string(parts.count) + " shards and " + f.value("command", "") + " in " +
                  std::to_string(f.value("shards", 0)) + "): remove the stale ones");
    if (f.value("settings", nlohmann::json()) != found[0].value("settings", nlohmann::json()))
      throw Error(found_dirs[i] + " was run with other settings than " + found_dirs[0] + ": rerun it");
    const int index = f.value("shard", -1);
    if (index < 0 || index >= parts.count) throw Error(found_dirs[i] + "/part.json names no valid shard");
    parts.dirs[static_cast<size_t>(index)] = found_dirs[i];
    parts.infos[static_cast<size_t>(index)] = f;
  }
  std::string missing, unfinished;
  for (int i = 0; i < parts.count; ++i) {
    const std::string label = std::to_string(i) + "/" + std::to_string(parts.count);
    if (parts.dirs[static_cast<size_t>(i)].empty()) missing += (missing.empty() ? "" : ", ") + label;
    else if (!parts.infos[static_cast<size_t>(i)].value("complete", false))
      unfinished += (unfinished.empty() ? "" : ", ") + label;
  }
  if (!missing.empty() || !unfinished.empty())
    throw Error("cannot merge " + out_dir + ": " + (missing.empty() ? "" : "shard(s) " + missing + " never ran") +
                (!missing.empty() && !unfinished.empty() ? "; " : "") +
                (unfinished.empty() ? "" : "shard(s) " + unfinished + " did not finish") +
                ". Rerun them with --shard I/N (done items are skipped), then merge again");
  return parts;
}

std::vector<std::pair<int64_t, int64_t>> contiguous_blocks(const Parts& parts) {
  std::vector<std::pair<int64_t, int64_t>> blocks;
  int64_t next = 0;
  for (size_t i = 0; i < parts.dirs.size(); ++i) {
    const int64_t first = parts.infos[i].value("first", int64_t{-1}), end = parts.infos[i].value("end", int64_t{-1});
    if (first != next || end < first)
      throw Error(parts.dirs[i] + " does not start where the shard before it ended: rerun it");
    blocks.emplace_back(first, end);
    next = end;
  }
  return blocks;
}

}  // namespace facet::batch
