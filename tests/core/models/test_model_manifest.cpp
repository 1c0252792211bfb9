// models/manifest.json read strictly: the repository's manifest parses with its checksums and sizes, and every
// malformed field is an error naming the file and the entry instead of an empty value that would pass a check.
#include <string>

#include "core/io/error.h"
#include "core/models/model_manifest.h"
#include "tests/support/test_support.h"

using facet::models::parse_manifest;

namespace {
// The error parse_manifest gives for one model entry written as `entry`; "" when it parses.
std::string entry_error(const std::string& entry) {
  try {
    parse_manifest("{\"models\": [" + entry + "]}", "m.json");
    return "";
  } catch (const facet::Error& e) {
    return e.what();
  }
}
}  // namespace

TEST(ModelManifest, TheRepositoryManifestParsesWithItsChecksumsAndSizes) {
  const auto models = facet::models::read_manifest(facet::test::source_dir() + "/models/manifest.json");
  ASSERT_GE(models.size(), 12u);
  bool clip = false;
  for (const auto& m : models) {
    EXPECT_FALSE(m.id.empty());
    EXPECT_FALSE(m.file.empty());
    if (m.id != "clip-vit-b32") continue;
    clip = true;
    EXPECT_EQ(m.sha256.size(), 64u);
    EXPECT_EQ(m.size_bytes, 353976522);
  }
  EXPECT_TRUE(clip);
}

TEST(ModelManifest, FieldsAreReadAsWritten) {
  const auto models = parse_manifest(
      R"({"models": [{"id": "g", "file": "g.pt", "role": "generator", "sha256_prefix": "ABCDEF12",
          "size_bytes": 1234, "features": ["editing", "text edits"], "sha256": null}]})",
      "m.json");
  ASSERT_EQ(models.size(), 1u);
  EXPECT_EQ(models[0].role, "generator");
  EXPECT_EQ(models[0].sha256_prefix, "abcdef12");  // checksums compare in lowercase
  EXPECT_EQ(models[0].sha256, "");
  EXPECT_EQ(models[0].size_bytes, 1234);
  EXPECT_EQ(models[0].features, (std::vector<std::string>{"editing", "text edits"}));
  EXPECT_EQ(parse_manifest(R"({"models": [{"id": "g", "file": "g.pt"}]})", "m.json")[0].size_bytes, -1);
}

TEST(ModelManifest, MalformedFieldsAreErrorsNamingTheEntry) {
  EXPECT_EQ(entry_error(R"({"id": "g", "file": "g.pt"})"), "");
  const std::pair<const char*, const char*> cases[] = {
      {R"({"file": "g.pt"})", "has no \"id\""},
      {R"({"id": "g", "file": 7})", "\"file\" is not a string"},
      {R"({"id": "g", "file": "g.pt", "sha256": 5})", "\"sha256\" is not a string"},
      {R"({"id": "g", "file": "g.pt", "sha256": "abc"})", "\"sha256\" is not a SHA-256"},
      {R"({"id": "g", "file": "g.pt", "sha256_prefix": "xyz12345"})", "\"sha256_prefix\" is not a SHA-256"},
      {R"({"id": "g", "file": "g.pt", "size_bytes": "12"})", "not a whole number"},
      {R"({"id": "g", "file": "g.pt", "size_bytes": 1.5})", "not a whole number"},
      {R"({"id": "g", "file": "g.pt", "size_bytes": -3})", "negative"},
      {R"({"id": "g", "file": "g.pt", "size_bytes": 18446744073709551615})", "too large"},
      {R"({"id": "g", "file": "g.pt", "features": "editing"})", "not a list"},
      {R"(["g"])", "is not an object"},
  };
  for (const auto& [entry, message] : cases) {
    const std::string error = entry_error(entry);
    EXPECT_NE(error.find(message), std::string::npos) << entry << " → " << error;
    EXPECT_NE(error.find("m.json: model entry 1"), std::string::npos) << error;
  }
  EXPECT_NE(entry_error(R"({"id": "g", "file": "a"}, {"id": "g", "file": "b"})").find("listed twice"),
            std::string::npos);
}

TEST(ModelManifest, WhatIsNotAManifestIsAClearError) {
  for (const char* text : {"", "{", "[]", "{\"models\": 3}", "{\"schema\": 1}"}) {
    try {
      parse_manifest(text, "m.json");
      ADD_FAILURE() << "no error for " << text;
    } catch (const facet::Error& e) {
      EXPECT_NE(std::string(e.what()).find("m.json: not a model manifest"), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW(facet::models::read_manifest("/nonexistent/manifest.json"), facet::Error);
}
