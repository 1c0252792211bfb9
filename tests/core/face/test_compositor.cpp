// Compositor: un-aligning the aligned crop gives the face region back; pasting it back leaves the photo nearly
// unchanged with no seam; a changed face blends smoothly (feather) or takes the photo's colours (seamless).
#include <algorithm>
#include <cmath>
#include <map>

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include "core/face/compositor.h"
#include "core/io/error.h"
#include "tests/core/face/face_test_util.h"

namespace facet::face {
namespace {

const AlignedFace& aligned_astronaut(int size) {
  static std::map<int, AlignedFace> cache;
  auto it = cache.find(size);
  if (it == cache.end()) it = cache.emplace(size, align_ffhq(test::astronaut(), test::astronaut_face().landmarks, size)).first;
  return it->second;
}

// Pixels of the photo where the warped mask is at least `level` (region-sized → photo-sized mask).
cv::Mat photo_mask(const Unaligned& u, float low, float high) {
  cv::Mat m(test::astronaut().size(), CV_8U, cv::Scalar(0));
  cv::Mat band = (u.mask >= low) & (u.mask <= high);
  band.copyTo(m(u.region));
  return m;
}

// Largest change between neighbouring pixels of (result − photo): a seam shows as a jump.
double max_step_of_difference(const cv::Mat& result, const cv::Mat& photo) {
  cv::Mat a, b, d;
  result.convertTo(a, CV_32F);
  photo.convertTo(b, CV_32F);
  d = a - b;
  cv::Mat dx = cv::abs(d(cv::Rect(1, 0, d.cols - 1, d.rows)) - d(cv::Rect(0, 0, d.cols - 1, d.rows)));
  cv::Mat dy = cv::abs(d(cv::Rect(0, 1, d.cols, d.rows - 1)) - d(cv::Rect(0, 0, d.cols, d.rows - 1)));
  double mx = 0, my = 0;
  cv::minMaxLoc(dx.reshape(1), nullptr, &mx);
  cv::minMaxLoc(dy.reshape(1), nullptr, &my);
  return std::max(mx, my);
}

TEST(Compositor, UnalignReturnsTheFaceRegion) {
  for (int size : {256, 1024}) {
    const AlignedFace& a = aligned_astronaut(size);
    const Unaligned u = unalign(a.image, a, face_mask(a));
    ASSERT_FALSE(u.region.empty());
    const cv::Mat inside = photo_mask(u, 0.99f, 2.0f);
    ASSERT_GT(cv::countNonZero(inside), 5000);
    cv::Mat back = test::astronaut().clone();
    u.image.copyTo(back(u.region));
    const double err = test::mean_abs_error(back, test::astronaut(), inside);
    std::cout << "round trip (align " << size << "² → un-align), face region: mean |Δ| = " << err << " levels\n";
    EXPECT_LT(err, 4.5);
  }
}

TEST(Compositor, PastingTheUnchangedCropLeavesThePhotoAlmostAsItWas) {
  const AlignedFace& a = aligned_astronaut(1024);
  const cv::Mat result = paste_back(test::astronaut(), a.image, a);
  ASSERT_EQ(result.size(), test::astronaut().size());
  const Unaligned u = unalign(a.image, a, face_mask(a));
  const cv::Mat boundary = photo_mask(u, 0.02f, 0.98f);  // the feathered ring, where a seam would be
  cv::Mat outside(test::astronaut().size(), CV_8U, cv::Scalar(255));  // outside the region or mask = 0
  cv::Mat zero = u.mask <= 0.0f;
  zero.copyTo(outside(u.region));
  const double ring = test::mean_abs_error(result, test::astronaut(), boundary);
  const double all = test::mean_abs_error(result, test::astronaut());
  std::cout << "paste back unchanged: mean |Δ| whole photo " << all << ", along the mask edge " << ring << "\n";
  EXPECT_LT(ring, 3.0);
  EXPECT_LT(all, 0.5);
  EXPECT_EQ(cv::norm(result, test::astronaut(), cv::NORM_INF, outside), 0);  // untouched away from the face
}

TEST(Compositor, FeatherBlendsAChangedFaceWithoutASeam) {
  // The photo squeezed into 20…198 so that a +40 "edit" never clips: the change is then 40 × mask exactly.
  cv::Mat photo;
  test::astronaut().convertTo(photo, -1, 0.7, 20);
  const AlignedFace a = align_ffhq(photo, test::astronaut_face().landmarks, 256);
  cv::Mat brighter;
  a.image.convertTo(brighter, -1, 1.0, 40);
  const cv::Mat result = paste_back(photo, brighter, a);
  const cv::Mat unchanged = paste_back(photo, a.image, a);
  const Unaligned u = unalign(a.image, a, face_mask(a));
  cv::Mat diff;
  cv::subtract(result, unchanged, diff, cv::noArray(), CV_32F);
  EXPECT_GT(cv::mean(diff, photo_mask(u, 0.99f, 2.0f))[1], 39);  // the edit shows fully in the face
  // The edit fades in over the feather: neighbouring pixels of the change differ by a few levels, where a hard
  // paste would jump by 40.
  const double step = max_step_of_difference(result, unchanged);
  std::cout << "feather, +40 edit: largest neighbour step of the change = " << step << " levels\n";
  EXPECT_LT(step, 8);
}

TEST(Compositor, FeatherIsTheMaskWeightedMeanOfFaceAndPhoto) {
  // The expected composite computed here on its own: the crop's mask warped into the whole photo with the alignment's
  // inverse (no region, no shrinking), and photo·(1 − m) + face·m per channel. A one-colour face makes the face's
  // own warp exact, so what is compared is the blend: the face's colour where m ≈ 1, the photo untouched where m = 0,
  // and the weighted mean along the feather (within the two warps' interpolation: 1 level measured, 2 allowed).
  // 128²: the face spans more photo pixels than the crop has, so paste_back warps it without shrinking first, as
  // computed here.
  const AlignedFace& a = aligned_astronaut(128);
  const cv::Mat& photo = test::astronaut();
  const cv::Vec3b colour(20, 200, 90);  // distinct per channel: swapped channels show
  const cv::Mat face(128, 128, CV_8UC3, cv::Scalar(colour[0], colour[1], colour[2]));
  const cv::Mat result = paste_back(photo, face, a);
  ASSERT_EQ(result.size(), photo.size());

  const cv::Matx33d p2a = a.photo_to_aligned();
  const cv::Matx23d photo_to_crop(p2a(0, 0), p2a(0, 1), p2a(0, 2), p2a(1, 0), p2a(1, 1), p2a(1, 2));
  cv::Mat m;
  cv::warpAffine(face_mask(a), m, photo_to_crop, photo.size(), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP,
                 cv::BORDER_CONSTANT, cv::Scalar(0));
  cv::Mat near_face;  // every pixel the mask reaches, grown by 2 pixels for the warps' different footprints
  cv::dilate(m > 0.0f, near_face, cv::Mat::ones(5, 5, CV_8U));
  int inside = 0, outside = 0, band = 0, worst_band = 0;
  for (int y = 0; y < photo.rows; ++y)
    for (int x = 0; x < photo.cols; ++x) {
      const float w = m.at<float>(y, x);
      const cv::Vec3b p = photo.at<cv::Vec3b>(y, x), r = result.at<cv::Vec3b>(y, x);
      for (int c = 0; c < 3; ++c) {
        const int got = r[c];
        if (!near_face.at<uchar>(y, x)) {
          ASSERT_EQ(got, p[c]) << "outside the mask at " << x << "," << y;
          ++outside;
        } else if (w >= 0.999f) {
          ASSERT_NEAR(got, colour[c], 1) << "inside the mask at " << x << "," << y;
          ++inside;
        } else if (w > 0.01f && w < 0.99f) {
          const double expected = p[c] * (1.0 - w) + colour[c] * w;
          worst_band = std::max(worst_band, int(std::lround(std::abs(got - expected))));
          ++band;
        }
      }
    }
  std::cout << "feather composite: " << inside << " inside, " << band << " along the feather (largest |Δ| "
            << worst_band << "), " << outside << " outside\n";
  EXPECT_GT(inside, 3 * 2000);
  EXPECT_GT(band, 3 * 1000);
  EXPECT_GT(outside, 3 * 10000);
  EXPECT_LE(worst_band, 2);
}

TEST(Compositor, SeamlessTakesThePhotosColoursAtTheEdge) {
  const AlignedFace& a = aligned_astronaut(256);
  cv::Mat brighter;
  a.image.convertTo(brighter, -1, 1.0, 40);
  CompositeOptions options;
  options.mode = CompositeOptions::Mode::Seamless;
  const cv::Mat result = paste_back(test::astronaut(), brighter, a, options);
  ASSERT_EQ(result.size(), test::astronaut().size());
  const Unaligned u = unalign(a.image, a, face_mask(a, options));
  const cv::Mat core = photo_mask(u, 0.6f, 2.0f);
  // A uniform offset has no gradient: Poisson cloning keeps the photo's own colours.
  const double err = test::mean_abs_error(result, test::astronaut(), core);
  std::cout << "seamless, +40 edit: mean |Δ| in the face = " << err << " levels\n";
  EXPECT_LT(err, 8);
}

TEST(Compositor, MaskCoversTheFaceAndFadesBeforeTheCropEdge) {
  const AlignedFace& a = aligned_astronaut(256);
  const cv::Mat m = face_mask(a);
  ASSERT_EQ(m.size(), cv::Size(256, 256));
  EXPECT_GT(m.at<float>(cvRound(a.landmarks[30].y), cvRound(a.landmarks[30].x)), 0.99f);  // nose tip
  EXPECT_EQ(m.at<float>(0, 0), 0.0f);
  double edge_max = 0;
  cv::minMaxLoc(m.row(0), nullptr, &edge_max);
  EXPECT_EQ(edge_max, 0.0);
}

TEST(Compositor, WorksWhenTheFaceSquareLeavesThePhoto) {
  // The photo cut just below the chin and left of the face: the alignment pads, and pasting back must stay
  // inside the photo in both modes.
  const auto& f = test::astronaut_face();
  const cv::Rect cut(f.box.x - 10, 0, test::astronaut().cols - (f.box.x - 10), f.box.y + f.box.height + 5);
  const cv::Mat edge = test::astronaut()(cut).clone();
  auto lm = f.landmarks;
  for (auto& p : lm) p -= cv::Point2f(cv::Point(cut.x, cut.y));
  const AlignedFace a = align_ffhq(edge, lm, 256);
  for (auto mode : {CompositeOptions::Mode::Feather, CompositeOptions::Mode::Seamless}) {
    CompositeOptions options;
    options.mode = mode;
    const cv::Mat result = paste_back(edge, a.image, a, options);
    ASSERT_EQ(result.size(), edge.size());
    EXPECT_LT(test::mean_abs_error(result, edge), 2.0);
  }
}

TEST(Compositor, RejectsMismatchedInputs) {
  const AlignedFace& a = aligned_astronaut(256);
  EXPECT_THROW(paste_back(cv::Mat(10, 10, CV_8UC3), a.image, a), Error);
  EXPECT_THROW(paste_back(test::astronaut(), cv::Mat(10, 20, CV_8UC3), a), Error);
  EXPECT_THROW(parse_composite_mode("poisson"), Error);
}

}  // namespace
}  // namespace facet::face
