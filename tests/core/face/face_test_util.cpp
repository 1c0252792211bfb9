#include "tests/core/face/face_test_util.h"

#include <gtest/gtest.h>

#include "core/face/photo.h"
#include "tests/support/test_support.h"

namespace facet::test {

std::string astronaut_path() { return source_dir() + "/resources/astronaut.png"; }

const cv::Mat& astronaut() {
  static const cv::Mat image = face::read_photo(astronaut_path());
  return image;
}

const face::FaceFinder& shared_finder() {
  static const face::FaceFinder finder = face::FaceFinder::create();
  return finder;
}

const face::Face& astronaut_face() {
  static const face::Face face = [] {
    auto faces = shared_finder().find(astronaut());
    if (faces.size() != 1) throw std::runtime_error("expected one face in the astronaut");
    return faces[0];
  }();
  return face;
}

double mean_abs_error(const cv::Mat& a, const cv::Mat& b, const cv::Mat& mask) {
  cv::Mat diff;
  cv::absdiff(a, b, diff);
  const cv::Scalar s = cv::mean(diff, mask);
  return (s[0] + s[1] + s[2]) / 3.0;
}

}  // namespace facet::test
