#pragma once
// What `evaluate` prints and writes, from one run or from its shards joined by `merge`, so both give the same
// figures: the rates are computed from summed counts (core/edit/evaluation.h), never averaged over shards.
#include <string>

#include <nlohmann/json.hpp>

#include "core/edit/evaluation.h"

namespace facet::cli {

nlohmann::json counts_json(const edit::EvaluationCounts& counts);
edit::EvaluationCounts counts_from_json(const nlohmann::json& j);

// `settings`: steps, scale, samples (all codes), identity (null or {metric, samples}), json; `rows`: per
// attribute {attribute, index, transformer, linear} with counts (or null). Prints what evaluate prints and, when
// `out` is not empty, writes out/evaluation.json (the --json document).
int report_evaluation(const nlohmann::json& settings, const nlohmann::json& rows, const std::string& out);
// `merge` for evaluate: every shard's counts added up, then reported as above.
int merge_evaluate_parts(const std::string& out_dir);

}  // namespace facet::cli
