#include "app/cli/command.h"

#include <iostream>

namespace facet::cli {

void Commands::bind(CLI::App* command, Handler handler) { handlers_.emplace_back(command, std::move(handler)); }

const Handler* Commands::find(const CLI::App* command) const {
  for (const auto& [app, handler] : handlers_)
    if (app == command) return &handler;
  return nullptr;
}

std::vector<std::pair<std::string, Registrar>>& registrars() {
  static std::vector<std::pair<std::string, Registrar>> list;
  return list;
}

Registration::Registration(const char* name, Registrar registrar) { registrars().emplace_back(name, registrar); }

CLI::App& group(CLI::App& root, const std::string& name, const std::string& description) {
  for (CLI::App* sub : root.get_subcommands({}))
    if (sub->get_name() == name) return *sub;
  CLI::App* created = root.add_subcommand(name, description);
  created->require_subcommand(1);
  return *created;
}

void print_json(const nlohmann::json& value) { std::cout << value.dump(2) << std::endl; }

}  // namespace facet::cli
