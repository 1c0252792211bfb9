#pragma once
// SHA-256 in lowercase hex (OpenSSL): the done-ledger's key for an input file and its settings.
#include <string>
#include <string_view>

namespace facet::batch {

std::string sha256_hex(std::string_view bytes);
// The file's bytes, read in blocks; facet::Error naming the file when it cannot be read.
std::string sha256_file(const std::string& path);

}  // namespace facet::batch
