#include "app/cli/evaluate_output.h"

#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>

#include "app/cli/command.h"
#include "core/batch/parts.h"
#include "core/io/atomic_file.h"
#include "core/io/error.h"

namespace facet::cli {
namespace {

nlohmann::json curve_json(const edit::EvaluationCurve& c) {
  nlohmann::json j{{"target_change_rate", c.target_change_rate}, {"preservation_rate", c.preservation_rate}};
  if (!c.identity.empty()) j["identity"] = c.identity;
  return j;
}

// The value at the step nearest |α| = target.
double at(const edit::EvaluationCurve& c, const std::vector<double>& rates, double target) {
  size_t best = 0;
  for (size_t i = 1; i < c.alpha.size(); ++i)
    if (std::abs(c.alpha[i] - target) < std::abs(c.alpha[best] - target)) best = i;
  return rates[best];
}

}  // namespace

nlohmann::json counts_json(const edit::EvaluationCounts& c) {
  return {{"samples", c.samples}, {"attributes", c.attributes}, {"identity_samples", c.identity_samples},
          {"changed", c.changed}, {"kept", c.kept},             {"identity", c.identity}};
}

edit::EvaluationCounts counts_from_json(const nlohmann::json& j) {
  edit::EvaluationCounts c;
  c.samples = j.at("samples").get<int64_t>();
  c.attributes = j.at("attributes").get<int64_t>();
  c.identity_samples = j.at("identity_samples").get<int64_t>();
  c.changed = j.at("changed").get<std::vector<int64_t>>();
  c.kept = j.at("kept").get<std::vector<int64_t>>();
  c.identity = j.at("identity").get<std::vector<std::vector<double>>>();
  return c;
}

int report_evaluation(const nlohmann::json& settings, const nlohmann::json& rows, const std::string& out) {
  edit::EvaluationOptions o;
  o.n_steps = settings.at("steps").get<int64_t>();
  o.scale = settings.at("scale").get<double>();
  const bool json = settings.at("json").get<bool>();
  const nlohmann::json identity = settings.at("identity");
  nlohmann::json attributes = nlohmann::json::array();
  std::vector<double> alpha;
  for (const auto& row : rows) {
    nlohmann::json r{{"attribute", row.at("attribute")}, {"index", row.at("index")}, {"transformer", nullptr},
                     {"linear", nullptr}};
    for (const char* method : {"transformer", "linear"}) {
      if (row.at(method).is_null()) continue;
      const auto curve = edit::curve_from_counts(counts_from_json(row.at(method)), o);
      alpha = curve.alpha;
      r[method] = curve_json(curve);
      if (!json)
        std::cout << std::left << std::setw(20) << row.at("attribute").get<std::string>() << std::setw(12) << method
                  << std::fixed << std::setprecision(3) << "change " << at(curve, curve.target_change_rate, 1.0)
                  << " / " << at(curve, curve.target_change_rate, o.scale) << "   preservation "
                  << at(curve, curve.preservation_rate, 1.0) << " / " << at(curve, curve.preservation_rate, o.scale)
                  << (curve.identity.empty() ? std::string()
                                             : "   identity " + std::to_string(at(curve, curve.identity, 1.0)) +
                                                   " / " + std::to_string(at(curve, curve.identity, o.scale)))
                  << "\n";
    }
    attributes.push_back(r);
  }
  const nlohmann::json document{{"samples", settings.at("samples")},
                                {"alpha", alpha},
                                {"measured_with", "latent classifier on the edited codes"},
                                {"identity", identity},
                                {"attributes", attributes}};
  if (!out.empty()) {
    std::filesystem::create_directories(out);
    io::write_file_atomic(out + "/evaluation.json", document.dump(2) + "\n");
  }
  if (json) {
    print_json(document);
  } else {
    std::cout << "(rates at |α| = 1 / " << o.scale << " over " << settings.at("samples").get<int64_t>() << " codes"
              << (identity.is_null() ? std::string("; identity preservation needs --generator")
                                     : "; identity: " + identity["metric"].get<std::string>() + " over " +
                                           std::to_string(identity["samples"].get<int64_t>()) + " faces")
              << ")\n";
  }
  return kOk;
}

int merge_evaluate_parts(const std::string& out_dir) {
  const batch::Parts parts = batch::read_parts(out_dir);
  const nlohmann::json& settings = parts.infos.at(0).at("settings");
  nlohmann::json rows = parts.infos.at(0).at("rows");
  for (size_t r = 0; r < rows.size(); ++r) {
    for (const char* method : {"transformer", "linear"}) {
      if (rows[r].at(method).is_null()) continue;
      std::vector<edit::EvaluationCounts> counts;
      for (size_t i = 0; i < parts.infos.size(); ++i) {
        const auto& part_rows = parts.infos[i].at("rows");
        if (part_rows.size() != rows.size() || part_rows[r].at(method).is_null())
          throw Error(parts.dirs[i] + " measured other attributes than " + parts.dirs[0] + ": rerun it");
        counts.push_back(counts_from_json(part_rows[r].at(method)));
      }
      rows[r][method] = counts_json(edit::join_counts(counts));
    }
  }
  return report_evaluation(settings, rows, out_dir);
}

}  // namespace facet::cli
