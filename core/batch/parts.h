#pragma once
// A sharded run leaves its part in OUT/parts/shard-I-of-N/ with a part.json saying which command wrote it, with
// which settings and whether it finished; `facet-cli merge OUT` reads them all back, in shard order.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/batch/shard.h"

namespace facet::batch {

std::string part_dir(const std::string& out_dir, const Shard& shard);

// Writes part.json (atomically): {"command", "shard": I, "shards": N, "settings", "complete", …extra}.
void write_part_info(const std::string& out_dir, const Shard& shard, const std::string& command,
                     const nlohmann::json& settings, bool complete, const nlohmann::json& extra = {});

struct Parts {
  std::string command;
  int count = 0;
  std::vector<std::string> dirs;         // by shard index
  std::vector<nlohmann::json> infos;     // their part.json
};

// All N parts of the job in out_dir. facet::Error naming the shards that are missing or unfinished (so they can
// be rerun), or parts that do not belong together (other commands, splits or settings).
Parts read_parts(const std::string& out_dir);

// The [first, end) block of rows each part covers (its part.json's "first" and "end"), checked to follow one
// another from 0; facet::Error naming the part that does not start where the one before it ended.
std::vector<std::pair<int64_t, int64_t>> contiguous_blocks(const Parts& parts);

}  // namespace facet::batch
