// facet-cli edit: apply latent transformers to W+ codes (the edit stack the editor uses).
#include <iostream>

#include <torch/torch.h>

#include "app/cli/command.h"
#include "app/cli/edit_options.h"
#include "app/cli/text_options.h"
#include "core/edit/attributes.h"
#include "core/edit/edit_stack.h"
#include "core/io/error.h"
#include "core/io/npy.h"

namespace facet::cli {
namespace {

struct EditCommandArgs {
  std::string wplus, out;
  EditArgs edit;
};

void register_edit(CLI::App& root, Commands& commands) {
  auto* cmd = root.add_subcommand("edit", "Edit W+ codes with latent transformers, in the order given");
  auto a = std::make_shared<EditCommandArgs>();
  cmd->add_option("--wplus", a->wplus, "W+ codes (.npy)")->required();
  cmd->add_option("--out", a->out, "edited W+ (.npy)")->required();
  add_edit_options(cmd, a->edit, /*alpha_required=*/true);
  auto text = add_edit_text_options(cmd);  // --text "…" / --text-direction FILE
  commands.bind(cmd, [a, text]() -> int {
    if (text_edit_requested(*text))
      return run_text_edit(*text, a->wplus, a->out, a->edit.alphas, a->edit.count() > 0);
    if (a->edit.count() == 0) throw Error("give --transformer FILE or --attr NAME with --transformers DIR");
    torch::Tensor w = io::read_npy(a->wplus).to(torch::kFloat32);
    if (w.dim() == 2) w = w.unsqueeze(0);
    EditSetup setup = make_edit(a->edit, w.size(1));
    for (const auto& e : setup.state.edits)  // which editor each attribute gets (the GUI's "linear" badge)
      if (e.attribute < 40)
        std::cerr << edit::celeba_attributes()[e.attribute].id << ": "
                  << edit::method_name(setup.editor.method_for(e.attribute)) << "\n";
    torch::NoGradGuard no_grad;
    io::write_npy(a->out, setup.editor.apply(w, setup.state));
    std::cerr << "edited " << w.size(0) << " code(s) with " << setup.state.edits.size() << " edit(s) → "
              << a->out << "\n";
    return kOk;
  });
}
FACET_CLI_COMMAND(register_edit);

}  // namespace
}  // namespace facet::cli
