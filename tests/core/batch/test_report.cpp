// The report as done-ledger: appended line by line, read back when cut off, sorted at the end; parts checked
// before a merge.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "core/batch/parts.h"
#include "core/batch/report.h"
#include "core/io/atomic_file.h"
#include "core/io/error.h"
#include "tests/support/test_support.h"

using namespace facet::batch;
using nlohmann::json;

TEST(Report, AppendsEachItemAndSortsWhenFinished) {
  const std::string path = facet::test::scratch_dir("report") + "/r.jsonl";
  {
    ReportWriter w(path, {json{{"item", 3}, {"status", "done"}, {"key", "k3"}}});
    w.add({{"item", 1}, {"status", "failed"}, {"key", "k1"}, {"error", "no face"}});
    // Readable before the end: an interrupted run keeps what finished.
    EXPECT_EQ(read_report(path).size(), 2u);
    w.add({{"item", 0}, {"status", "done"}, {"key", "k0"}});
    w.finish();
  }
  const auto lines = read_report(path);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["item"], 0);
  EXPECT_EQ(lines[2]["item"], 3);
  const auto done = done_items({path});
  EXPECT_EQ(done.size(), 2u) << "failed items are not done";
  EXPECT_TRUE(done.count("k0") && done.count("k3"));
}

TEST(Report, ToleratesACutLastLineOnly) {
  const std::string dir = facet::test::scratch_dir("report_cut");
  facet::io::write_file_atomic(dir + "/r.jsonl", "{\"item\": 0, \"status\": \"done\", \"key\": \"a\"}\n{\"item\": 1, \"st");
  EXPECT_EQ(read_report(dir + "/r.jsonl").size(), 1u);
  facet::io::write_file_atomic(dir + "/bad.jsonl", "{\"item\": 0\n{\"item\": 1}\n");
  EXPECT_THROW(read_report(dir + "/bad.jsonl"), facet::Error);
  EXPECT_TRUE(read_report(dir + "/missing.jsonl").empty());
}

TEST(Parts, MergeNeedsEveryShardFinishedWithTheSameSettings) {
  const std::string out = facet::test::scratch_dir("parts");
  EXPECT_THROW(read_parts(out), facet::Error);
  const json settings{{"alpha", 1}};
  write_part_info(out, Shard{0, 3}, "apply", settings, true);
  write_part_info(out, Shard{2, 3}, "apply", settings, false);
  try {
    read_parts(out);
    FAIL() << "merged with a missing shard";
  } catch (const facet::Error& e) {
    EXPECT_NE(std::string(e.what()).find("shard(s) 1/3 never ran"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("shard(s) 2/3 did not finish"), std::string::npos) << e.what();
  }
  write_part_info(out, Shard{1, 3}, "apply", settings, true);
  write_part_info(out, Shard{2, 3}, "apply", settings, true, {{"items", 4}});
  const Parts parts = read_parts(out);
  EXPECT_EQ(parts.command, "apply");
  ASSERT_EQ(parts.dirs.size(), 3u);
  EXPECT_EQ(parts.dirs[2], part_dir(out, Shard{2, 3}));
  EXPECT_EQ(parts.infos[2]["items"], 4);
  write_part_info(out, Shard{1, 3}, "apply", json{{"alpha", 2}}, true);
  EXPECT_THROW(read_parts(out), facet::Error);
}

TEST(Parts, ContiguousBlocksFollowOneAnotherFromZero) {
  Parts parts;
  parts.dirs = {"p0", "p1", "p2"};
  parts.infos = {json{{"first", 0}, {"end", 4}}, json{{"first", 4}, {"end", 4}}, json{{"first", 4}, {"end", 9}}};
  const auto blocks = contiguous_blocks(parts);
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[1], std::make_pair(int64_t{4}, int64_t{4}));  // an empty shard is a block too
  EXPECT_EQ(blocks[2], std::make_pair(int64_t{4}, int64_t{9}));
  parts.infos[2]["first"] = 5;  // a gap
  EXPECT_THROW(contiguous_blocks(parts), facet::Error);
  parts.infos[2] = json{{"first", 4}, {"end", 3}};  // a block that ends before it starts
  EXPECT_THROW(contiguous_blocks(parts), facet::Error);
  parts.infos[2] = json{{"end", 9}};  // no "first"
  EXPECT_THROW(contiguous_blocks(parts), facet::Error);
}
