#include <csignal>
#include <filesystem>

#include <sys/resource.h>

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

TEST(AtomicFile, AFullDiskLeavesTheOriginalUntouched) {
  const std::string dir = facet::test::scratch_dir("atomic-fail");
  const std::string path = dir + "/keep.txt";
  write_file_atomic(path, "original");
  // A file-size limit makes the write of the new contents fail part-way, as a full disk does (root ignores
  // permissions, but not this limit); the original must survive and no temporary file may stay behind.
  rlimit saved{};
  ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &saved), 0);
  const auto previous_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit tiny = saved;
  tiny.rlim_cur = 4;
  ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &tiny), 0);
  bool threw = false;
  try {
    write_file_atomic(path, std::string(4096, 'x'));
  } catch (const facet::Error&) {
    threw = true;
  }
  setrlimit(RLIMIT_FSIZE, &saved);
  std::signal(SIGXFSZ, previous_handler);
  EXPECT_TRUE(threw);
  EXPECT_EQ(read_file(path), "original");
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) files += entry.is_regular_file();
  EXPECT_EQ(files, 1u);
  // A folder that does not exist is refused too.
  EXPECT_THROW(write_file_atomic(dir + "/missing-folder/x.txt", "data"), facet::Error);
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
