#include "core/batch/shard.h"

#include <cctype>

#include "core/io/error.h"

namespace facet::batch {
namespace {

bool parse_count(const std::string& text, long long& value) {
  if (text.empty() || text.size() > 9) return false;
  for (char c : text)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  value = std::stoll(text);
  return true;
}

}  // namespace

std::string Shard::name() const { return "shard-" + std::to_string(index) + "-of-" + std::to_string(count); }

std::pair<int64_t, int64_t> Shard::block(int64_t n) const {
  // The first n mod N shards take one item more, so sizes differ by at most one.
  const int64_t base = n / count, extra = n % count;
  const int64_t first = index * base + std::min<int64_t>(index, extra);
  return {first, first + base + (index < extra ? 1 : 0)};
}

Shard parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  long long i = 0, n = 0;
  if (slash == std::string::npos || !parse_count(text.substr(0, slash), i) || !parse_count(text.substr(slash + 1), n))
    throw Error("--shard takes I/N, e.g. 0/4 (shard I of N, counted from 0), not '" + text + "'");
  if (n < 1 || n > 100000) throw Error("--shard " + text + ": N must be between 1 and 100000");
  if (i >= n) throw Error("--shard " + text + ": I counts from 0, so it must be below N (" + std::to_string(n) + ")");
  return Shard{static_cast<int>(i), static_cast<int>(n)};
}

}  // namespace facet::batch
