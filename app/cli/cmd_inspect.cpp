// facet-cli inspect: what a checkpoint (torch.save, zip or legacy) or .npy file holds, without running it.
#include <iostream>

#include <torch/torch.h>

#include "app/cli/command.h"
#include "core/io/checkpoint.h"
#include "core/io/npy.h"

namespace facet::cli {
namespace {

std::vector<int64_t> shape_of(const torch::Tensor& t) { return t.sizes().vec(); }

double sum_of(const torch::Tensor& t) { return t.numel() ? t.to(torch::kFloat64).sum().item<double>() : 0.0; }

// Non-tensor leaves as JSON, keyed by dotted name.
void collect_values(const io::ValuePtr& v, const std::string& prefix, nlohmann::json& out) {
  auto child = [&](const std::string& key) { return prefix.empty() ? key : prefix + "." + key; };
  using io::ValueKind;
  switch (v->kind()) {
    case ValueKind::Tensor: break;
    case ValueKind::None: out[prefix] = nullptr; break;
    case ValueKind::Bool: out[prefix] = v->as_bool(); break;
    case ValueKind::Int: out[prefix] = v->as_int(); break;
    case ValueKind::Float: out[prefix] = v->as_double(); break;
    case ValueKind::String: out[prefix] = v->as_string(); break;
    case ValueKind::Bytes: out[prefix] = v->repr(); break;
    case ValueKind::List:
    case ValueKind::Tuple:
      if (v->items().empty()) out[prefix] = nlohmann::json::array();
      for (size_t i = 0; i < v->items().size(); ++i) collect_values(v->items()[i], child(std::to_string(i)), out);
      break;
    case ValueKind::Dict:
      for (const auto& [k, val] : v->entries()) collect_values(val, child(io::key_text(*k)), out);
      break;
    case ValueKind::Object:
      out[child("__class__")] = v->type_name();
      if (v->state()) collect_values(v->state(), prefix, out);
      break;
  }
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void register_inspect(CLI::App& root, Commands& commands) {
  auto* cmd = root.add_subcommand("inspect", "List the tensors and values in a checkpoint (.pt/.pth) or .npy file");
  auto file = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("FILE", *file, "torch.save file (zip or legacy) or .npy array")->required();
  cmd->add_flag("--json", *json, "Machine-readable output");
  commands.bind(cmd, [file, json] {
    nlohmann::json out{{"tensors", nlohmann::json::array()}, {"values", nlohmann::json::object()}};
    std::vector<io::NamedTensor> tensors;
    if (ends_with(*file, ".npy")) {
      tensors.emplace_back("", io::read_npy(*file));
    } else {
      io::Checkpoint ckpt = io::load_checkpoint(*file);
      tensors = ckpt.tensors();
      collect_values(ckpt.root(), "", out["values"]);
    }
    for (const auto& [name, t] : tensors)
      out["tensors"].push_back({{"name", name}, {"dtype", c10::toString(t.scalar_type())}, {"shape", shape_of(t)},
                                {"sum", sum_of(t)}});
    if (*json) {
      print_json(out);
      return kOk;
    }
    for (const auto& t : out["tensors"])
      std::cout << t["name"].get<std::string>() << "  " << t["dtype"].get<std::string>() << t["shape"].dump()
                << "  sum=" << t["sum"].get<double>() << "\n";
    for (const auto& [k, v] : out["values"].items()) std::cout << k << " = " << v.dump() << "\n";
    std::cout << out["tensors"].size() << " tensors, " << out["values"].size() << " other values\n";
    return kOk;
  });
}
FACET_CLI_COMMAND(register_inspect);

}  // namespace
}  // namespace facet::cli
