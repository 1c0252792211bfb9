// facet-cli align and apply, end to end on the bundled astronaut photo; bad photos give a clear message.
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/face/photo.h"
#include "core/io/atomic_file.h"
#include "tests/support/test_support.h"

namespace {

using facet::test::run_command;

std::string cli() { return FACET_CLI; }
std::string astronaut() { return facet::test::source_dir() + "/resources/astronaut.png"; }
std::string face_data(const std::string& name) { return facet::test::source_dir() + "/tests/data/face/" + name; }
std::string fixture_args() {
  const std::string g = facet::test::fixture("stylegan2/psp_small.pt");
  return " --generator " + g + " --wplus " + facet::test::fixture("stylegan2/wplus.npy");
}

double mean_abs(const cv::Mat& a, const cv::Mat& b, const cv::Mat& mask = cv::Mat()) {
  cv::Mat d;
  cv::absdiff(a, b, d);
  const cv::Scalar s = cv::mean(d, mask);
  return (s[0] + s[1] + s[2]) / 3;
}

TEST(CliAlign, WritesTheAlignedCropAndReportsJson) {
  const std::string dir = facet::test::scratch_dir("cli_align");
  auto r = run_command(cli() + " align " + astronaut() + " --size 256 --out " + dir + "/a.png --json", false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto j = nlohmann::json::parse(r.output);
  ASSERT_EQ(j["faces"].size(), 1u);
  EXPECT_EQ(j["faces"][0]["landmarks"].size(), 68u);
  EXPECT_EQ(j["faces"][0]["box"].size(), 4u);
  EXPECT_EQ(j["alignment"]["quad"].size(), 4u);
  EXPECT_EQ(j["alignment"]["aligned_to_photo"].size(), 3u);
  EXPECT_EQ(j["alignment"]["size"], 256);
  EXPECT_EQ(j["width"], 512);
  const cv::Mat aligned = facet::face::read_photo(dir + "/a.png");
  EXPECT_EQ(aligned.size(), cv::Size(256, 256));
  // Deterministic: a second run writes the same pixels; the crop matches the Python reference made from the
  // same landmarks (tests/data/face).
  ASSERT_EQ(run_command(cli() + " align " + astronaut() + " --size 256 --out " + dir + "/b.png").exit_code, 0);
  EXPECT_EQ(cv::norm(aligned, facet::face::read_photo(dir + "/b.png"), cv::NORM_INF), 0);
  EXPECT_LT(mean_abs(aligned, facet::face::read_photo(face_data("astronaut_aligned_256.png"))), 0.05);
}

TEST(CliAlign, RefusesAMissingFaceIndexAndOverwritingTheInput) {
  auto r = run_command(cli() + " align " + astronaut() + " --face 3");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("1 face(s) were found"), std::string::npos) << r.output;
  const std::string dir = facet::test::scratch_dir("cli_align_in");
  std::filesystem::copy_file(astronaut(), dir + "/in.png");
  const auto before = facet::io::read_file(dir + "/in.png");
  r = run_command(cli() + " align " + dir + "/in.png --out " + dir + "/in.png");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("refusing to overwrite"), std::string::npos) << r.output;
  EXPECT_EQ(facet::io::read_file(dir + "/in.png"), before);
}

TEST(CliApply, EditsThePhotoEndToEnd) {
  FACET_REQUIRE_FIXTURES();
  const std::string dir = facet::test::scratch_dir("cli_apply");
  const std::string tnet = facet::test::fixture("latent_transformer/tnet_15.pth.tar");
  // Reconstruction (no edit) and an edit with the Latent Transformer fixture (tnet_15, 10 × 128 like psp_small).
  auto r0 = run_command(cli() + " apply " + astronaut() + fixture_args() + " --out " + dir + "/plain.png");
  ASSERT_EQ(r0.exit_code, 0) << r0.output;
  auto r1 = run_command(cli() + " apply " + astronaut() + fixture_args() + " --transformer " + tnet +
                            " --alpha 1.5 --out " + dir + "/edited.png --json --save-wplus " + dir + "/w.npy",
                        false);
  ASSERT_EQ(r1.exit_code, 0) << r1.output;
  const auto j = nlohmann::json::parse(r1.output);
  EXPECT_EQ(j["edits"], 1);
  EXPECT_EQ(j["wplus_shape"], nlohmann::json({1, 10, 128}));
  const cv::Mat photo = facet::face::read_photo(astronaut());
  const cv::Mat plain = facet::face::read_photo(dir + "/plain.png");
  const cv::Mat edited = facet::face::read_photo(dir + "/edited.png");
  ASSERT_EQ(edited.size(), photo.size());  // original resolution kept
  // Away from the face the photo is untouched; in the face box the generated face shows and the edit changes it.
  cv::Mat away(photo.size(), CV_8U, cv::Scalar(255));
  const auto& b = j["face"]["box"];
  const cv::Rect box(b[0].get<int>(), b[1].get<int>(), b[2].get<int>(), b[3].get<int>());
  away(cv::Rect(box.x - box.width, box.y - box.height, 3 * box.width, 3 * box.height) & cv::Rect(0, 0, 512, 512)).setTo(0);
  EXPECT_EQ(mean_abs(edited, photo, away), 0);
  EXPECT_GT(mean_abs(edited(box), photo(box)), 5);
  EXPECT_GT(mean_abs(edited(box), plain(box)), 0.5);
  EXPECT_TRUE(std::filesystem::exists(dir + "/w.npy"));
  // JPEG output and seamless cloning.
  auto r2 = run_command(cli() + " apply " + astronaut() + fixture_args() + " --mode seamless --out " + dir + "/s.jpg");
  ASSERT_EQ(r2.exit_code, 0) << r2.output;
  EXPECT_EQ(facet::face::read_photo(dir + "/s.jpg").size(), photo.size());
}

