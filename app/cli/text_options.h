#pragma once
// Options shared by the text-edit commands (facet-cli text …, facet-cli edit --text): where CLIP and its
// vocabulary are, and the text edit that `edit` applies.
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/edit/clip_guidance.h"

namespace facet::cli {

struct ClipArgs {
  std::string clip;   // ViT-B-32.pt (default: found on the model search path)
  std::string vocab;  // bpe_simple_vocab_16e6.txt.gz (default: found on the model search path)
  std::string id_model;  // model_ir_se50.pth for the identity term (optional)
};
void add_clip_options(CLI::App* cmd, ClipArgs& args);
std::string clip_model_path(const ClipArgs& args);
edit::ClipGuide load_clip_guide(const ClipArgs& args, const torch::Device& device);
std::shared_ptr<edit::IdentityLoss> load_identity(const ClipArgs& args, const torch::Device& device);

// `facet-cli edit --text "…" --alpha A` (latent optimisation from the given W+, then w + α·Δ) or
// `--text-direction FILE` (a saved W+ direction). Registered on the edit command by cmd_edit.cpp.
struct EditTextArgs {
  std::string text, direction, generator, device = "auto";
  int steps = 300;
  ClipArgs clip;
};
std::shared_ptr<EditTextArgs> add_edit_text_options(CLI::App* cmd);
bool text_edit_requested(const EditTextArgs& args);
// Reads W+ from wplus_path, writes the edited W+ to out_path; `alphas` must hold exactly one α.
int run_text_edit(const EditTextArgs& args, const std::string& wplus_path, const std::string& out_path,
                  const std::vector<double>& alphas, bool other_edits_given);

}  // namespace facet::cli
