#pragma once
// Photos and settings the batch tests share: four variants of the bundled astronaut (each with one face) and
// apply's fixture flags (the small pSp generator and a given W+, so no encoder runs).
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/io/atomic_file.h"
#include "tests/support/test_support.h"

namespace facet::test {

inline std::string astronaut() { return source_dir() + "/resources/astronaut.png"; }

inline std::string apply_fixture_args() {
  return " --generator " + fixture("stylegan2/psp_small.pt") + " --wplus " + fixture("stylegan2/wplus.npy");
}

// a.png, b.jpg (the same photo as JPEG), c.png (mirrored), d.png (smaller) in a fresh folder.
inline std::string batch_photos(const std::string& tag) {
  const std::string dir = scratch_dir(tag);
  const cv::Mat photo = cv::imread(astronaut());
  cv::Mat mirrored, smaller;
  cv::flip(photo, mirrored, 1);
  cv::resize(photo, smaller, cv::Size(), 0.8, 0.8, cv::INTER_AREA);
  cv::imwrite(dir + "/a.png", photo);
  cv::imwrite(dir + "/b.jpg", photo);
  cv::imwrite(dir + "/c.png", mirrored);
  cv::imwrite(dir + "/d.png", smaller);
  return dir;
}

inline std::vector<nlohmann::json> report_lines(const std::string& path) {
  std::vector<nlohmann::json> lines;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

// A report without its timings, which differ from run to run.
inline std::vector<nlohmann::json> without_timings(std::vector<nlohmann::json> lines) {
  for (auto& l : lines) l.erase("seconds");
  return lines;
}

// Every file of `a` has the same bytes in `b` (and `b` has no other top-level files), parts/ and logs aside.
inline void expect_same_files(const std::string& a, const std::string& b, const std::string& skip = "report.jsonl") {
  auto files = [&](const std::string& dir) {
    std::map<std::string, std::string> bytes;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      const std::string name = e.path().filename().string();
      if (e.is_regular_file() && name != skip) bytes[name] = io::read_file(e.path().string());
    }
    return bytes;
  };
  auto fa = files(a), fb = files(b);
  ASSERT_EQ(fa.size(), fb.size());
  for (const auto& [name, bytes] : fa) {
    ASSERT_TRUE(fb.count(name)) << name << " missing in " << b;
    EXPECT_TRUE(bytes == fb[name]) << name << " differs between " << a << " and " << b;
  }
}

}  // namespace facet::test
