#include <atomic>

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/io/error.h"
#include "core/io/npy.h"
#include "core/nn/latent/latent_transformer.h"
#include "core/face/tensor_image.h"
#include "core/video/timeline_renderer.h"
#include "tests/support/test_support.h"

namespace facet::video {
namespace {

TEST(TimelineRenderer, EditStateSkipsZeroAlphasAndMapsIds) {
  const edit::EditState s = to_edit_state(EditSnapshot{{0.f, 1.5f}, {}}, {"Eyeglasses", "Smiling"});
  ASSERT_EQ(s.edits.size(), 1u);
  EXPECT_EQ(s.edits[0].attribute, 31);  // Smiling in CelebA order
  EXPECT_DOUBLE_EQ(s.edits[0].alpha, 1.5);
  EXPECT_THROW(to_edit_state(EditSnapshot{{1.f}, {}}, {"NoSuchThing"}), Error);
}

TEST(TimelineRenderer, FrameCount) {
  Timeline t({"Smiling"});
  t.add(0, {{0}, {}});
  EXPECT_EQ(timeline_frame_count(t, 25), 1);
  t.add(2, {{1}, {}});
  EXPECT_EQ(timeline_frame_count(t, 25), 51);
}

// The fixture generator (64², n_latent 10) with a random transformer for Smiling: frames follow the timeline.
TEST(TimelineRenderer, RendersFramesThatFollowTheTimelineAndCancels) {
  FACET_REQUIRE_FIXTURES();
  auto g = nn::StyleGan2::load(test::fixture("stylegan2/g_small_zip.pt"));
  const torch::Tensor w = io::read_npy(test::fixture("stylegan2/wplus.npy")).to(torch::kFloat32).narrow(0, 0, 1);
  edit::Editor editor;
  torch::manual_seed(3);
  editor.set_transformer(31, nn::LatentTransformer(g->n_latent(), g->style_dim()));
  Timeline t({"Smiling"});
  t.set_interpolation(Interpolation::Linear);
  t.add(0, {{0}, {}});
  t.add(1, {{2}, {}});
  TimelineRenderOptions options;
  options.fps = 10;
  std::vector<cv::Mat> frames;
  std::vector<int> progress;
  const auto stats = render_timeline(*g, editor, w, t, options,
                                     [&](const cv::Mat& f, int i) {
                                       EXPECT_EQ(i, static_cast<int>(frames.size()));
                                       frames.push_back(f.clone());
                                     },
                                     [&](int done, int) { progress.push_back(done); });
  ASSERT_EQ(stats.frames, 11);
  EXPECT_FALSE(stats.cancelled);
  EXPECT_EQ(progress.back(), 11);
  EXPECT_EQ(frames[0].size(), cv::Size(64, 64));
  // Frame 0 is the unedited image; later frames drift away from it, more with larger α.
  const double d1 = cv::norm(frames[1], frames[0], cv::NORM_L1), d10 = cv::norm(frames[10], frames[0], cv::NORM_L1);
  EXPECT_GT(d10, d1);
  EXPECT_GT(d10, 0);
  // Frame 0 equals a direct synthesis of the unedited code (batched convolutions: at most one grey level off).
  torch::NoGradGuard no_grad;
  const cv::Mat direct = face::tensor_to_bgr(g->synthesis(w));
  EXPECT_LE(cv::norm(direct, frames[0], cv::NORM_INF), 1);
  EXPECT_LT(cv::norm(direct, frames[0], cv::NORM_L1) / (64.0 * 64 * 3), 0.05);

  std::atomic<bool> cancel{false};
  options.batch = 2;
  int seen = 0;
  const auto cancelled = render_timeline(*g, editor, w, t, options, [&](const cv::Mat&, int) {
    if (++seen == 3) cancel = true;
  }, {}, &cancel);
  EXPECT_TRUE(cancelled.cancelled);
  EXPECT_EQ(cancelled.frames, 4);  // the batch in flight finishes, no further batch starts
  options.size = 32;
  frames.clear();
  render_timeline(*g, editor, w, t, options, [&](const cv::Mat& f, int) { frames.push_back(f); });
  EXPECT_EQ(frames[0].size(), cv::Size(32, 32));
  options.size = 48;
  EXPECT_THROW(render_timeline(*g, editor, w, t, options, [](const cv::Mat&, int) {}), Error);
}

// A morph video: a timeline that moves the two-face λ from 1 to 0 starts on the edited face and ends on the
// second face, each frame a direct synthesis of λ·w_A + (1 − λ)·w_B.
TEST(TimelineRenderer, RendersAMorphFromTheFirstFaceToTheSecond) {
  FACET_REQUIRE_FIXTURES();
  auto g = nn::StyleGan2::load(test::fixture("stylegan2/g_small_zip.pt"));
  const torch::Tensor all = io::read_npy(test::fixture("stylegan2/wplus.npy")).to(torch::kFloat32);
  ASSERT_GE(all.size(0), 2);
  const torch::Tensor a = all.narrow(0, 0, 1), b = all.narrow(0, 1, 1);
  Timeline t({"Smiling"});
  t.set_interpolation(Interpolation::Linear);
  t.add(0, {{0}, {}});
  t.record_two_faces(1.0f);
  EditSnapshot end{{0}};
  end.two_face = {0.0f};
  t.add(1, end);
  TimelineRenderOptions options;
  options.fps = 4;
  options.two_faces.mode = edit::TwoFaceMode::Morph;
  options.two_faces.second = b;
  std::vector<cv::Mat> frames;
  render_timeline(*g, edit::Editor{}, a, t, options, [&](const cv::Mat& f, int) { frames.push_back(f.clone()); });
  ASSERT_EQ(frames.size(), 5u);
  torch::NoGradGuard no_grad;
  for (int i = 0; i < 5; ++i) {
    const double lambda = 1.0 - i / 4.0;
    const cv::Mat direct = face::tensor_to_bgr(g->synthesis(edit::morph(a, b, lambda)));
    EXPECT_LE(cv::norm(direct, frames[static_cast<size_t>(i)], cv::NORM_INF), 1) << "frame " << i;
  }
  EXPECT_GT(cv::norm(frames[0], frames[4], cv::NORM_L1), 0);
}

}  // namespace
}  // namespace facet::video
