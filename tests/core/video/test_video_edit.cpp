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
  EXPECT_EQ(stages.back(), "join");  // the saved frames joined into the video
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

  options.track.first_frame = 6;  // a range: frames 6…11
  const VideoEditReport part =
      edit_video(input, dir + "/part.mp4", fake_face_ops(video.true_landmarks, -1), models, options);
  EXPECT_EQ(part.frames, 6);
}

// Shared set-up of the resume and refinement tests: a 12-frame synthetic video and the fixture generator.
struct EditBench {
  testing::SyntheticVideo video = testing::make_synthetic_video(12, 256, 4);
  std::string dir, input;
  std::shared_ptr<nn::StyleGan2> g = nn::StyleGan2::load(test::fixture("stylegan2/g_small_zip.pt"));
  edit::Editor editor;
  VideoEditOptions options;
  explicit EditBench(const std::string& tag) : dir(test::scratch_dir(tag)), input(dir + "/in.avi") {
    VideoWriter writer(input, 24, {256, 256}, CodecChoice::Mjpeg);
    for (const auto& f : video.frames) writer.write(f);
    writer.finish();
    torch::manual_seed(5);
    editor.set_transformer(31, nn::LatentTransformer(g->n_latent(), g->style_dim()));
    options.edits.edits = {{31, 1.5}};
    options.aligned_size = 256;
    options.batch = 4;
  }
  VideoEditModels models(int* encoded) {
    VideoEditModels m;
    m.generator = g.get();
    m.editor = &editor;
    m.encode = [this, encoded](const torch::Tensor& crops) {
      *encoded += static_cast<int>(crops.size(0));
      return g->latent_avg().view({1, 1, -1}).repeat({crops.size(0), g->n_latent(), 1}) +
             crops.mean({1, 2, 3}).view({-1, 1, 1}) * 0.1;
    };
    m.encoder_size = 64;
    return m;
  }
  std::vector<cv::Mat> frames(const std::string& path) const {
    FrameSource source(path);
    std::vector<cv::Mat> out;
    cv::Mat f;
    while (source.read(f)) out.push_back(f.clone());
    return out;
  }
};

double mean_abs_diff(const cv::Mat& a, const cv::Mat& b) {
  cv::Mat d;
  cv::absdiff(a, b, d);
  return cv::mean(d)[0];
}

// An edit cancelled after two batches keeps its finished frames; --resume encodes only the rest (tracking is not
// redone), and the result is one video equal to an uninterrupted run's. A resume with other edits is refused, and
// the work folder is gone after success.
TEST(VideoEdit, ResumeContinuesAfterTheFinishedFramesAndJoinsOneVideo) {
  FACET_REQUIRE_FIXTURES();
  EditBench bench("video_edit_resume");
  int encoded = 0;
  const VideoEditModels models = bench.models(&encoded);
  const VideoEditReport whole = edit_video(bench.input, bench.dir + "/whole.avi",
                                           fake_face_ops(bench.video.true_landmarks, -1), models, bench.options);
  ASSERT_EQ(whole.frames, 12);
  EXPECT_FALSE(std::filesystem::exists(whole.work_dir)) << "the work folder is removed after success";

  std::atomic<bool> cancel{false};
  encoded = 0;
  int detections = 0;
  FaceOps counting = fake_face_ops(bench.video.true_landmarks, -1);
  const auto detect = counting.detect;
  counting.detect = [&](const cv::Mat& f, const Points* p) {
    ++detections;
    return detect(f, p);
  };
  const std::string out = bench.dir + "/resumed.avi";
  const VideoEditReport first = edit_video(bench.input, out, counting, models, bench.options,
                                           [&](const std::string& stage, int done, int) {
                                             if (stage == "edit" && done >= 8) cancel = true;
                                           }, &cancel);
  EXPECT_TRUE(first.cancelled);
  EXPECT_EQ(first.frames, 8);
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_TRUE(std::filesystem::exists(first.work_dir));
  EXPECT_EQ(detections, 12);

  VideoEditOptions other = bench.options;
  other.resume = true;
  other.edits.edits = {{31, -1.0}};
  EXPECT_THROW(edit_video(bench.input, out, counting, models, other), Error) << "another edit's work folder";

  VideoEditOptions resume = bench.options;
  resume.resume = true;
  encoded = 0;
  std::vector<int> edit_progress;
  const VideoEditReport second = edit_video(bench.input, out, counting, models, resume,
                                            [&](const std::string& stage, int done, int) {
                                              if (stage == "edit") edit_progress.push_back(done);
                                            });
  EXPECT_FALSE(second.cancelled);
  EXPECT_EQ(second.resumed_frames, 8);
  EXPECT_EQ(second.frames, 12);
  EXPECT_EQ(second.edited, 12);
  EXPECT_EQ(encoded, 4) << "only the unfinished frames are embedded";
  EXPECT_EQ(detections, 12) << "the saved track is reused";
  EXPECT_EQ(edit_progress.front(), 12);
  EXPECT_FALSE(std::filesystem::exists(second.work_dir));
  const auto a = bench.frames(whole.out), b = bench.frames(out);
  ASSERT_EQ(b.size(), 12u);
  for (size_t i = 0; i < a.size(); ++i) EXPECT_LT(mean_abs_diff(a[i], b[i]), 1.0) << "frame " << i;

  // An output the writer cannot open fails before any work (and leaves no work folder).
  const std::string nowhere = bench.dir + "/missing-folder/out.mp4";
  EXPECT_THROW(edit_video(bench.input, nowhere, fake_face_ops(bench.video.true_landmarks, -1), models, bench.options),
               Error);
  EXPECT_FALSE(std::filesystem::exists(bench.dir + "/missing-folder"));

  // --resume without a work folder starts afresh.
  const VideoEditReport fresh = edit_video(bench.input, bench.dir + "/fresh.avi",
                                           fake_face_ops(bench.video.true_landmarks, -1), models, resume);
  EXPECT_EQ(fresh.resumed_frames, 0);
  EXPECT_EQ(fresh.frames, 12);
}

