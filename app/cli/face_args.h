#pragma once
// The face arguments of the two-face commands (morph, mix, transfer-expression): a face is "seed:N", a W+ code
// (.npy) or a photo; λ weighs the faces. Parsed here, on their own, so the fuzz target reaches them.
#include <cstdint>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

namespace facet::cli {

// N of a "seed:N" face: decimal digits only, at most 2^64 − 1 (as facet-cli sample numbers its faces).
// std::nullopt for any other face; facet::Error when the text starts with "seed:" but N is not such a number
// ("seed:-1" or "seed:7x" would otherwise draw a face nobody asked for).
std::optional<std::uint64_t> parse_seed_face(const std::string& source);

// --lambda, refused unless finite: NaN or ±∞ would write a code of NaNs that renders as nothing.
CLI::Option* add_lambda_option(CLI::App* cmd, double& lambda, const std::string& help);

}  // namespace facet::cli
