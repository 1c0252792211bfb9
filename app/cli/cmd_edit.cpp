// facet-cli edit: apply latent transformers to W+ codes (the edit stack the editor uses).
#include <iostream>

#include <torch/torch.h>

#include "app/cli/command.h"
#include "app/cli/text_options.h"
#include "core/edit/attributes.h"
#include "core/edit/edit_stack.h"
#include "core/io/error.h"
#include "core/io/npy.h"
#include "core/nn/latent/latent_transformer.h"

namespace facet::cli {
namespace {

struct EditArgs {
  std::string wplus, out, layers, transformers_dir;
  std::vector<std::string> transformers, attrs;
  std::vector<double> alphas;
  double alpha_min = -3, alpha_max = 3;
};

void register_edit(CLI::App& root, Commands& commands) {
  auto* cmd = root.add_subcommand("edit", "Edit W+ codes with latent transformers, in the order given");
  auto a = std::make_shared<EditArgs>();
  cmd->add_option("--wplus", a->wplus, "W+ codes (.npy)")->required();
  cmd->add_option("--out", a->out, "edited W+ (.npy)")->required();
  cmd->add_option("--transformer", a->transformers, "a tnet_<k>.pth.tar file (repeatable; its index k from the name)");
  cmd->add_option("--attr", a->attrs, "attribute name or index (repeatable), with --transformers DIR");
  cmd->add_option("--transformers", a->transformers_dir, "folder of tnet_<k>.pth.tar files");
  cmd->add_option("--alpha", a->alphas, "strength per --transformer/--attr, in the same order")->required();
  cmd->add_option("--layers", a->layers,
                  "edited layers: all, or a list like 0-3,6 (default: layers below 11 edited, as the authors do)");
  cmd->add_option("--alpha-min", a->alpha_min, "lowest α allowed")->capture_default_str();
  cmd->add_option("--alpha-max", a->alpha_max, "highest α allowed")->capture_default_str();
  auto text = add_edit_text_options(cmd);  // --text "…" / --text-direction FILE (text edits room)
  commands.bind(cmd, [a, text]() -> int {
    if (text_edit_requested(*text))
      return run_text_edit(*text, a->wplus, a->out, a->alphas, !a->transformers.empty() || !a->attrs.empty());
    const size_t count = a->transformers.size() + a->attrs.size();
    if (count == 0) throw Error("give --transformer FILE or --attr NAME with --transformers DIR");
    if (a->alphas.size() != count)
      throw Error("give one --alpha per --transformer/--attr (" + std::to_string(count) + " edits, " +
                  std::to_string(a->alphas.size()) + " alphas)");
    torch::Tensor w = io::read_npy(a->wplus).to(torch::kFloat32);
    if (w.dim() == 2) w = w.unsqueeze(0);
    edit::Editor editor;
    edit::EditState state;
    size_t next_alpha = 0;
    for (size_t i = 0; i < a->transformers.size(); ++i) {
      // The attribute index comes from the authors' file name tnet_<k>; any other name gets a free slot.
      const std::string& file = a->transformers[i];
      const auto pos = file.rfind("tnet_");
      int k = pos == std::string::npos ? 100 + static_cast<int>(i) : std::atoi(file.c_str() + pos + 5);
      editor.set_transformer(k, nn::load_latent_transformer(file));
      state.edits.push_back({k, a->alphas[next_alpha++]});
    }
    if (!a->attrs.empty()) {
      if (a->transformers_dir.empty()) throw Error("--attr needs --transformers DIR");
      editor.load_folder(a->transformers_dir);
      for (const auto& name : a->attrs) state.edits.push_back({edit::require_attribute(name).index, a->alphas[next_alpha++]});
    }
    if (!a->layers.empty()) state.edited_layers = edit::parse_layers(a->layers, w.size(1));
    state.alpha_min = a->alpha_min;
    state.alpha_max = a->alpha_max;
    torch::NoGradGuard no_grad;
    io::write_npy(a->out, editor.apply(w, state));
    std::cerr << "edited " << w.size(0) << " code(s) with " << state.edits.size() << " transformer(s) → " << a->out << "\n";
    return kOk;
  });
}
FACET_CLI_COMMAND(register_edit);

}  // namespace
}  // namespace facet::cli
