// libFuzzer target: facet-cli's face and λ arguments. The bytes are split at NUL into a command line for a
// two-face command (faces A and B, --lambda); a parsed λ must be finite and a parsed seed:N must say exactly N.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/cli/face_args.h"
#include "core/io/error.h"

namespace {

void check_face(const std::string& source) {
  try {
    if (const auto seed = facet::cli::parse_seed_face(source))
      if ("seed:" + std::to_string(*seed) != source && source.find("seed:0") != 0) __builtin_trap();
  } catch (const facet::Error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> args{"morph"};
  std::string part;
  for (size_t i = 0; i < size; ++i) {
    if (data[i] == 0) {
      args.push_back(part);
      part.clear();
    } else {
      part.push_back(char(data[i]));
    }
  }
  args.push_back(part);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());

  CLI::App app("fuzz");
  std::string a, b;
  double lambda = 0.5;
  app.add_option("A", a)->required();
  app.add_option("B", b)->required();
  facet::cli::add_lambda_option(&app, lambda, "weight of A");
  try {
    app.parse(int(argv.size()), argv.data());
  } catch (const CLI::ParseError&) {
    return 0;
  }
  if (!std::isfinite(lambda)) __builtin_trap();
  check_face(a);
  check_face(b);
  return 0;
}
