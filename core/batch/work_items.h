#pragma once
// A batch's work items: every photo of a folder, the lines of a list file, or the lines of a JSON Lines manifest
// ({"photo": …, "output": …, per-photo options}). Items keep the order they are listed in (a folder: by name), and
// that order is what shards split and reports are sorted by.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace facet::batch {

struct WorkItem {
  int64_t index = 0;
  std::string photo;         // as listed; relative paths of a list or manifest are taken from its folder
  std::string output;        // where the edited photo goes
  nlohmann::json options = nlohmann::json::object();  // the manifest's per-photo settings (empty otherwise)
};

enum class SourceKind { kFolder, kList, kManifest, kSingle };
// A folder, a .txt/.list/.lst list, a .jsonl/.ndjson manifest; anything else is a single photo.
SourceKind source_kind(const std::string& source);

// The items of a folder, list or manifest; outputs go into out_dir, named after the photo (the manifest may give
// "output", relative to out_dir). facet::Error for an empty batch, a malformed line (its number given), or two
// photos that would write the same output.
// extension (".tuned"): the outputs are the photo's name with it, for commands that write no image.
std::vector<WorkItem> read_work_items(const std::string& source, const std::string& out_dir,
                                      const std::string& extension = {});

}  // namespace facet::batch
