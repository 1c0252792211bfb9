// models/manifest.json and models/fetch, run for real on local files (no network needed).
#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "core/io/atomic_file.h"
#include "tests/support/test_support.h"

using facet::test::run_command;

namespace {
std::string repo(const std::string& rel) { return facet::test::source_dir() + "/" + rel; }

std::string write_manifest(const std::string& dir, const std::string& url, const std::string& sha) {
  nlohmann::json m{{"models", {{{"id", "tiny"}, {"role", "test"}, {"file", "tiny.bin"}, {"url", url},
                                {"download", "direct"}, {"sha256", sha.empty() ? nlohmann::json() : nlohmann::json(sha)}}}}};
  const std::string path = dir + "/manifest.json";
  std::ofstream(path) << m.dump();
  return path;
}
}  // namespace

TEST(ModelsManifest, EveryEntryHasTheRequiredFieldsAndUniqueIds) {
  std::ifstream in(repo("models/manifest.json"));
  auto manifest = nlohmann::json::parse(in);
  std::set<std::string> ids;
  for (const auto& m : manifest["models"]) {
    for (const char* field : {"id", "role", "file", "url", "source", "download", "sha256", "license", "size_bytes",
                              "features"})
      EXPECT_TRUE(m.contains(field)) << m.value("id", "?") << " lacks " << field;
    EXPECT_TRUE(ids.insert(m["id"].get<std::string>()).second) << "duplicate id " << m["id"];
    const std::string how = m["download"];
    EXPECT_TRUE(how == "direct" || how == "manual" || how == "npm" || how == "debian") << how;
    if (m["sha256"].is_string()) {
      EXPECT_EQ(m["sha256"].get<std::string>().size(), 64u) << m["id"];
    }
  }
  for (const char* needed : {"stylegan2-ffhq-1024", "psp-ffhq-encoder", "e4e-ffhq-encoder", "latent-classifier",
                             "latent-transformers", "arcface-ir-se50", "clip-vit-b32", "face-api"})
    EXPECT_TRUE(ids.count(needed)) << needed;
}

TEST(ModelsFetch, DownloadsVerifiesAndRefusesBadChecksums) {
  const std::string dir = facet::test::scratch_dir("fetch");
  facet::io::write_file_atomic(dir + "/source.bin", "facet model bytes");
  const auto sha = run_command("sha256sum " + dir + "/source.bin | cut -d' ' -f1", false).output.substr(0, 64);

  auto ok = run_command(repo("models/fetch") + " --manifest " + write_manifest(dir, "file://" + dir + "/source.bin", sha) +
                        " --dest " + dir + "/dest");
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_EQ(facet::io::read_file(dir + "/dest/tiny.bin"), "facet model bytes");
  auto listed = run_command(repo("models/fetch") + " --list --manifest " + dir + "/manifest.json --dest " + dir + "/dest");
  EXPECT_NE(listed.output.find("present"), std::string::npos) << listed.output;

  auto bad = run_command(repo("models/fetch") + " --manifest " +
                         write_manifest(dir, "file://" + dir + "/source.bin", std::string(64, 'a')) + " --dest " + dir +
                         "/dest2");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("checksum mismatch"), std::string::npos) << bad.output;
  EXPECT_NE(run_command("test -e " + dir + "/dest2/tiny.bin").exit_code, 0) << "a bad download must not land";
}

TEST(ModelsFetch, SaysPlainlyWhenOffline) {
  const std::string dir = facet::test::scratch_dir("fetch-offline");
  auto r = run_command(repo("models/fetch") + " --manifest " + write_manifest(dir, "http://127.0.0.1:9/tiny.bin", "") +
                       " --dest " + dir + "/dest");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("offline or unreachable"), std::string::npos) << r.output;
  EXPECT_EQ(run_command(repo("models/fetch") + " --only no-such-model").exit_code, 2);
}

