// FFHQ alignment: the official quad formulas, the kept geometry, determinism, and the shrink/pad branches.
#include <cmath>

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "core/face/ffhq_align.h"
#include "core/face/pil_resample.h"
#include "core/io/error.h"
#include "tests/core/face/face_test_util.h"

namespace facet::face {
namespace {

// Landmarks of an upright face: eye centres at (cx ∓ e, cy), mouth corners at (cx ∓ w, cy + m).
std::vector<cv::Point2f> upright_landmarks(float cx, float cy, float e, float m, float w = 10) {
  std::vector<cv::Point2f> lm(68, cv::Point2f(cx, cy + m / 2));
  for (int i = 36; i < 42; ++i) lm[i] = cv::Point2f(cx - e + float(i - 38.5) * 0.5f, cy);  // mean: cx − e − …
  for (int i = 42; i < 48; ++i) lm[i] = cv::Point2f(cx + e + float(i - 44.5) * 0.5f, cy);
  lm[48] = cv::Point2f(cx - w, cy + m);
  lm[54] = cv::Point2f(cx + w, cy + m);
  return lm;
}

TEST(FfhqQuad, FollowsTheOfficialFormulas) {
  // Eyes at x = 100 ± 30 (mean offsets cancel), y = 200; mouth 70 below: eye_to_eye = (60, 0),
  // eye_to_mouth = (0, 70); x ∥ (1, 0) with length max(2·60, 1.8·70) = 126; c = (100, 207).
  const auto q = ffhq_quad(upright_landmarks(100, 200, 30, 70));
  const float s = 126, cx = 100, cy = 207;
  const cv::Point2f expected[4] = {{cx - s, cy - s}, {cx - s, cy + s}, {cx + s, cy + s}, {cx + s, cy - s}};
  for (int i = 0; i < 4; ++i) {
    EXPECT_NEAR(q[i].x, expected[i].x, 1e-3) << i;
    EXPECT_NEAR(q[i].y, expected[i].y, 1e-3) << i;
  }
  // Wide eyes: the eye distance rules, 2·100 = 200 > 1.8·70.
  const auto wide = ffhq_quad(upright_landmarks(0, 0, 50, 70));
  EXPECT_NEAR(wide[3].x - wide[0].x, 400, 1e-3);
  EXPECT_THROW(ffhq_quad(std::vector<cv::Point2f>(5)), Error);
}

TEST(FfhqQuad, RotatesWithTheFace) {
  // The same face turned by 30°: the quad turns with it and keeps its size.
  auto lm = upright_landmarks(0, 0, 30, 70);
  const double a = 30 * M_PI / 180;
  for (auto& p : lm) p = cv::Point2f(float(p.x * std::cos(a) - p.y * std::sin(a)), float(p.x * std::sin(a) + p.y * std::cos(a)));
  const auto q = ffhq_quad(lm);
  const cv::Point2f top = q[3] - q[0];
  EXPECT_NEAR(std::atan2(top.y, top.x), a, 1e-4);
  EXPECT_NEAR(cv::norm(top), 252, 1e-3);
}

TEST(AlignFfhq, MapsTheQuadCentreToTheImageCentre) {
  const auto& lm = test::astronaut_face().landmarks;
  const AlignedFace a = align_ffhq(test::astronaut(), lm, 256);
  ASSERT_EQ(a.image.size(), cv::Size(256, 256));
  ASSERT_EQ(a.image.type(), CV_8UC3);
  // Corners of the aligned crop (pixel edges) land on the quad; its centre (127.5, 127.5) on the quad centre.
  const auto corners = transform_points(a.aligned_to_photo, {{-0.5f, -0.5f}, {-0.5f, 255.5f}, {255.5f, 255.5f}, {255.5f, -0.5f}});
  for (int i = 0; i < 4; ++i) {
    EXPECT_NEAR(corners[i].x, a.quad[i].x, 1e-3) << i;
    EXPECT_NEAR(corners[i].y, a.quad[i].y, 1e-3) << i;
  }
  // Landmarks come out where FFHQ puts eyes and mouth: eyes level near y ≈ 0.47·S, mouth near 0.72·S.
  const auto& al = a.landmarks;
  ASSERT_EQ(al.size(), 68u);
  cv::Point2f le(0, 0), re(0, 0);
  for (int i = 36; i < 42; ++i) le += al[i] / 6.0f;
  for (int i = 42; i < 48; ++i) re += al[i] / 6.0f;
  EXPECT_NEAR(le.y, re.y, 1.0);
  EXPECT_NEAR((le.x + re.x) / 2, 127.5, 6);
  EXPECT_NEAR((le.y + re.y) / 2, 0.47 * 256, 12);
  EXPECT_NEAR((al[48].y + al[54].y) / 2, 0.72 * 256, 14);
}

TEST(AlignFfhq, IsDeterministic) {
  const auto& lm = test::astronaut_face().landmarks;
  const AlignedFace a = align_ffhq(test::astronaut(), lm, 256);
  const AlignedFace b = align_ffhq(test::astronaut(), lm, 256);
  EXPECT_EQ(cv::norm(a.image, b.image, cv::NORM_INF), 0);
  EXPECT_EQ(a.aligned_to_photo, b.aligned_to_photo);
}

TEST(AlignFfhq, AlignedPixelsComeFromWhereTheTransformSays) {
  // Sampling the photo through aligned_to_photo (OpenCV, no padding involved in the face centre) gives the same
  // face as the official pipeline, up to interpolation differences.
  const auto& lm = test::astronaut_face().landmarks;
  const AlignedFace a = align_ffhq(test::astronaut(), lm, 256);
  cv::Mat resampled;
  const cv::Matx23d m(a.aligned_to_photo(0, 0), a.aligned_to_photo(0, 1), a.aligned_to_photo(0, 2),
                      a.aligned_to_photo(1, 0), a.aligned_to_photo(1, 1), a.aligned_to_photo(1, 2));
  cv::warpAffine(test::astronaut(), resampled, m, a.image.size(), cv::INTER_AREA | cv::WARP_INVERSE_MAP,
                 cv::BORDER_REFLECT101);
  const cv::Rect centre(64, 64, 128, 128);
  EXPECT_LT(test::mean_abs_error(a.image(centre), resampled(centre)), 4.0);
}

TEST(AlignFfhq, ShrinkBranchKeepsTheGeometry) {
  // The photo at 4× makes qsize / 128 · 0.5 ≥ 2: the official shrink step runs; the result matches the
  // alignment of the original photo closely and its transform still maps onto the 4× quad.
  cv::Mat big;
  cv::resize(test::astronaut(), big, cv::Size(), 4, 4, cv::INTER_CUBIC);
  auto lm = test::astronaut_face().landmarks;
  for (auto& p : lm) p = (p + cv::Point2f(0.5f, 0.5f)) * 4.0f - cv::Point2f(0.5f, 0.5f);
  const AlignedFace a = align_ffhq(big, lm, 128);
  EXPECT_GE(a.shrink, 2);
  const AlignedFace ref = align_ffhq(test::astronaut(), test::astronaut_face().landmarks, 128);
  EXPECT_LT(test::mean_abs_error(a.image, ref.image), 3.0);
  const cv::Vec3d centre = a.aligned_to_photo * cv::Vec3d(63.5, 63.5, 1);
  const cv::Point2f qc = (a.quad[0] + a.quad[2]) * 0.5f;
  // Pillow's shrink resamples about pixel centres while the official quad is divided as is: (shrink − 1)/2 px.
  EXPECT_NEAR(centre[0], qc.x + 0.5 * (a.shrink - 1), 0.05);
  EXPECT_NEAR(centre[1], qc.y + 0.5 * (a.shrink - 1), 0.05);
}

TEST(AlignFfhq, PadsFacesAtTheEdgeWithoutBlackBorders) {
  // Cut the photo just below the chin and left of the face: the quad leaves the image, padding fills it.
  const auto& f = test::astronaut_face();
  const cv::Rect cut(f.box.x - 10, 0, test::astronaut().cols - (f.box.x - 10), f.box.y + f.box.height + 5);
  const cv::Mat edge = test::astronaut()(cut).clone();
  auto lm = f.landmarks;
  for (auto& p : lm) p -= cv::Point2f(cv::Point(cut.x, cut.y));
  const AlignedFace a = align_ffhq(edge, lm, 128);
  EXPECT_GT(a.pad[0] + a.pad[1] + a.pad[2] + a.pad[3], 0);
  cv::Mat gray;
  cv::cvtColor(a.image, gray, cv::COLOR_BGR2GRAY);
  EXPECT_GT(cv::countNonZero(gray > 3), 128 * 128 * 99 / 100);  // no black fill
}

TEST(AlignFfhq, RefusesTinyFaces) {
  try {
    align_ffhq(test::astronaut(), upright_landmarks(256, 256, 4, 8), 256);
    FAIL() << "a 16 px face was accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("too small"), std::string::npos) << e.what();
  }
}

TEST(PilResize, KeepsFlatImagesFlatAndSizesRight) {
  const cv::Mat flat(37, 53, CV_8UC3, cv::Scalar(10, 120, 250));
  const cv::Mat down = pil_resize_lanczos(flat, cv::Size(11, 7));
  ASSERT_EQ(down.size(), cv::Size(11, 7));
  EXPECT_EQ(cv::norm(down, cv::Mat(7, 11, CV_8UC3, cv::Scalar(10, 120, 250)), cv::NORM_INF), 0);
  const cv::Mat up = pil_resize_lanczos(flat, cv::Size(100, 80));
  EXPECT_EQ(cv::norm(up, cv::Mat(80, 100, CV_8UC3, cv::Scalar(10, 120, 250)), cv::NORM_INF), 0);
}

}  // namespace
}  // namespace facet::face
