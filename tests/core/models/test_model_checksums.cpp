// The record of model checksums: each file's SHA-256 recorded when it first loads, a changed file reported once,
// a replacement that keeps size and modification time still noticed, a damaged or unwritable record only a warning.
#include <fcntl.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "core/io/atomic_file.h"
#include "core/io/sha256.h"
#include "core/models/model_checksums.h"
#include "tests/support/test_support.h"

using facet::models::check_model_checksums;

namespace {
nlohmann::json read_json(const std::string& path) { return nlohmann::json::parse(facet::io::read_file(path)); }

bool mentions(const std::vector<std::string>& warnings, const std::string& text) {
  for (const auto& w : warnings)
    if (w.find(text) != std::string::npos) return true;
  return false;
}
}  // namespace

TEST(ModelChecksums, TheFirstLoadRecordsTheFilesSha256) {
  const std::string dir = facet::test::scratch_dir("checksums-first");
  const std::string model = dir + "/generator.pt", record = dir + "/data/facet/model-checksums.json";
  facet::io::write_file_atomic(model, "the generator's bytes");
  const auto check = check_model_checksums({model}, record);
  EXPECT_TRUE(check.warnings.empty()) << check.warnings.front();
  EXPECT_EQ(check.hashed, 1);
  const auto json = read_json(record);
  EXPECT_EQ(json["format"], "facet-model-checksums");
  ASSERT_TRUE(json["files"].contains(model)) << json.dump();
  EXPECT_EQ(json["files"][model]["sha256"], facet::io::sha256_hex("the generator's bytes"));
  EXPECT_EQ(json["files"][model]["size"], 21);
}

TEST(ModelChecksums, AnUnchangedFileIsNeitherHashedAgainNorReported) {
  const std::string dir = facet::test::scratch_dir("checksums-same");
  const std::string model = dir + "/generator.pt", record = dir + "/record.json";
  facet::io::write_file_atomic(model, "the generator's bytes");
  ASSERT_EQ(check_model_checksums({model}, record).hashed, 1);
  const auto again = check_model_checksums({model}, record);
  EXPECT_EQ(again.hashed, 0);
  EXPECT_TRUE(again.warnings.empty());
}

TEST(ModelChecksums, AChangedFileIsReportedOnceAndItsNewChecksumRecorded) {
  const std::string dir = facet::test::scratch_dir("checksums-changed");
  const std::string model = dir + "/generator.pt", record = dir + "/record.json";
  facet::io::write_file_atomic(model, "the generator's bytes");
  ASSERT_TRUE(check_model_checksums({model}, record).warnings.empty());
  facet::io::write_file_atomic(model, "another model's bytes");  // same size, other bytes
  const auto changed = check_model_checksums({model}, record);
  ASSERT_EQ(changed.warnings.size(), 1u);
  EXPECT_TRUE(mentions(changed.warnings, model)) << changed.warnings[0];
  EXPECT_TRUE(mentions(changed.warnings, "changed since it first loaded")) << changed.warnings[0];
  EXPECT_TRUE(mentions(changed.warnings, facet::io::sha256_hex("the generator's bytes").substr(0, 16)));
  EXPECT_TRUE(mentions(changed.warnings, facet::io::sha256_hex("another model's bytes").substr(0, 16)));
  EXPECT_EQ(read_json(record)["files"][model]["sha256"], facet::io::sha256_hex("another model's bytes"));
  EXPECT_TRUE(check_model_checksums({model}, record).warnings.empty()) << "reported once, then recorded";
}

