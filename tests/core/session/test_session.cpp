// The session file: every field round-trips, and broken files, broken W+ files and newer formats get messages in
// plain words.
#include <filesystem>
#include <fstream>

#include <torch/torch.h>

#include "core/io/error.h"
#include "core/io/npy.h"
#include "core/session/session.h"
#include "tests/support/test_support.h"

using namespace facet::session;

namespace {

Session full_session() {
  Session s;
  s.photo_path = "/photos/astronaut.png";
  s.photo_sha256 = std::string(64, 'a');
  s.face_index = 2;
  s.alphas = {0.f, 1.5f, -0.25f};
  s.attribute_ids = {"Eyeglasses", "Smiling", "Young"};
  s.model_ids = {"stylegan2-ffhq-1024", "latent-transformers"};
  s.timeline = {{"fps", 25}, {"keyframes", nlohmann::json::array({{{"time", 0.5}, {"alphas", {0, 1, 0}}}})}};
  s.edited_layers = {true, true, false, false};
  s.text_sliders = {{"text-1", 0.75f, {{"kind", "latent"}, {"prompt", "curly hair"}}}};
  return s;
}

void write_text(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

std::string read_error(const std::string& path) {
  try {
    read_session(path);
  } catch (const facet::Error& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST(Session, EveryFieldRoundTrips) {
  const std::string dir = facet::test::scratch_dir("session-roundtrip");
  const Session s = full_session();
  const torch::Tensor w = torch::randn({1, 4, 8});
  write_session_with_wplus(dir + "/edit.facet", s, w);
  const Session back = read_session(dir + "/edit.facet");
  Session expected = s;
  expected.wplus_file = "edit.wplus.npy";  // named beside the session
  EXPECT_EQ(back, expected);
  EXPECT_EQ(back.timeline["keyframes"][0]["time"], 0.5);
  EXPECT_EQ(back.text_sliders.at(0).direction["prompt"], "curly hair");
  EXPECT_TRUE(torch::equal(read_wplus(back, dir + "/edit.facet"), w));
  EXPECT_EQ(wplus_path(back, dir + "/edit.facet"), dir + "/edit.wplus.npy");
  // Each field matters to equality: a session that loses one would not compare equal.
  Session other = expected;
  other.edited_layers.back() = true;
  EXPECT_FALSE(other == expected);
  other = expected;
  other.text_sliders[0].alpha = 0.5f;
  EXPECT_FALSE(other == expected);
}

TEST(Session, OptionalFieldsMayBeAbsent) {
  const std::string dir = facet::test::scratch_dir("session-minimal");
  write_text(dir + "/old.facet",
             R"({"format": "facet-session", "version": 1, "photo": {"path": "/p.png", "sha256": "00"},
                 "face": 0, "wplus": "", "alphas": [], "attributes": [], "models": []})");
  const Session s = read_session(dir + "/old.facet");
  EXPECT_TRUE(s.timeline.is_null());
  EXPECT_TRUE(s.edited_layers.empty());
  EXPECT_TRUE(s.text_sliders.empty());
  EXPECT_FALSE(read_wplus(s, dir + "/old.facet").defined());
}

TEST(Session, BrokenFilesGetPlainMessages) {
  const std::string dir = facet::test::scratch_dir("session-broken");
  write_text(dir + "/empty.facet", "");
  EXPECT_NE(read_error(dir + "/empty.facet").find("the file is empty"), std::string::npos);
  write_text(dir + "/junk.facet", "{\"format\": \"facet-session\", ");
  EXPECT_NE(read_error(dir + "/junk.facet").find("damaged or not JSON"), std::string::npos);
  // A number past double's range is refused by the JSON parser with another exception than a syntax error.
  write_text(dir + "/huge.facet", R"({"format": "facet-session", "version": 1, "face": 1e309})");
  EXPECT_NE(read_error(dir + "/huge.facet").find("not a Facet session (the file is damaged"), std::string::npos)
      << read_error(dir + "/huge.facet");
  write_text(dir + "/other.facet", "{\"format\": \"something-else\"}");
  EXPECT_NE(read_error(dir + "/other.facet").find("not a Facet session file"), std::string::npos);
  write_text(dir + "/newer.facet", R"({"format": "facet-session", "version": 7})");
  EXPECT_NE(read_error(dir + "/newer.facet").find("update Facet"), std::string::npos);
  write_text(dir + "/typed.facet", R"({"format": "facet-session", "version": 1, "face": "two"})");
  EXPECT_NE(read_error(dir + "/typed.facet").find("'face' must be a face number"), std::string::npos);
  write_text(dir + "/nothing.facet", R"({"format": "facet-session", "version": 1, "face": 0, "alphas": []})");
  EXPECT_NE(read_error(dir + "/nothing.facet").find("names no photo and no W+ code"), std::string::npos);
  EXPECT_NE(read_error(dir + "/absent.facet").find("no such session file"), std::string::npos);
  Session mismatch = full_session();
  mismatch.alphas.pop_back();
  EXPECT_THROW(write_session(dir + "/mismatch.facet", mismatch), facet::Error);
  EXPECT_FALSE(std::filesystem::exists(dir + "/mismatch.facet"));
}

TEST(Session, AMissingOrBrokenWplusFileIsNamed) {
  const std::string dir = facet::test::scratch_dir("session-wplus");
  Session s = full_session();
  s.wplus_file = "gone.wplus.npy";
  write_session(dir + "/a.facet", s);
  const Session back = read_session(dir + "/a.facet");
  std::string message;
  try {
    read_wplus(back, dir + "/a.facet");
  } catch (const facet::Error& e) {
    message = e.what();
  }
  EXPECT_NE(message.find("gone.wplus.npy is missing"), std::string::npos) << message;
  write_text(dir + "/gone.wplus.npy", "not numpy");
  message.clear();
  try {
    read_wplus(back, dir + "/a.facet");
  } catch (const facet::Error& e) {
    message = e.what();
  }
  EXPECT_NE(message.find("cannot be read"), std::string::npos) << message;
  facet::io::write_npy(dir + "/gone.wplus.npy", torch::full({1, 4, 8}, std::nanf("")));
  EXPECT_THROW(read_wplus(back, dir + "/a.facet"), facet::Error);
  facet::io::write_npy(dir + "/gone.wplus.npy", torch::zeros({2, 4, 8}));
  EXPECT_THROW(read_wplus(back, dir + "/a.facet"), facet::Error);
}

// The two-face operation travels with the session: where each other face came from, its code beside the session
// (<name>.<role>.npy), and the operation ready to apply.
TEST(Session, TwoFacesRoundTripWithTheirCodes) {
  const std::string dir = facet::test::scratch_dir("session-two-faces");
  Session s = full_session();
  s.two_faces.mode = "expression";
  s.two_faces.amount = 0.75;
  s.two_faces.mix_layers = {true, false, false, false};
  OtherFace neutral;
  neutral.role = "neutral";
  neutral.kind = "photo";
  neutral.path = "/photos/calm.jpg";
  neutral.photo_sha256 = std::string(64, 'b');
  neutral.face_index = 1;
  OtherFace expressive;
  expressive.role = "expressive";
  expressive.kind = "random";
  expressive.seed = 42;
  s.two_faces.faces = {neutral, expressive};
  const torch::Tensor w = torch::randn({1, 4, 8}), n = torch::randn({1, 4, 8}), e = torch::randn({1, 4, 8});
  write_session_with_wplus(dir + "/two.facet", s, w, {{"neutral", n}, {"expressive", e}});
  EXPECT_TRUE(std::filesystem::exists(dir + "/two.neutral.npy"));
  EXPECT_TRUE(std::filesystem::exists(dir + "/two.expressive.npy"));
  const Session back = read_session(dir + "/two.facet");
  Session expected = s;
  expected.wplus_file = "two.wplus.npy";
  expected.two_faces.faces[0].wplus_file = "two.neutral.npy";
  expected.two_faces.faces[1].wplus_file = "two.expressive.npy";
  EXPECT_EQ(back, expected);
  const facet::edit::TwoFaces two = read_two_faces(back, dir + "/two.facet");
  EXPECT_EQ(two.mode, facet::edit::TwoFaceMode::Expression);
  EXPECT_DOUBLE_EQ(two.amount, 0.75);
  EXPECT_TRUE(torch::equal(two.neutral, n));
  EXPECT_TRUE(torch::equal(two.expressive, e));
  EXPECT_FALSE(two.second.defined());
  Session other = expected;
  other.two_faces.faces[1].seed = 43;
  EXPECT_FALSE(other == expected);

  // A session without the operation writes no "two_faces" at all (older Facets read it unchanged).
  EXPECT_FALSE(to_json(full_session()).contains("two_faces"));
  // Broken entries get plain messages; a missing code file is named.
  nlohmann::json root = to_json(expected);
  root["two_faces"]["mode"] = "blend";
  EXPECT_THROW(from_json(root, "x.facet"), facet::Error);
  root = to_json(expected);
  root["two_faces"]["faces"][1]["role"] = "neutral";
  try {
    from_json(root, "x.facet");
    ADD_FAILURE() << "two faces with one role were accepted";
  } catch (const facet::Error& err) {
    EXPECT_NE(std::string(err.what()).find("two faces have the role 'neutral'"), std::string::npos) << err.what();
  }
  std::filesystem::remove(dir + "/two.expressive.npy");
  try {
    read_two_faces(back, dir + "/two.facet");
    ADD_FAILURE() << "a missing code was not noticed";
  } catch (const facet::Error& err) {
    EXPECT_NE(std::string(err.what()).find("two.expressive.npy is missing"), std::string::npos) << err.what();
  }
}
