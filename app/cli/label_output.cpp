#include "app/cli/label_output.h"

#include <iostream>

#include "app/cli/command.h"
#include "core/batch/parts.h"
#include "core/io/atomic_file.h"
#include "core/io/error.h"
#include "core/io/npy.h"
#include "core/nn/faceapi/face_expression_net.h"

namespace facet::cli {

void write_label_arrays(const std::string& dir, const LabelArrays& a) {
  io::write_npy(dir + "/W.npy", a.wplus);
  io::write_npy(dir + "/L.npy", a.labels);
  io::write_npy(dir + "/faceapi.npy", a.raw);
}

nlohmann::json write_label_outputs(const std::string& out, const LabelArrays& a, const nlohmann::json& settings,
                                   double ms) {
  write_label_arrays(out, a);
  const LabelColumns col;
  nlohmann::json columns = nlohmann::json::array({"age", "male_probability"});
  for (const char* e : nn::faceapi::kExpressionLabels) columns.push_back(e);
  auto rate = [&](int c) { return a.labels.select(1, c).mean().item<double>(); };
  const int64_t count = settings.at("count").get<int64_t>();
  nlohmann::json summary{
      {"count", count},
      {"seed", settings.at("seed")},
      {"truncation", settings.at("truncation")},
      {"generator", settings.at("generator")},
      {"labelled_attributes", {"Male", "Young", "Smiling"}},
      {"rates", {{"Male", rate(col.male)}, {"Young", rate(col.young)}, {"Smiling", rate(col.smiling)}}},
      {"thresholds",
       {{"young_below_years", settings.at("young_below_years")}, {"smile_above", settings.at("smile_above")}}},
      {"unlabelled", "NaN in L.npy"},
      {"faceapi_columns", columns},
      {"ms_per_face", ms / static_cast<double>(count)}};
  io::write_file_atomic(out + "/labels.json", summary.dump(2) + "\n");
  return summary;
}

int merge_label_parts(const std::string& out_dir) {
  const batch::Parts parts = batch::read_parts(out_dir);
  std::vector<torch::Tensor> w, l, r;
  double ms = 0;
  const auto blocks = batch::contiguous_blocks(parts);
  for (size_t i = 0; i < parts.dirs.size(); ++i) {
    ms += parts.infos[i].value("ms", 0.0);
    w.push_back(io::read_npy(parts.dirs[i] + "/W.npy"));
    l.push_back(io::read_npy(parts.dirs[i] + "/L.npy"));
    r.push_back(io::read_npy(parts.dirs[i] + "/faceapi.npy"));
    if (w.back().size(0) != blocks[i].second - blocks[i].first)
      throw Error(parts.dirs[i] + "/W.npy holds another number of faces than its part.json says: rerun it");
  }
  const nlohmann::json& settings = parts.infos[0]["settings"];
  const int64_t covered = blocks.empty() ? 0 : blocks.back().second;
  if (covered != settings.at("count").get<int64_t>())
    throw Error(out_dir + "'s parts cover " + std::to_string(covered) + " of " + settings.at("count").dump() + " faces");
  write_label_outputs(out_dir, {torch::cat(w), torch::cat(l), torch::cat(r)}, settings, ms);
  std::cerr << "merge: " << parts.count << " shard(s) of label → " << out_dir << " (" << covered << " faces)\n";
  return kOk;
}

}  // namespace facet::cli
