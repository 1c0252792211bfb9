#pragma once
// What `label` writes (W.npy, L.npy, faceapi.npy, labels.json), from one run or from its shards joined by `merge`,
// so both give the same files.
#include <string>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "core/edit/attributes.h"

namespace facet::cli {

// label writes the attributes face-api measures; the others stay NaN ("unknown"), which the trainers skip.
struct LabelColumns {
  int male = edit::require_attribute("Male").index;
  int young = edit::require_attribute("Young").index;
  int smiling = edit::require_attribute("Smiling").index;
};

struct LabelArrays {
  torch::Tensor wplus;   // [n, n_latent, style_dim]
  torch::Tensor labels;  // [n, 40], NaN where unlabelled
  torch::Tensor raw;     // [n, 9]: age, P(male), the 7 expression probabilities
};

void write_label_arrays(const std::string& dir, const LabelArrays& arrays);
// The arrays and labels.json; `settings` as label keeps them (count, seed, truncation, generator, thresholds),
// `ms` the labelling time of all faces. Returns the summary written.
nlohmann::json write_label_outputs(const std::string& out, const LabelArrays& arrays, const nlohmann::json& settings,
                                   double ms);
// `merge` for label: the shards' rows in shard order, the summary computed over all of them.
int merge_label_parts(const std::string& out_dir);

}  // namespace facet::cli
