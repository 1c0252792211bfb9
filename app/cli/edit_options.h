#pragma once
// The edit flags shared by `edit` (W+ in, W+ out) and `apply` (photo in, photo out): which latent transformers,
// their strengths, the edited layers and the α range.
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/edit/edit_stack.h"

namespace facet::cli {

struct EditArgs {
  std::string layers, transformers_dir, directions;
  std::vector<std::string> transformers, attrs;
  std::vector<double> alphas;
  double alpha_min = -3, alpha_max = 3;

  size_t count() const { return transformers.size() + attrs.size(); }
};

// Adds --transformer, --attr, --transformers, --directions, --alpha, --layers, --alpha-min, --alpha-max.
void add_edit_options(CLI::App* cmd, EditArgs& args, bool alpha_required);

struct EditSetup {
  edit::Editor editor;
  edit::EditState state;
};
// Loads the transformers (and the linear directions, the fallback for an --attr without a transformer) and fills
// the edit state for W+ codes with n_latent layers. allow_none: no edit at all
// is fine (apply without edits reconstructs the photo); otherwise at least one edit is needed.
EditSetup make_edit(const EditArgs& args, int64_t n_latent, bool allow_none = false);

}  // namespace facet::cli
