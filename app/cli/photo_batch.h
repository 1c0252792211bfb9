#pragma once
// A command run over a folder, a list or a manifest of photos, one output per photo: a JSON Lines report per photo
// that is also the done-ledger (a rerun skips what is done), a progress line, --shard I/N parts that `merge`
// joins, and Ctrl+C or a scheduler's SIGTERM stopping it cleanly. `apply` and per-photo `tune` run through it.
#include <atomic>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/batch/work_items.h"

namespace facet::cli {

struct PhotoBatch {
  std::string command;          // "apply", "tune": the parts' command and the messages' prefix
  std::string source, out, shard;
  nlohmann::json settings;      // everything besides the photo that its output depends on
  std::string extension;        // the outputs' extension; empty: an image like the photo
  std::string verb = "edit";    // "… to edit", "… to tune"
  // Once, before the first photo that is not done yet (loads the models).
  std::function<void()> prepare;
  // One photo: writes item.output, or throws; fills the report line with its figures (also when it throws).
  // `stop` rises on Ctrl+C; work that can stop midway checks it and throws BatchStopped.
  std::function<void(const batch::WorkItem& item, nlohmann::json& line, const std::atomic<bool>* stop)> run_item;
};

// Thrown by run_item when `stop` made it end early: the photo is neither done nor failed, and the batch stops.
struct BatchStopped {};

// Exit code: 0 when every photo is done, 1 when some failed or the run was stopped (the report says which).
int run_photo_batch(const PhotoBatch& batch);
// `merge` for such a batch: the shards' reports into OUT/report.jsonl, in item order.
int merge_photo_batch_parts(const std::string& out_dir);

}  // namespace facet::cli
