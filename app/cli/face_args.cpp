#include "app/cli/face_args.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "core/io/error.h"

namespace facet::cli {

std::optional<std::uint64_t> parse_seed_face(const std::string& source) {
  static const std::string prefix = "seed:";
  if (source.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  const std::string digits = source.substr(prefix.size());
  const bool all_digits = !digits.empty() && digits.size() <= 20 &&
                          digits.find_first_not_of("0123456789") == std::string::npos;
  errno = 0;
  const unsigned long long seed = all_digits ? std::strtoull(digits.c_str(), nullptr, 10) : 0;
  if (!all_digits || errno == ERANGE)
    throw Error(source + ": a random face is seed:N with a whole number N from 0 to 18446744073709551615");
  return static_cast<std::uint64_t>(seed);
}

CLI::Option* add_lambda_option(CLI::App* cmd, double& lambda, const std::string& help) {
  const CLI::Validator finite(
      [](std::string& text) -> std::string {
        char* end = nullptr;
        const double value = std::strtod(text.c_str(), &end);
        if (end == text.c_str() || *end != '\0') return "";  // not a number: CLI11's own conversion says so
        return std::isfinite(value) ? "" : "λ must be a finite number, not " + text;
      },
      "FINITE");
  return cmd->add_option("--lambda", lambda, help)->capture_default_str()->check(finite);
}

}  // namespace facet::cli
