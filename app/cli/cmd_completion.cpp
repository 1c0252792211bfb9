// facet-cli completion bash|zsh: a shell completion script written from the registered commands and their CLI11
// options, so completion never falls behind the commands. The package installs both scripts; by hand:
//   facet-cli completion bash > ~/.local/share/bash-completion/completions/facet-cli
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "app/cli/command.h"

namespace facet::cli {
namespace {

// One command of the tree: its words after "facet-cli" joined by '/' ("" for the root, "/train/classifier").
struct CommandNode {
  std::string path;
  const CLI::App* app;
};

struct OptionWord {
  std::string name;         // "--out", "-v"
  std::string description;  // the --help text
  bool takes_value;         // completes a value (a file by default) rather than the next word
};

void collect(const CLI::App* app, const std::string& path, std::vector<CommandNode>& out) {
  out.push_back({path, app});
  for (const CLI::App* sub : app->get_subcommands({}))
    if (!sub->get_name().empty() && !sub->get_group().empty()) collect(sub, path + "/" + sub->get_name(), out);
}

std::vector<const CLI::App*> visible_subcommands(const CLI::App* app) {
  std::vector<const CLI::App*> subs;
  for (const CLI::App* sub : app->get_subcommands({}))
    if (!sub->get_name().empty() && !sub->get_group().empty()) subs.push_back(sub);
  return subs;
}

std::vector<OptionWord> option_words(const CLI::App* app) {
  std::vector<OptionWord> words;
  for (const CLI::Option* opt : app->get_options({})) {
    if (!opt->nonpositional() || opt->get_group().empty()) continue;  // positionals and hidden options
    const bool value = opt->get_expected_max() != 0 && opt->get_type_size_max() != 0;
    for (const auto& s : opt->get_snames()) words.push_back({"-" + s, opt->get_description(), value});
    for (const auto& l : opt->get_lnames()) words.push_back({"--" + l, opt->get_description(), value});
  }
  return words;
}

std::string one_line(std::string text) {
  for (char& c : text)
    if (c == '\n' || c == '\t') c = ' ';
  return text;
}

// Inside a zsh single-quoted word, as an entry of _describe ("name:description"; a colon in a name is escaped).
std::string zsh_quoted(const std::string& name, const std::string& description) {
  std::string entry;
  for (char c : name) entry += (c == ':') ? std::string("\\:") : std::string(1, c);
  entry += ":" + one_line(description);
  std::string quoted = "'";
  for (char c : entry) quoted += (c == '\'') ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string join_paths(const std::vector<CommandNode>& nodes) {
  std::string out;
  for (const auto& n : nodes) {
    if (n.path.empty()) continue;
    out += (out.empty() ? "" : "|") + n.path;
  }
  return out;
}

std::string bash_script(const CLI::App& root) {
  std::vector<CommandNode> nodes;
  collect(&root, "", nodes);
  std::ostringstream s;
  s << "# bash completion for facet-cli; written by `facet-cli completion bash` from its own commands.\n"
       "_facet_cli() {\n"
       "  local cur prev word path i commands options values\n"
       "  COMPREPLY=()\n"
       "  cur=\"${COMP_WORDS[COMP_CWORD]}\"\n"
       "  prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
       "  path=\"\"\n"
       "  for (( i = 1; i < COMP_CWORD; i++ )); do\n"
       "    word=\"${COMP_WORDS[i]}\"\n"
       "    case \"${path}/${word}\" in\n"
       "      "
    << join_paths(nodes)
    << ") path=\"${path}/${word}\" ;;\n"
       "    esac\n"
       "  done\n"
       "  case \"$path\" in\n";
  for (const auto& n : nodes) {
    std::string commands, options, values;
    for (const CLI::App* sub : visible_subcommands(n.app))
      commands += (commands.empty() ? "" : " ") + sub->get_name();
    for (const auto& w : option_words(n.app)) {
      options += (options.empty() ? "" : " ") + w.name;
      if (w.takes_value) values += " " + w.name;
    }
    s << "    \"" << n.path << "\") commands=\"" << commands << "\"; options=\"" << options << "\"; values=\""
      << values << " \" ;;\n";
  }
  s << "  esac\n"
       "  # After an option that takes a value, or where no word fits: bash's own file names (complete -o default).\n"
       "  [[ \"$values\" == *\" $prev \"* ]] && return 0\n"
       "  if [[ \"$cur\" == -* ]]; then\n"
       "    COMPREPLY=( $(compgen -W \"$options\" -- \"$cur\") )\n"
       "  else\n"
       "    COMPREPLY=( $(compgen -W \"$commands\" -- \"$cur\") )\n"
       "  fi\n"
       "}\n"
       "complete -o default -F _facet_cli facet-cli\n";
  return s.str();
}

std::string zsh_script(const CLI::App& root) {
  std::vector<CommandNode> nodes;
  collect(&root, "", nodes);
  std::ostringstream s;
  s << "#compdef facet-cli\n"
       "# zsh completion for facet-cli; written by `facet-cli completion zsh` from its own commands.\n"
       "_facet_cli() {\n"
       "  local cmdpath=\"\" word i\n"
       "  local -a commands options values\n"
       "  for (( i = 2; i < CURRENT; i++ )); do\n"
       "    word=${words[i]}\n"
       "    case \"${cmdpath}/${word}\" in\n"
       "      ("
    << join_paths(nodes)
    << ") cmdpath=\"${cmdpath}/${word}\" ;;\n"
       "    esac\n"
       "  done\n"
       "  case \"$cmdpath\" in\n";
  for (const auto& n : nodes) {
    s << "    (\"" << n.path << "\")\n      commands=(";
    for (const CLI::App* sub : visible_subcommands(n.app))
      s << "\n        " << zsh_quoted(sub->get_name(), sub->get_description());
    s << ")\n      options=(";
    std::string values;
    for (const auto& w : option_words(n.app)) {
      s << "\n        " << zsh_quoted(w.name, w.description);
      if (w.takes_value) values += " " + w.name;
    }
    s << ")\n      values=(" << values << ") ;;\n";
  }
  s << "  esac\n"
       "  if (( ${values[(Ie)${words[CURRENT-1]}]} )); then\n"
       "    _files\n"
       "  elif [[ $PREFIX == -* ]]; then\n"
       "    _describe -t options option options\n"
       "  elif (( ${#commands} )); then\n"
       "    _describe -t commands command commands\n"
       "  else\n"
       "    _files\n"
       "  fi\n"
       "}\n"
       "_facet_cli \"$@\"\n";
  return s.str();
}

void register_completion(CLI::App& root, Commands& commands) {
  auto* cmd = root.add_subcommand("completion", "Print a bash or zsh completion script for facet-cli");
  auto shell = std::make_shared<std::string>();
  cmd->add_option("shell", *shell, "bash or zsh")->required()->check(CLI::IsMember({"bash", "zsh"}));
  const CLI::App* whole = &root;
  commands.bind(cmd, [shell, whole] {
    std::cout << (*shell == "bash" ? bash_script(*whole) : zsh_script(*whole));
    return kOk;
  });
}
FACET_CLI_COMMAND(register_completion);

}  // namespace
}  // namespace facet::cli
