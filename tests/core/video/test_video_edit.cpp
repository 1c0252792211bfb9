#include <filesystem>

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include "core/io/error.h"
#include "core/nn/latent/latent_transformer.h"
#include "core/video/frame_source.h"
#include "core/video/video_edit.h"
#include "tests/core/video/synthetic_face.h"

namespace facet::video {
namespace {

// Stand-ins for core/face: a perspective warp for alignment and a hull-masked inverse warp for pasting.
FaceOps fake_face_ops(const std::vector<Points>& truth, int missing) {
  FaceOps ops;
  auto calls = std::make_shared<int>(0);
  ops.detect = [truth, missing, calls](const cv::Mat&, const Points*) -> std::optional<Points> {
    const int i = (*calls)++ % static_cast<int>(truth.size());
    if (i == missing) return std::nullopt;
    return truth[static_cast<size_t>(i)];
  };
  ops.quad_of = testing::ffhq_quad_for_tests;
  ops.align = [](const cv::Mat& frame, const Quad& quad, int size) {
    AlignedCrop crop;
    cv::warpPerspective(frame, crop.image, cv::Mat(quad_to_aligned(quad, size)), cv::Size(size, size));
    crop.context = std::make_shared<Quad>(quad);
    return crop;
  };
  ops.paste = [](const cv::Mat& frame, const cv::Mat& generated, const AlignedCrop& crop, const Points& landmarks) {
    const Quad& quad = *static_cast<const Quad*>(crop.context.get());
    cv::Mat back;
    const cv::Mat m(quad_to_aligned(quad, generated.cols));
    cv::warpPerspective(generated, back, m.inv(), frame.size());
    std::vector<cv::Point> hull;
    for (const auto& p : landmarks) hull.emplace_back(cv::Point(p));
    cv::convexHull(std::vector<cv::Point>(hull), hull);
    cv::Mat mask = cv::Mat::zeros(frame.size(), CV_8U);
    cv::fillConvexPoly(mask, hull, 255);
    cv::Mat out = frame.clone();
    back.copyTo(out, mask);
    return out;
  };
  return ops;
}

TEST(VideoEdit, EditsFaceFramesPassesOthersThroughAndCancels) {
  FACET_REQUIRE_FIXTURES();
  const testing::SyntheticVideo video = testing::make_synthetic_video(12, 256, 4);
  const std::string dir = test::scratch_dir("video_edit");
  const std::string input = dir + "/in.avi";
  {
    VideoWriter writer(input, 24, {256, 256}, CodecChoice::Mjpeg);
    for (const auto& f : video.frames) writer.write(f);
    writer.finish();
  }
  auto g = nn::StyleGan2::load(test::fixture("stylegan2/g_small_zip.pt"));
  edit::Editor editor;
  torch::manual_seed(5);
  editor.set_transformer(31, nn::LatentTransformer(g->n_latent(), g->style_dim()));
  VideoEditModels models;
  models.generator = g.get();
  models.editor = &editor;
  int encoded = 0;
  models.encode = [&](const torch::Tensor& crops) {
    EXPECT_EQ(crops.size(2), 64);
    encoded += static_cast<int>(crops.size(0));
    // A code that depends on the crop: the average latent nudged by the crop's mean colour.
    return g->latent_avg().view({1, 1, -1}).repeat({crops.size(0), g->n_latent(), 1}) +
           crops.mean({1, 2, 3}).view({-1, 1, 1}) * 0.1;
  };
  models.encoder_size = 64;
  VideoEditOptions options;
  options.edits.edits = {{31, 1.5}};
  options.aligned_size = 256;
  options.batch = 5;
  std::vector<std::string> stages;
  const VideoEditReport report = edit_video(input, dir + "/out.mp4", fake_face_ops(video.true_landmarks, 5), models,
                                            options, [&](const std::string& s, int, int) { stages.push_back(s); });
  EXPECT_EQ(report.frames, 12);
  EXPECT_EQ(report.edited, 11);
  EXPECT_EQ(encoded, 11);
  EXPECT_EQ(report.frames_without_face, (std::vector<int>{5}));
  EXPECT_FALSE(report.audio.empty());
  EXPECT_EQ(stages.front(), "track");
  EXPECT_EQ(stages.back(), "edit");
  std::cout << "edit-video (fixture generator, 256² frames): " << report.fps() << " frames/s, " << report.codec << "\n";

  FrameSource result(report.out);
  EXPECT_EQ(result.size(), cv::Size(256, 256));
  EXPECT_NEAR(result.fps(), 24, 0.01);
  cv::Mat frame;
  std::vector<cv::Mat> frames;
  while (result.read(frame)) frames.push_back(frame.clone());
  ASSERT_EQ(frames.size(), 12u);
  auto mean_diff = [](const cv::Mat& a, const cv::Mat& b, const cv::Mat& mask) {
    cv::Mat d;
    cv::absdiff(a, b, d);
    return cv::mean(d, mask)[0];
  };
  const cv::Mat all(256, 256, CV_8U, cv::Scalar(255));
  EXPECT_LT(mean_diff(frames[5], video.frames[5], all), 8) << "the faceless frame passes through";
  cv::Mat face_mask = cv::Mat::zeros(256, 256, CV_8U);
  std::vector<cv::Point> hull;
  for (const auto& p : video.true_landmarks[0]) hull.emplace_back(cv::Point(p));
  cv::convexHull(std::vector<cv::Point>(hull), hull);
  cv::fillConvexPoly(face_mask, hull, 255);
  cv::Mat outside;
  cv::bitwise_not(face_mask, outside);
  cv::erode(outside, outside, cv::Mat(), cv::Point(-1, -1), 10);
  EXPECT_GT(mean_diff(frames[0], video.frames[0], face_mask), 20) << "the face is replaced";
  EXPECT_LT(mean_diff(frames[0], video.frames[0], outside), 8) << "the background is kept";

  std::atomic<bool> cancel{false};
  const VideoEditReport cancelled = edit_video(input, dir + "/cancel.mp4", fake_face_ops(video.true_landmarks, 5),
                                               models, options, [&](const std::string& s, int done, int) {
                                                 if (s == "edit" && done >= 5) cancel = true;
                                               }, &cancel);
  EXPECT_TRUE(cancelled.cancelled);
  EXPECT_FALSE(std::filesystem::exists(dir + "/cancel.mp4"));
  EXPECT_THROW(edit_video(input, input, fake_face_ops(video.true_landmarks, 5), models, options), Error);

  options.track.first_frame = 6;  // resume from frame 6
  const VideoEditReport resumed =
      edit_video(input, dir + "/part.mp4", fake_face_ops(video.true_landmarks, -1), models, options);
  EXPECT_EQ(resumed.frames, 6);
}

}  // namespace
}  // namespace facet::video
