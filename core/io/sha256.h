#pragma once
// SHA-256 (FIPS 180-4), for content hashes the core needs without Qt or OpenSSL (a tuned generator names its base
// by the hash of the base's weights). Incremental: feed bytes with update(), then hex().
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace facet::io {

class Sha256 {
 public:
  Sha256();
  void update(const void* data, size_t size);
  void update(std::string_view bytes) { update(bytes.data(), bytes.size()); }
  // The digest as 64 lowercase hex digits; ends the hash (no update() afterwards).
  std::string hex();

 private:
  void block(const uint8_t* p);
  std::array<uint32_t, 8> h_;
  std::array<uint8_t, 64> buffer_{};
  size_t buffered_ = 0;
  uint64_t length_ = 0;  // bytes
};

std::string sha256_hex(std::string_view bytes);
// A file's bytes, read in blocks; facet::Error naming the file when it cannot be read.
std::string sha256_file(const std::string& path);

}  // namespace facet::io
