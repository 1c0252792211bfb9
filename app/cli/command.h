#pragma once
// facet-cli's command registry. Each command lives in its own cmd_*.cpp and registers itself with
// FACET_CLI_COMMAND(register_fn); register_fn adds a CLI11 subcommand and its handler.
// Exit codes (DESIGN.md): 0 ok, 1 failure (facet::Error etc., message on stderr), 2 usage.
#include <functional>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

namespace facet::cli {

enum ExitCode { kOk = 0, kFailure = 1, kUsage = 2 };

using Handler = std::function<int()>;

class Commands {
 public:
  // Binds a handler to a (sub)subcommand; main() runs the handler of the deepest subcommand parsed.
  void bind(CLI::App* command, Handler handler);
  const Handler* find(const CLI::App* command) const;

 private:
  std::vector<std::pair<const CLI::App*, Handler>> handlers_;
};

using Registrar = void (*)(CLI::App& root, Commands& commands);

struct Registration {
  Registration(const char* name, Registrar registrar);
};
std::vector<std::pair<std::string, Registrar>>& registrars();

// A command group such as "train" or "bench": found when already added by another file, else created.
CLI::App& group(CLI::App& root, const std::string& name, const std::string& description);

// Prints JSON on stdout (indented 2), the format every --json command uses.
void print_json(const nlohmann::json& value);

}  // namespace facet::cli

#define FACET_CLI_CONCAT_(a, b) a##b
#define FACET_CLI_CONCAT(a, b) FACET_CLI_CONCAT_(a, b)
#define FACET_CLI_COMMAND(fn) \
  static const ::facet::cli::Registration FACET_CLI_CONCAT(facet_cli_registration_, __LINE__)(#fn, &fn)
