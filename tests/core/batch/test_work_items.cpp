// Batches from a folder, a list or a manifest; bad lists give a message naming the line.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "core/io/sha256.h"
#include "core/batch/work_items.h"
#include "core/io/atomic_file.h"
#include "core/io/error.h"
#include "tests/support/test_support.h"

namespace fs = std::filesystem;
using facet::batch::read_work_items;

namespace {
void touch(const std::string& path) { facet::io::write_file_atomic(path, "x"); }
std::string message_of(const std::string& source, const std::string& out) {
  try {
    read_work_items(source, out);
  } catch (const facet::Error& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(WorkItems, AFolderGivesItsPhotosByNameWithOutputsNamedAfterThem) {
  const std::string dir = facet::test::scratch_dir("batch_folder");
  for (const char* f : {"b.jpg", "a.PNG", "c.webp", "notes.txt"}) touch(dir + "/" + f);
  const auto items = read_work_items(dir, "/out");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(fs::path(items[0].photo).filename().string(), "a.PNG");
  EXPECT_EQ(items[0].output, "/out/a.PNG");
  EXPECT_EQ(items[1].output, "/out/b.jpg");
  EXPECT_EQ(items[2].output, "/out/c.png") << "formats other than JPEG and PNG are written as PNG";
  EXPECT_EQ(items[2].index, 2);
  EXPECT_NE(message_of(facet::test::scratch_dir("batch_empty"), "/out").find("no photos"), std::string::npos);
}

TEST(WorkItems, ListsAndManifestsResolvePathsFromTheirFolder) {
  const std::string dir = facet::test::scratch_dir("batch_list");
  facet::io::write_file_atomic(dir + "/l.txt", "# a comment\nx.jpg\n\n  /abs/y.png\r\n");
  auto items = read_work_items(dir + "/l.txt", "/out");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].photo, dir + "/x.jpg");
  EXPECT_EQ(items[1].photo, "/abs/y.png");
  EXPECT_EQ(items[1].output, "/out/y.png");

  facet::io::write_file_atomic(dir + "/m.jsonl", "{\"photo\": \"x.jpg\", \"output\": \"x_old.jpg\", \"alpha\": [2]}\n"
                                                 "{\"photo\": \"z.png\"}\n");
  items = read_work_items(dir + "/m.jsonl", "/out");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].output, "/out/x_old.jpg");
  EXPECT_EQ(items[0].options, (nlohmann::json{{"alpha", {2}}}));
  EXPECT_TRUE(items[1].options.empty());

  facet::io::write_file_atomic(dir + "/bad.jsonl", "{\"photo\": \"x.jpg\"}\n{\"photo\": 3}\n");
  EXPECT_NE(message_of(dir + "/bad.jsonl", "/out").find("line 2 needs a \"photo\""), std::string::npos);
  facet::io::write_file_atomic(dir + "/bad2.jsonl", "{photo\n");
  EXPECT_NE(message_of(dir + "/bad2.jsonl", "/out").find("line 1 is not JSON"), std::string::npos);
  facet::io::write_file_atomic(dir + "/clash.txt", "a/x.jpg\nb/x.jpg\n");
  EXPECT_NE(message_of(dir + "/clash.txt", "/out").find("would both write /out/x.jpg"), std::string::npos);
  EXPECT_NE(message_of(dir + "/photo.jpg", "/out").find("is not a folder, a list"), std::string::npos);
}

TEST(Sha256, MatchesTheStandardTestVectors) {
  EXPECT_EQ(facet::io::sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(facet::io::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const std::string dir = facet::test::scratch_dir("batch_sha");
  facet::io::write_file_atomic(dir + "/f", std::string(3 << 20, 'a'));  // spans several read blocks
  EXPECT_EQ(facet::io::sha256_file(dir + "/f"), facet::io::sha256_hex(std::string(3 << 20, 'a')));
  EXPECT_THROW(facet::io::sha256_file(dir + "/missing"), facet::Error);
}
