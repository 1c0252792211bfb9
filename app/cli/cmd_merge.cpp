// facet-cli merge OUT: joins the parts a job run with --shard I/N left in OUT/parts into what the same job run
// in one process writes. Refuses, naming them, while shards are missing or unfinished.
#include <chrono>
#include <iostream>
#include <thread>

#include "app/cli/command.h"
#include "app/cli/evaluate_output.h"
#include "app/cli/label_output.h"
#include "app/cli/text_statistics.h"
#include "app/cli/train_output.h"
#include "core/batch/parts.h"
#include "core/io/error.h"
#if FACET_WITH_VISION
#include "app/cli/photo_batch.h"
#include "app/cli/edit_video_parts.h"
#endif

namespace facet::cli {
namespace {

struct MergeArgs {
  std::string out;
  double wait = 0;
};

void register_merge(CLI::App& root, Commands& commands) {
  auto* cmd = root.add_subcommand("merge", "Join the parts of a job run with --shard I/N (apply and tune batches, "
                                          "label, evaluate, train transformer, text statistics, edit-video)");
  auto a = std::make_shared<MergeArgs>();
  cmd->add_option("out", a->out,
                  "the job's --out folder (its parts/ holds the shards' parts); for edit-video its --out video")
      ->required();
  cmd->add_option("--wait", a->wait, "wait up to this many seconds for every shard to finish (schedulers without "
                                     "job dependencies, e.g. a Kubernetes merge Job)")
      ->check(CLI::Range(0.0, 1e7))
      ->capture_default_str();
  commands.bind(cmd, [a] {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(a->wait);
    batch::Parts parts;
#if FACET_WITH_VISION
    a->out = parts_root(a->out);  // `merge EDITED.mp4` finds the video's work folder
#endif
    for (;;) {
      try {
        parts = batch::read_parts(a->out);
        break;
      } catch (const Error&) {
        if (std::chrono::steady_clock::now() >= deadline) throw;
        std::this_thread::sleep_for(std::chrono::seconds(5));
      }
    }
    if (parts.command == "label") return merge_label_parts(a->out);
    if (parts.command == "evaluate") return merge_evaluate_parts(a->out);
    if (parts.command == "train transformer") return merge_train_parts(a->out);
    if (parts.command == "text statistics") return merge_text_statistics_parts(a->out);
#if FACET_WITH_VISION
    if (parts.command == "apply" || parts.command == "tune") return merge_photo_batch_parts(a->out);
    if (parts.command == "edit-video") return merge_edit_video_parts(a->out);
#endif
    throw Error("merge does not know how to join parts of '" + parts.command + "' (in " + a->out + "/parts)");
  });
}
FACET_CLI_COMMAND(register_merge);

}  // namespace
}  // namespace facet::cli