TEST(CliApply, ExplainsWhatIsMissingOrWrong) {
  FACET_REQUIRE_FIXTURES();
  const std::string dir = facet::test::scratch_dir("cli_apply_bad");
  auto r = run_command(cli() + " apply " + astronaut() + " --out " + dir + "/o.png");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("--encoder"), std::string::npos) << r.output;
  // psp_small.pt carries only a decoder: as an encoder it is refused with the file named.
  r = run_command(cli() + " apply " + astronaut() + " --encoder " + facet::test::fixture("stylegan2/psp_small.pt") +
                  " --out " + dir + "/o.png");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("psp_small.pt"), std::string::npos) << r.output;
  r = run_command(cli() + " apply " + astronaut() + fixture_args() + " --mode poisson --out " + dir + "/o.png");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("feather or seamless"), std::string::npos) << r.output;
  r = run_command(cli() + " apply " + astronaut() + fixture_args() + " --alpha 1 --out " + dir + "/o.png");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("one --alpha per"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir + "/o.png"));
}

struct BadPhoto {
  std::string name;
  int exit_code;
  std::string message;  // part of stderr when exit_code != 0
};

TEST(CliAlign, BadPhotosGiveClearMessages) {
  const std::string dir = facet::test::scratch_dir("cli_bad");
  const cv::Mat photo = facet::face::read_photo(astronaut());
  cv::Mat sky(300, 400, CV_8UC3, cv::Scalar(200, 170, 120));
  cv::imwrite(dir + "/no_face.png", sky);
  cv::Mat tiny;
  cv::resize(photo, tiny, cv::Size(48, 48), 0, 0, cv::INTER_AREA);
  cv::imwrite(dir + "/tiny_face.png", tiny);
  cv::Mat gray;
  cv::cvtColor(photo, gray, cv::COLOR_BGR2GRAY);
  cv::imwrite(dir + "/gray.png", gray);
  cv::Mat wide;
  photo.convertTo(wide, CV_16UC3, 257.0);
  cv::imwrite(dir + "/16bit.png", wide);
  facet::io::write_file_atomic(dir + "/corrupt.jpg", std::string("\xFF\xD8\xFF\xE0") + " not really a jpeg");
  const std::vector<BadPhoto> cases = {
      {dir + "/no_face.png", 1, "no face found"},
      {dir + "/tiny_face.png", 1, "no face found"},
      {face_data("huge_12000.png"), 1, "144 megapixels"},
      {dir + "/corrupt.jpg", 1, "not a readable image"},
      {dir + "/missing.jpg", 1, "missing.jpg"},
      {dir + "/gray.png", 0, ""},     // converted, face found
      {dir + "/16bit.png", 0, ""},    // converted, face found
      {face_data("astronaut_cmyk.jpg"), 0, ""},
  };
  for (const auto& c : cases) {
    const auto t0 = std::chrono::steady_clock::now();
    auto r = run_command(cli() + " align " + c.name + " --size 64 --json");
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_EQ(r.exit_code, c.exit_code) << c.name << ": " << r.output;
    if (c.exit_code != 0) {
      EXPECT_NE(r.output.find(c.message), std::string::npos) << c.name << ": " << r.output;
      EXPECT_EQ(r.output.find("terminate called"), std::string::npos) << r.output;
    }
    EXPECT_LT(s, 60) << c.name;
  }
}

}  // namespace
