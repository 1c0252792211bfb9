// facet-cli apply: photo in, edited photo out — detect, align (FFHQ), encode to W+ (pSp/e4e) or take a given W+,
// edit with latent transformers, render with StyleGAN2 and paste the face back into the photo. Given a folder, a
// list (.txt) or a manifest (.jsonl), it edits every photo into the --out folder (apply_batch.h).
#include <iostream>

#include "app/cli/apply_batch.h"
#include "app/cli/apply_photo.h"
#include "app/cli/command.h"
#include "app/cli/faceapi_options.h"
#include "core/batch/work_items.h"
#include "core/io/error.h"

namespace facet::cli {
namespace {

struct ApplyCommandArgs {
  std::string photo, out, save_wplus;
  ApplyArgs apply;
  BatchArgs batch;
  bool no_identity = false, json = false;
};

void register_apply(CLI::App& root, Commands& commands) {
  auto* cmd = root.add_subcommand("apply", "Edit the face in a photo, or in every photo of a folder, list or manifest");
  auto a = std::make_shared<ApplyCommandArgs>();
  cmd->add_option("photo", a->photo,
                  "the photo to edit; or a folder, a list of photos (.txt) or a manifest (.jsonl: photo, output, "
                  "per-photo alpha and options) to edit in a batch")
      ->required();
  cmd->add_option("--out", a->out, "edited photo (.jpg/.png; never the input), or a batch's output folder")->required();
  add_apply_options(cmd, a->apply);
  cmd->add_option("--save-wplus", a->save_wplus, "also write the edited W+ (.npy; single photo)");
  cmd->add_option("--shard", a->batch.shard, "batch: edit only shard I of N (I/N, from 0); `merge OUT` joins them");
  add_faceapi_option(cmd, a->batch.faceapi);
  cmd->add_flag("--no-identity", a->no_identity, "batch: skip the identity score (face-api) per photo");
  cmd->add_flag("--json", a->json, "print the face, alignment, shapes and timings as JSON (single photo)");
  commands.bind(cmd, [a]() -> int {
    ApplyArgs args = a->apply;
    args.save_wplus = a->save_wplus;
    if (batch::source_kind(a->photo) != batch::SourceKind::kSingle) {
      BatchArgs b = a->batch;
      b.source = a->photo;
      b.out = a->out;
      b.identity = !a->no_identity;
      return run_apply_batch(args, b);
    }
    if (!a->batch.shard.empty()) throw Error("--shard splits a batch: give a folder, a list or a manifest");
    const ApplyModels models = load_apply_models(args);
    const nlohmann::json r = apply_photo(args, models, a->photo, a->out);
    if (a->json) {
      print_json(r);
    } else {
      std::cerr << "edited face " << args.face << " of " << a->photo << " with " << r["edits"].get<size_t>()
                << " edit(s) → " << a->out << "\n";
    }
    return kOk;
  });
}
FACET_CLI_COMMAND(register_apply);

}  // namespace
}  // namespace facet::cli
