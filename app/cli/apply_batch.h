#pragma once
// `apply` over a folder, a list or a manifest: every photo edited with the same flags (a manifest may change them
// per photo) into an output folder, a JSON Lines report per photo, reruns that skip what is done, --shard I/N.
#include <string>

#include "app/cli/apply_photo.h"

namespace facet::cli {

struct BatchArgs {
  std::string source, out, faceapi, shard;
  bool identity = true;  // face-api's identity score per photo, when its models are installed
};

// Exit code: 0 when every photo is done, 1 when some failed or the run was stopped (the report says which).
int run_apply_batch(const ApplyArgs& args, const BatchArgs& batch);

}  // namespace facet::cli
