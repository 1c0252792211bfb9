#pragma once
// Where model files are looked for, in order (DESIGN.md): $FACET_MODELS, the XDG data dir
// ($XDG_DATA_HOME or ~/.local/share, + /facet/models), the install prefix's share/facet/models, the repo's models/.
// An installed program takes its prefix from its own location and leaves the repo out: a package works wherever it
// is unpacked and never reaches into the tree it was built from.
#include <optional>
#include <string>
#include <vector>

namespace facet::models {

std::vector<std::string> model_search_paths();
// The first existing "<dir>/<file_name>", or nullopt. An absolute or relative path that exists is returned as is.
std::optional<std::string> find_model_file(const std::string& file_name);
// Like find_model_file but throws facet::Error listing the folders searched and how to fetch the file.
std::string require_model_file(const std::string& file_name, const std::string& role);
// The XDG folder that models/fetch downloads into.
std::string user_models_dir();
// "<prefix>/share/facet" when this program runs installed as <prefix>/bin/<name> (the folder holds
// models/manifest.json); empty when it runs from a build tree.
std::string installed_data_dir();

}  // namespace facet::models
