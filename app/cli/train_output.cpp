#include "app/cli/train_output.h"

#include <filesystem>
#include <iostream>
#include <set>

#include "app/cli/command.h"
#include "core/batch/parts.h"
#include "core/edit/attributes.h"
#include "core/edit/train_checkpoint.h"
#include "core/io/atomic_file.h"
#include "core/io/error.h"

namespace facet::cli {
namespace fs = std::filesystem;

std::string transformer_file(int attribute) { return "tnet_" + std::to_string(attribute) + ".pth.tar"; }

int merge_train_parts(const std::string& out_dir) {
  const batch::Parts parts = batch::read_parts(out_dir);
  const auto wanted = parts.infos[0]["settings"].at("attributes").get<std::vector<int>>();
  std::set<int> seen;
  size_t files = 0;
  for (size_t i = 0; i < parts.dirs.size(); ++i) {
    for (int k : parts.infos[i].value("trained", std::vector<int>{})) {
      if (!seen.insert(k).second) throw Error(parts.dirs[i] + " trained attribute " + std::to_string(k) + " again");
      for (const std::string& name : {transformer_file(k), edit::resume_path(transformer_file(k))}) {
        const fs::path from = fs::path(parts.dirs[i]) / name;
        if (!fs::exists(from)) throw Error(from.string() + " is missing: rerun shard " + std::to_string(i));
        io::write_file_atomic((fs::path(out_dir) / name).string(), io::read_file(from.string()));
        ++files;
      }
    }
  }
  for (int k : wanted)
    if (!seen.count(k))
      throw Error(out_dir + "'s parts hold no transformer for " + edit::celeba_attributes()[static_cast<size_t>(k)].id +
                  ": rerun its shard");
  std::cerr << "merge: " << parts.count << " shard(s) of train transformer → " << out_dir << " (" << seen.size()
            << " transformers, " << files << " files)\n";
  return kOk;
}

}  // namespace facet::cli
