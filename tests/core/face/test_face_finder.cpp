// FaceFinder on the real sample photo: one face, landmarks on it, in dlib's order; several faces largest first.
#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "core/face/face_finder.h"
#include "core/io/error.h"
#include "tests/core/face/face_test_util.h"

namespace facet::face {
namespace {

cv::Point2f mean_point(const std::vector<cv::Point2f>& lm, int from, int to) {
  cv::Point2f s(0, 0);
  for (int i = from; i < to; ++i) s += lm[i];
  return s / float(to - from);
}

TEST(FaceFinder, FindsTheAstronautsFace) {
  const auto faces = test::shared_finder().find(test::astronaut());
  ASSERT_EQ(faces.size(), 1u);
  const Face& f = faces[0];
  // Eileen Collins' face lies in the upper middle of the 512² portrait.
  EXPECT_GT(f.box.x, 120);
  EXPECT_LT(f.box.x + f.box.width, 320);
  EXPECT_GT(f.box.y, 30);
  EXPECT_LT(f.box.y + f.box.height, 260);
  EXPECT_GT(f.box.width, 70);
  EXPECT_GT(f.score, 0.0);
  ASSERT_EQ(f.landmarks.size(), 68u);
}

TEST(FaceFinder, LandmarksLandOnTheFaceInDlibOrder) {
  const Face& f = test::astronaut_face();
  cv::Rect loose = f.box;
  loose -= cv::Point(f.box.width / 4, f.box.height / 4);
  loose += cv::Size(f.box.width / 2, f.box.height / 2);
  for (const auto& p : f.landmarks) EXPECT_TRUE(loose.contains(cv::Point(p))) << p;
  const auto& lm = f.landmarks;
  const cv::Point2f left_eye = mean_point(lm, 36, 42), right_eye = mean_point(lm, 42, 48);
  const cv::Point2f nose_tip = lm[30], mouth = (lm[48] + lm[54]) * 0.5f, chin = lm[8];
  EXPECT_LT(left_eye.x, right_eye.x);                                   // image-left eye first
  EXPECT_LT(std::max(left_eye.y, right_eye.y), nose_tip.y);             // eyes above the nose
  EXPECT_LT(nose_tip.y, mouth.y);                                       // nose above the mouth
  EXPECT_LT(mouth.y, chin.y);                                           // mouth above the chin
  EXPECT_GT(nose_tip.x, left_eye.x);
  EXPECT_LT(nose_tip.x, right_eye.x);
  const float eye_gap = cv::norm(right_eye - left_eye);
  EXPECT_GT(eye_gap, 30);
  EXPECT_LT(eye_gap, 80);
}

TEST(FaceFinder, LandmarksAreDeterministic) {
  const auto again = test::shared_finder().landmarks(test::astronaut(), test::astronaut_face().box);
  ASSERT_EQ(again.size(), 68u);
  for (size_t i = 0; i < again.size(); ++i) EXPECT_EQ(again[i], test::astronaut_face().landmarks[i]);
}

TEST(FaceFinder, ReturnsEveryFaceLargestFirst) {
  // Two copies of the portrait, the right one at 60 %: two faces, the bigger one first.
  const cv::Mat& a = test::astronaut();
  cv::Mat small;
  cv::resize(a, small, cv::Size(), 0.6, 0.6, cv::INTER_AREA);
  cv::Mat canvas(a.rows, a.cols + small.cols, CV_8UC3, cv::Scalar(128, 128, 128));
  a.copyTo(canvas(cv::Rect(0, 0, a.cols, a.rows)));
  small.copyTo(canvas(cv::Rect(a.cols, 100, small.cols, small.rows)));
  const auto faces = test::shared_finder().find(canvas);
  ASSERT_EQ(faces.size(), 2u);
  EXPECT_GT(faces[0].box.area(), faces[1].box.area());
  EXPECT_LT(faces[0].box.x, a.cols);
  EXPECT_GE(faces[1].box.x, a.cols);
  EXPECT_EQ(faces[1].landmarks.size(), 68u);
}

TEST(FaceFinder, NoFaceGivesAnEmptyList) {
  cv::Mat sky(300, 400, CV_8UC3);
  for (int y = 0; y < sky.rows; ++y) sky.row(y).setTo(cv::Scalar(200, 150 + y / 6, 100));
  EXPECT_TRUE(test::shared_finder().find(sky).empty());
}

TEST(FaceFinder, BadInputsAreErrors) {
  EXPECT_THROW(test::shared_finder().find(cv::Mat()), Error);
  EXPECT_THROW(test::shared_finder().find(cv::Mat(10, 10, CV_8UC1)), Error);
  EXPECT_THROW(FaceFinder().find(test::astronaut()), Error);
  EXPECT_THROW(FaceFinder::create("/nonexistent/predictor.dat"), Error);
}

}  // namespace
}  // namespace facet::face
