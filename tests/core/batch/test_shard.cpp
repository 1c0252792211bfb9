// --shard I/N: parsing, and splits that cover every item exactly once.
#include <gtest/gtest.h>

#include "core/batch/shard.h"
#include "core/io/error.h"

using facet::batch::parse_shard;
using facet::batch::Shard;

TEST(Shard, ParsesIOfNAndRefusesTheRest) {
  EXPECT_EQ(parse_shard("0/1"), (Shard{0, 1}));
  EXPECT_EQ(parse_shard("2/3"), (Shard{2, 3}));
  for (const char* bad : {"3/3", "1", "a/2", "-1/2", "1/0", "1/2/3", "", "/2", "1/", "0/1000000"})
    EXPECT_THROW(parse_shard(bad), facet::Error) << bad;
  try {
    parse_shard("3/3");
  } catch (const facet::Error& e) {
    EXPECT_NE(std::string(e.what()).find("counts from 0"), std::string::npos) << e.what();
  }
  EXPECT_EQ(parse_shard("1/4").name(), "shard-1-of-4");
}

TEST(Shard, RoundRobinAndBlocksCoverEveryItemOnce) {
  for (int n : {1, 2, 3, 7}) {
    for (int64_t items : {0, 1, 5, 10, 23}) {
      std::vector<int> owners(static_cast<size_t>(items), 0);
      int64_t next = 0;
      int64_t smallest = items, largest = 0;
      for (int i = 0; i < n; ++i) {
        const Shard s{i, n};
        for (int64_t k = 0; k < items; ++k) owners[static_cast<size_t>(k)] += s.owns(k) ? 1 : 0;
        const auto [first, end] = s.block(items);
        EXPECT_EQ(first, next) << "blocks follow each other in shard order";
        next = end;
        smallest = std::min(smallest, end - first);
        largest = std::max(largest, end - first);
      }
      EXPECT_EQ(next, items);
      EXPECT_LE(largest - smallest, 1) << "balanced blocks";
      for (int o : owners) EXPECT_EQ(o, 1);
    }
  }
  EXPECT_TRUE((Shard{1, 3}).owns(4));
  EXPECT_FALSE((Shard{1, 3}).owns(5));
}