TEST(ModelChecksums, AReplacementKeepingSizeAndModificationTimeIsStillNoticed) {
  const std::string dir = facet::test::scratch_dir("checksums-sneaky");
  const std::string model = dir + "/generator.pt", record = dir + "/record.json";
  facet::io::write_file_atomic(model, "the generator's bytes");
  ASSERT_TRUE(check_model_checksums({model}, record).warnings.empty());
  struct stat before {};
  ASSERT_EQ(::stat(model.c_str(), &before), 0);
  // The kernel stamps files from a clock that ticks every few milliseconds: a change within the tick of the record
  // would keep the status-change time too.
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  {
    // Rewritten in place (same inode, same size), then its modification time set back as `touch -r` would.
    std::fstream f(model, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(0);
    f << "X";
  }
  const struct timespec times[2] = {before.st_atim, before.st_mtim};
  ASSERT_EQ(::utimensat(AT_FDCWD, model.c_str(), times, 0), 0);
  const auto check = check_model_checksums({model}, record);
  EXPECT_EQ(check.hashed, 1);
  EXPECT_TRUE(mentions(check.warnings, "changed since it first loaded"));
}

TEST(ModelChecksums, AFolderStandsForItsFilesAndDeletedFilesLeaveTheRecord) {
  const std::string dir = facet::test::scratch_dir("checksums-folder");
  const std::string record = dir + "/record.json";
  std::filesystem::create_directories(dir + "/face-api");
  facet::io::write_file_atomic(dir + "/face-api/manifest.json", "{}");
  facet::io::write_file_atomic(dir + "/face-api/shard1", "weights");
  EXPECT_EQ(check_model_checksums({dir + "/face-api"}, record).hashed, 2);
  EXPECT_EQ(read_json(record)["files"].size(), 2u);
  std::filesystem::remove(dir + "/face-api/shard1");
  facet::io::write_file_atomic(dir + "/face-api/shard1", "other weights");  // a new inode and size: read again
  const auto check = check_model_checksums({dir + "/face-api"}, record);
  EXPECT_TRUE(mentions(check.warnings, dir + "/face-api/shard1"));
  EXPECT_FALSE(mentions(check.warnings, "manifest.json"));
  std::filesystem::remove_all(dir + "/face-api");
  EXPECT_TRUE(check_model_checksums({}, record).warnings.empty());
  EXPECT_TRUE(read_json(record)["files"].empty()) << read_json(record).dump();
}

TEST(ModelChecksums, ADamagedRecordIsStartedAgainWithAWarning) {
  const std::string dir = facet::test::scratch_dir("checksums-damaged");
  const std::string model = dir + "/generator.pt", record = dir + "/record.json";
  facet::io::write_file_atomic(model, "the generator's bytes");
  facet::io::write_file_atomic(record, "{\"files\": [tru");
  const auto check = check_model_checksums({model}, record);
  ASSERT_EQ(check.warnings.size(), 1u);
  EXPECT_TRUE(mentions(check.warnings, record)) << check.warnings[0];
  EXPECT_TRUE(mentions(check.warnings, "started again")) << check.warnings[0];
  EXPECT_EQ(read_json(record)["files"][model]["sha256"], facet::io::sha256_hex("the generator's bytes"));
}

TEST(ModelChecksums, ARecordThatCannotBeWrittenIsAWarningNotAnError) {
  const std::string dir = facet::test::scratch_dir("checksums-unwritable");
  const std::string model = dir + "/generator.pt";
  facet::io::write_file_atomic(model, "the generator's bytes");
  facet::io::write_file_atomic(dir + "/not-a-folder", "");
  const std::string record = dir + "/not-a-folder/model-checksums.json";
  const auto check = check_model_checksums({model}, record);
  EXPECT_TRUE(mentions(check.warnings, "could not be recorded")) << (check.warnings.empty() ? "" : check.warnings[0]);
}

TEST(ModelChecksums, TheRecordLivesInTheUsersDataFolder) {
  const char* saved = std::getenv("XDG_DATA_HOME");
  const std::string keep = saved ? saved : "";
  setenv("XDG_DATA_HOME", "/somewhere/data", 1);
  EXPECT_EQ(facet::models::model_checksum_record_path(), "/somewhere/data/facet/model-checksums.json");
  if (saved) setenv("XDG_DATA_HOME", keep.c_str(), 1); else unsetenv("XDG_DATA_HOME");
}
