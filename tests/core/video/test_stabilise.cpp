#include <algorithm>
#include <cmath>
#include <iostream>

#include <gtest/gtest.h>

#include "core/io/error.h"
#include "core/video/face_track.h"
#include "core/video/stabilise.h"
#include "core/video/video_writer.h"
#include "tests/core/video/synthetic_face.h"

namespace facet::video {
namespace {

using testing::ffhq_quad_for_tests;

TEST(Stabilise, BlendWeightFollowsTheDistance) {
  const Points detected{{10, 0}, {0, 0}, {5, 5}};
  const Points previous{{0, 0}, {0, 0}, {5, 5}};
  TrackedPoints tracked{{{2, 0}, {1, 1}, {9, 9}}, {1, 1, 0}};
  const Points out = blend_flow(detected, tracked, previous, 100);
  const double w = std::exp(-1.0);  // d = 10, d² / σ = 1
  EXPECT_NEAR(out[0].x, w * 2 + (1 - w) * 10, 1e-5);
  EXPECT_NEAR(out[1].x, 1, 1e-6);  // d = 0: all flow
  EXPECT_NEAR(out[2].x, 5, 1e-6);  // tracking failed: detection
  EXPECT_THROW(blend_flow(detected, tracked, Points{}, 100), Error);
}

TEST(Stabilise, GaussianKeepsConstantsAndLinesAndDampsNoise) {
  std::vector<Points> line, noise;
  for (int t = 0; t < 40; ++t) {
    line.push_back({{static_cast<float>(2 * t), 7.f}});
    noise.push_back({{static_cast<float>(t % 2 ? 1 : -1), 0.f}});
  }
  const auto smooth_line = gaussian_filter(line, 3);
  for (int t = 12; t < 28; ++t) EXPECT_NEAR(smooth_line[static_cast<size_t>(t)][0].x, 2 * t, 1e-3);  // interior
  EXPECT_NEAR(smooth_line[0][0].y, 7, 1e-5);
  const auto damped = gaussian_filter(noise, 3);
  for (int t = 12; t < 28; ++t) EXPECT_LT(std::abs(damped[static_cast<size_t>(t)][0].x), 0.01);  // interior
  // Short sequences (shorter than the kernel) still work at the edges.
  const auto two = gaussian_filter(std::vector<Points>{{{0, 0}}, {{2, 0}}}, 6);
  EXPECT_NEAR(two[0][0].x + two[1][0].x, 2, 1e-5);
  EXPECT_THROW(gaussian_filter(std::vector<Points>{{{0, 0}}, {}}, 3), Error);
}

TEST(Stabilise, AlignedCoordinatesOfTheQuad) {
  const Quad quad{{{100, 100}, {100, 300}, {300, 300}, {300, 100}}};
  const Points p = to_aligned({{100, 100}, {200, 200}, {300, 100}}, quad, 1024);
  EXPECT_NEAR(p[0].x, 0, 1e-3);
  EXPECT_NEAR(p[1].x, 512, 1e-3);
  EXPECT_NEAR(p[1].y, 512, 1e-3);
  EXPECT_NEAR(p[2].x, 1024, 1e-3);
  EXPECT_NEAR(p[2].y, 0, 1e-3);
  // A rigid face moving with its quad has zero aligned jitter; a point wobbling inside a fixed quad does not.
  std::vector<Points> lm;
  std::vector<Quad> quads;
  for (int t = 0; t < 5; ++t) {
    const float s = 10.f * t;
    lm.push_back({{150 + s, 150}, {250 + s, 260}});
    quads.push_back({{{100 + s, 100}, {100 + s, 300}, {300 + s, 300}, {300 + s, 100}}});
  }
  EXPECT_NEAR(aligned_jitter(lm, quads), 0, 1e-3);
  for (auto& q : quads) q = quads[0];
  EXPECT_NEAR(aligned_jitter(lm, quads), 10 * 1024 / 200.0, 1e-2);
  // A missing frame breaks the pairs around it.
  EXPECT_NEAR(aligned_jitter(lm, quads, {true, false, true, false, true}), 0, 1e-9);
}

TEST(Stabilise, SmoothingOnAKnownPathWithNoiseDropsJitter) {
  const testing::SyntheticVideo video = testing::make_synthetic_video(60, 256, 6);
  const std::vector<Points> detected = testing::noisy(video.true_landmarks, 1.5);
  FaceTrack track;
  track.has_face.assign(detected.size(), true);
  track.detected = detected;
  smooth_track(track, detected, ffhq_quad_for_tests, {});
  std::vector<Quad> true_quads;
  for (const auto& p : video.true_landmarks) true_quads.push_back(ffhq_quad_for_tests(p));
  const double truth = aligned_jitter(video.true_landmarks, true_quads);
  std::cout << "jitter (aligned 1024² px): truth " << truth << ", noisy " << track.jitter_before << ", smoothed "
            << track.jitter_after << "\n";
  EXPECT_LT(truth, 0.5);  // the face is rigid: its own motion barely moves the aligned landmarks
  EXPECT_LT(track.jitter_after, track.jitter_before / 4);
  EXPECT_LT(testing::rms_error(track.stabilised, video.true_landmarks),
            0.6 * testing::rms_error(detected, video.true_landmarks));
}

TEST(Stabilise, LucasKanadeRecoversATranslation) {
  const testing::SyntheticVideo video = testing::make_synthetic_video(2, 256, 0, 0);
  cv::Mat shifted;
  const cv::Matx23d m(1, 0, 2.5, 0, 1, -1.5);
  cv::warpAffine(video.frames[0], shifted, m, video.frames[0].size(), cv::INTER_LINEAR, cv::BORDER_REFLECT);
  const Points& points = video.true_landmarks[0];
  const TrackedPoints tracked = track_lk(video.frames[0], shifted, points);
  std::vector<double> dx, dy;
  for (size_t i = 0; i < points.size(); ++i) {
    if (!tracked.ok[i]) continue;
    dx.push_back(tracked.points[i].x - points[i].x);
    dy.push_back(tracked.points[i].y - points[i].y);
  }
  ASSERT_GT(dx.size(), points.size() * 3 / 4);
  std::nth_element(dx.begin(), dx.begin() + static_cast<std::ptrdiff_t>(dx.size() / 2), dx.end());
  std::nth_element(dy.begin(), dy.begin() + static_cast<std::ptrdiff_t>(dy.size() / 2), dy.end());
  EXPECT_NEAR(dx[dx.size() / 2], 2.5, 0.1);
  EXPECT_NEAR(dy[dy.size() / 2], -1.5, 0.1);
}

// The whole of steps 1–2 on a video file written with OpenCV: a detector that returns the true landmarks plus noise
// (and nothing on two frames). Flow blending and smoothing bring the jitter down; missing frames are reported.
TEST(Stabilise, TrackFacesOnASyntheticVideoFile) {
  const testing::SyntheticVideo video = testing::make_synthetic_video(30, 256, 4);
  const std::string dir = test::scratch_dir("track_video");
  std::string path;
  {
    VideoWriter writer(dir + "/moving.avi", 30, {256, 256}, CodecChoice::Mjpeg);
    for (const cv::Mat& f : video.frames) writer.write(f);
    writer.finish();
    path = writer.path();
  }
  const std::vector<Points> detections = testing::noisy(video.true_landmarks, 1.5);
  int calls = 0;
  const LandmarkDetector detect = [&](const cv::Mat& frame, const Points*) -> std::optional<Points> {
    EXPECT_EQ(frame.size(), cv::Size(256, 256));
    const int i = calls++;
    if (i == 10 || i == 20) return std::nullopt;
    return detections[static_cast<size_t>(i)];
  };
  FrameSource source(path);
  const FaceTrack track = track_faces(source, detect, ffhq_quad_for_tests);
  EXPECT_EQ(track.frames(), 30);
  EXPECT_EQ(track.frames_without_face(), 2);
  EXPECT_EQ(track.missing_frames(), (std::vector<int>{10, 20}));
  EXPECT_TRUE(track.stabilised[10].empty());
  std::cout << "track-video on the synthetic video: jitter before " << track.jitter_before << " px, after "
            << track.jitter_after << " px (aligned 1024²)\n";
  EXPECT_LT(track.jitter_after, track.jitter_before / 3);

  // Flow alone (no Gaussian) already helps: σ = 0 switches the filters off.
  TrackOptions flow_only;
  flow_only.landmark_sigma = flow_only.quad_sigma = 0;
  calls = 0;
  FrameSource again(path);
  const FaceTrack flowed = track_faces(again, detect, ffhq_quad_for_tests, flow_only);
  EXPECT_LT(flowed.jitter_after, flowed.jitter_before);

  // A frame range and cancel.
  TrackOptions range;
  range.first_frame = 5;
  range.end_frame = 15;
  calls = 5;
  FrameSource third(path);
  const FaceTrack part = track_faces(third, detect, ffhq_quad_for_tests, range);
  EXPECT_EQ(part.frames(), 10);
  EXPECT_EQ(part.missing_frames(), (std::vector<int>{10}));
  std::atomic<bool> cancel{true};
  FrameSource fourth(path);
  EXPECT_TRUE(track_faces(fourth, detect, ffhq_quad_for_tests, {}, {}, &cancel).cancelled);
}

}  // namespace
}  // namespace facet::video
