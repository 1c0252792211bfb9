#pragma once
// --shard I/N: shard I (0-based, as Slurm's SLURM_ARRAY_TASK_ID and Kubernetes' JOB_COMPLETION_INDEX count) of N.
// The split depends only on the item's position and N, so every shard computes it alone, with no coordination.
#include <cstdint>
#include <string>
#include <utility>

namespace facet::batch {

struct Shard {
  int index = 0;
  int count = 1;

  bool whole() const { return count == 1; }
  // "shard-I-of-N", the folder name of its part.
  std::string name() const;
  // Round robin: item i belongs to shard i mod N (neighbouring photos, often alike in cost, spread over shards).
  bool owns(int64_t item) const { return item % count == index; }
  // Contiguous block [first, second) of n items: parts that concatenate in shard order (label's rows).
  std::pair<int64_t, int64_t> block(int64_t n) const;
  bool operator==(const Shard& o) const { return index == o.index && count == o.count; }
};

// "I/N" with 0 ≤ I < N ≤ 100000; facet::Error saying what is wrong otherwise.
Shard parse_shard(const std::string& text);

}  // namespace facet::batch