// Per-frame refinement: each face frame is optimised once, from the encoder's code (cold) or the previous frame's
// refined code (warm); without an encoder the first frame starts from latent_avg (undefined start) and the rest
// warm. Neither encoder nor refinement is an error.
TEST(VideoEdit, RefinementStartsFromTheEncoderOrThePreviousFrame) {
  FACET_REQUIRE_FIXTURES();
  EditBench bench("video_edit_refine");
  int encoded = 0;
  VideoEditModels models = bench.models(&encoded);
  std::vector<torch::Tensor> starts, results;
  int64_t target_size = 0;
  models.refine = [&](const torch::Tensor& target, const torch::Tensor& start) {
    target_size = target.size(-1);
    starts.push_back(start.defined() ? start.clone() : start);
    // A stand-in optimiser: half way from the start to a code that depends on the target.
    const torch::Tensor base = start.defined() ? start : bench.g->latent_avg().view({1, 1, -1}).repeat({1, bench.g->n_latent(), 1});
    EXPECT_TRUE(torch::GradMode::is_enabled()) << "optimisation needs autograd inside edit_video's no-grad";
    results.push_back(base * 0.5 + (bench.g->latent_avg().view({1, 1, -1}) + target.mean() * 0.2) * 0.5);
    return results.back();
  };
  VideoEditOptions options = bench.options;
  options.warm_start = false;
  options.refine_steps = 3;
  const VideoEditReport cold = edit_video(bench.input, bench.dir + "/cold.avi",
                                          fake_face_ops(bench.video.true_landmarks, 4), models, options);
  EXPECT_EQ(cold.refined, 11);
  EXPECT_EQ(encoded, 11);
  EXPECT_EQ(target_size, bench.g->size());
  ASSERT_EQ(starts.size(), 11u);
  for (const auto& s : starts) ASSERT_TRUE(s.defined());
  EXPECT_GT(cold.code_jitter, 0);
  EXPECT_GT(cold.face_jitter, 0);

  for (size_t k = 1; k < starts.size(); ++k) EXPECT_FALSE(torch::allclose(starts[k], results[k - 1])) << k;
  starts.clear();
  results.clear();
  options.warm_start = true;
  const VideoEditReport warm = edit_video(bench.input, bench.dir + "/warm.avi",
                                          fake_face_ops(bench.video.true_landmarks, 4), models, options);
  EXPECT_EQ(warm.refined, 11);
  ASSERT_EQ(starts.size(), 11u);
  for (size_t k = 1; k < starts.size(); ++k) {
    if (k == 4) {  // frame 5 follows the faceless frame 4: it starts from its encoder code, not frame 3's result
      EXPECT_FALSE(torch::allclose(starts[k], results[k - 1]));
    } else {
      EXPECT_TRUE(torch::equal(starts[k], results[k - 1])) << "frame " << k << " starts from the previous result";
    }
  }
  std::cout << "embedding change per frame (stand-in refiner): cold " << cold.code_jitter << " W+ RMS / "
            << cold.face_jitter << " levels, warm " << warm.code_jitter << " / " << warm.face_jitter << "\n";

  starts.clear();
  models.encode = nullptr;
  const VideoEditReport alone = edit_video(bench.input, bench.dir + "/alone.avi",
                                           fake_face_ops(bench.video.true_landmarks, -1), models, options);
  EXPECT_EQ(alone.frames, 12);
  EXPECT_EQ(alone.refined, 12);
  ASSERT_EQ(starts.size(), 12u);
  EXPECT_FALSE(starts[0].defined()) << "the first frame starts from latent_avg";
  for (size_t i = 1; i < starts.size(); ++i) EXPECT_TRUE(starts[i].defined()) << "frame " << i << " starts warm";

  // Warm across a resume: the resumed run's first frame starts from the code the interrupted run saved.
  std::atomic<bool> cancel{false};
  results.clear();
  const VideoEditReport stopped = edit_video(
      bench.input, bench.dir + "/stopped.avi", fake_face_ops(bench.video.true_landmarks, -1), models, options,
      [&](const std::string& stage, int done, int) {
        if (stage == "edit" && done >= 4) cancel = true;
      },
      &cancel);
  ASSERT_TRUE(stopped.cancelled);
  ASSERT_EQ(results.size(), 4u);
  const torch::Tensor saved = results.back();
  starts.clear();
  options.resume = true;
  const VideoEditReport continued = edit_video(bench.input, bench.dir + "/stopped.avi",
                                               fake_face_ops(bench.video.true_landmarks, -1), models, options);
  EXPECT_EQ(continued.resumed_frames, 4);
  ASSERT_EQ(starts.size(), 8u);
  ASSERT_TRUE(starts[0].defined());
  EXPECT_TRUE(torch::allclose(starts[0], saved));
  options.resume = false;

  models.refine = nullptr;
  EXPECT_THROW(edit_video(bench.input, bench.dir + "/none.avi", fake_face_ops(bench.video.true_landmarks, -1),
                          models, options),
               Error);
}

}  // namespace
}  // namespace facet::video
