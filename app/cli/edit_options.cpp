#include "app/cli/edit_options.h"

#include "core/edit/attributes.h"
#include "core/io/error.h"
#include "core/models/model_registry.h"

namespace facet::cli {

void add_edit_options(CLI::App* cmd, EditArgs& a, bool alpha_required) {
  cmd->add_option("--transformer", a.transformers, "a tnet_<k>.pth.tar file (repeatable; its index k from the name)");
  cmd->add_option("--attr", a.attrs, "attribute name or index (repeatable), with --transformers DIR");
  cmd->add_option("--transformers", a.transformers_dir, "folder of tnet_<k>.pth.tar files");
  cmd->add_option("--directions", a.directions,
                  "linear directions file (facet-cli train directions): used for an --attr without a transformer");
  auto* alpha = cmd->add_option("--alpha", a.alphas, "strength per --transformer/--attr, in the same order");
  if (alpha_required) alpha->required();
  cmd->add_option("--layers", a.layers,
                  "edited layers: all, or a list like 0-3,6 (default: layers below 11 edited, as the authors do)");
  cmd->add_option("--alpha-min", a.alpha_min, "lowest α allowed")->capture_default_str();
  cmd->add_option("--alpha-max", a.alpha_max, "highest α allowed")->capture_default_str();
}

EditSetup make_edit(const EditArgs& a, int64_t n_latent, bool allow_none) {
  const size_t count = a.count();
  if (count == 0 && !allow_none) throw Error("give --transformer FILE or --attr NAME with --transformers DIR");
  if (a.alphas.size() != count)
    throw Error("give one --alpha per --transformer/--attr (" + std::to_string(count) + " edits, " +
                std::to_string(a.alphas.size()) + " alphas)");
  if (!a.attrs.empty() && a.transformers_dir.empty() && a.directions.empty())
    throw Error("--attr needs --transformers DIR or --directions FILE");
  EditSetup s;
  if (!a.attrs.empty()) s.editor = *models::load_editor(a.transformers_dir, a.directions, torch::kCPU);
  // Files given one by one come after the folder, so an explicit file wins for its attribute.
  size_t next_alpha = 0;
  for (size_t i = 0; i < a.transformers.size(); ++i) {
    // The attribute index comes from the authors' file name tnet_<k>; any other name gets a free slot.
    const int k = models::load_transformer_file(s.editor, a.transformers[i], torch::kCPU, 100 + static_cast<int>(i));
    s.state.edits.push_back({k, a.alphas[next_alpha++]});
  }
  for (const auto& name : a.attrs) s.state.edits.push_back({edit::require_attribute(name).index, a.alphas[next_alpha++]});
  if (!a.layers.empty()) s.state.edited_layers = edit::parse_layers(a.layers, n_latent);
  s.state.alpha_min = a.alpha_min;
  s.state.alpha_max = a.alpha_max;
  return s;
}

}  // namespace facet::cli