TEST(ModelsFetch, RefusesAFileOfTheWrongSizeWithoutAChecksum) {
  // No published checksum: the size is then what tells a truncated download or another file from the model.
  const std::string dir = facet::test::scratch_dir("fetch-size");
  facet::io::write_file_atomic(dir + "/source.bin", "facet model bytes");
  nlohmann::json m = nlohmann::json::parse(facet::io::read_file(write_manifest(dir, "file://" + dir + "/source.bin", "")));
  m["models"][0]["size_bytes"] = 16;  // the file has 17
  facet::io::write_file_atomic(dir + "/manifest.json", m.dump());
  auto r = run_command(repo("models/fetch") + " --manifest " + dir + "/manifest.json --dest " + dir + "/dest");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("size mismatch"), std::string::npos) << r.output;
  EXPECT_NE(run_command("test -e " + dir + "/dest/tiny.bin").exit_code, 0) << "a wrong-size download must not land";
  facet::io::write_file_atomic(dir + "/dest/tiny.bin", "facet model bytes");  // the same file put there by hand
  auto listed = run_command(repo("models/fetch") + " --list --manifest " + dir + "/manifest.json --dest " + dir + "/dest");
  EXPECT_NE(listed.output.find("WRONG SIZE"), std::string::npos) << listed.output;
  m["models"][0]["size_bytes"] = 17;
  facet::io::write_file_atomic(dir + "/manifest.json", m.dump());
  listed = run_command(repo("models/fetch") + " --list --manifest " + dir + "/manifest.json --dest " + dir + "/dest");
  EXPECT_NE(listed.output.find("present"), std::string::npos) << listed.output;
}

TEST(ModelsFetch, ChecksAnNpmPackageAgainstItsPublishedIntegrityAndTheManifest) {
  // A local package stands in for the registry's: npm packs a folder exactly as it packs a published version, and
  // the same bytes give the same tarball, so its sha512 plays the registry's published integrity.
  if (run_command("command -v npm", false).exit_code != 0) GTEST_SKIP() << "npm is not installed";
  const std::string dir = facet::test::scratch_dir("fetch-npm");
  std::filesystem::create_directories(dir + "/pkg/model");
  facet::io::write_file_atomic(dir + "/pkg/package.json", R"({"name":"facet-test-models","version":"1.0.0"})");
  facet::io::write_file_atomic(dir + "/pkg/model/weights.json", R"({"weights":[1,2,3]})");
  const std::string integrity =
      "sha512-" + run_command("cd " + dir + " && npm pack --silent ./pkg >/dev/null && openssl dgst -sha512 -binary "
                              "facet-test-models-1.0.0.tgz | base64 -w0", false).output;
  const auto sha = run_command("sha256sum " + dir + "/pkg/model/weights.json | cut -d' ' -f1", false).output.substr(0, 64);
  nlohmann::json entry{{"id", "pkg"}, {"role", "test"}, {"file", "pkg/weights.json"}, {"url", nullptr},
                       {"download", "npm"}, {"npm_package", dir + "/pkg"}, {"npm_folder", "package/model"},
                       {"target_folder", "pkg"}, {"npm_integrity", integrity}, {"sha256", sha}, {"size_bytes", 19}};
  auto fetch_with = [&](const nlohmann::json& model, const std::string& dest) {
    facet::io::write_file_atomic(dir + "/manifest.json", nlohmann::json{{"models", {model}}}.dump());
    return run_command(repo("models/fetch") + " --manifest " + dir + "/manifest.json --dest " + dir + "/" + dest);
  };

  auto ok = fetch_with(entry, "good");
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_EQ(facet::io::read_file(dir + "/good/pkg/weights.json"), R"({"weights":[1,2,3]})");

  auto tampered = entry;
  tampered["npm_integrity"] = "sha512-" + std::string(86, 'A') + "==";
  auto r = fetch_with(tampered, "tampered");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("published integrity"), std::string::npos) << r.output;
  EXPECT_NE(run_command("test -e " + dir + "/tampered/pkg").exit_code, 0) << "a package that fails its check must not land";

  auto other_size = entry;
  other_size["size_bytes"] = 20;
  r = fetch_with(other_size, "other-size");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("another size or SHA-256"), std::string::npos) << r.output;
  EXPECT_NE(run_command("test -e " + dir + "/other-size/pkg").exit_code, 0);

  // Present but changed since: --list says so (npm folders are checked like every other file).
  facet::io::write_file_atomic(dir + "/good/pkg/weights.json", R"({"weights":[1,2,4]})");
  entry["npm_integrity"] = nullptr;
  facet::io::write_file_atomic(dir + "/manifest.json", nlohmann::json{{"models", {entry}}}.dump());
  auto listed = run_command(repo("models/fetch") + " --list --manifest " + dir + "/manifest.json --dest " + dir + "/good");
  EXPECT_NE(listed.output.find("BAD CHECKSUM"), std::string::npos) << listed.output;
}
