// Text sliders in timelines: text α values round-trip through JSON, old JSON still loads,
// they interpolate like attribute α, and the renderer applies the directions as the editor does.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/edit/text_edits.h"
#include "core/face/tensor_image.h"
#include "core/io/error.h"
#include "core/io/npy.h"
#include "core/video/timeline_renderer.h"
#include "tests/support/test_support.h"

namespace facet::video {
namespace {

TEST(TimelineText, JsonRoundTripAndOldJsonLoads) {
  Timeline t({"Smiling"});
  t.add_text_slider("text-1");
  t.add_text_slider("text-2");
  t.add(0, {{0.5f}, {}, {0.f, 1.f}});
  t.add(2, {{1.f}, {}, {2.f, -1.f}});
  const nlohmann::json j = t.to_json();
  EXPECT_EQ(j["text_sliders"], nlohmann::json({"text-1", "text-2"}));
  const Timeline back = Timeline::from_json(j);
  EXPECT_EQ(back.text_ids(), t.text_ids());
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back.keyframes()[1].state, t.keyframes()[1].state);
  EXPECT_EQ(back.to_json(), j);

  // A timeline written before text sliders existed: no text ids, no text α, and it writes back unchanged.
  const nlohmann::json old = nlohmann::json::parse(
      R"({"version":1,"interpolation":"linear","alpha_range":[-3,3],"attributes":["Smiling"],)"
      R"("keyframes":[{"time":0,"alphas":[0]},{"time":1,"alphas":[1]}]})");
  const Timeline legacy = Timeline::from_json(old);
  EXPECT_TRUE(legacy.text_ids().empty());
  EXPECT_TRUE(legacy.sample(0.5).text_alphas.empty());
  EXPECT_FALSE(legacy.to_json().contains("text_sliders"));
  EXPECT_EQ(legacy.to_json(), old);

  // More text values than text sliders is an error naming the problem.
  nlohmann::json bad = j;
  bad["keyframes"][0]["text_alphas"] = {1, 2, 3};
  EXPECT_THROW(Timeline::from_json(bad), Error);
}

TEST(TimelineText, InterpolatesAndFollowsSliderChanges) {
  Timeline t({"Smiling"});
  t.set_interpolation(Interpolation::Linear);
  t.add_text_slider("a");
  t.add(0, {{0.f}, {}, {0.f}});
  t.add(2, {{0.f}, {}, {4.f}});  // text α follows the direction's range, not the attribute range
  EXPECT_FLOAT_EQ(t.sample(1).text_alphas[0], 2.f);
  EXPECT_FLOAT_EQ(t.sample(2).text_alphas[0], 4.f);
  t.set_interpolation(Interpolation::Smooth);
  EXPECT_NEAR(t.sample(1).text_alphas[0], 2.f, 1e-5);  // two keys: Hermite with equal tangents is linear

  // A slider added later joins every keyframe at 0; removing one drops its column.
  t.add_text_slider("b");
  EXPECT_EQ(t.keyframes()[1].state.text_alphas, (std::vector<float>{4.f, 0.f}));
  t.add(3, {{0.f}, {}, {1.f}});  // recorded without "b": held at 0
  EXPECT_EQ(t.keyframes()[2].state.text_alphas, (std::vector<float>{1.f, 0.f}));
  t.remove_text_slider("a");
  EXPECT_EQ(t.text_ids(), std::vector<std::string>{"b"});
  EXPECT_EQ(t.keyframes()[1].state.text_alphas, std::vector<float>{0.f});
  EXPECT_EQ(t.text_index("b"), 0);
  EXPECT_EQ(t.text_index("a"), -1);
}

std::shared_ptr<edit::TextDirection> random_latent(const nn::StyleGan2& g, uint64_t seed) {
  torch::manual_seed(seed);
  auto d = std::make_shared<edit::TextDirection>();
  d->prompt = "latent";
  d->kind = edit::TextDirectionKind::Latent;
  d->delta = torch::randn({g.n_latent(), g.style_dim()}) * 0.5;
  return d;
}

std::shared_ptr<edit::TextDirection> random_style(const nn::StyleGan2& g, const torch::Tensor& w, uint64_t seed) {
  torch::manual_seed(seed);
  auto d = std::make_shared<edit::TextDirection>();
  d->prompt = "style";
  d->kind = edit::TextDirectionKind::Style;
  int64_t total = 0;
  for (const auto& s : g.styles(w)) {
    d->style_sizes.push_back(s.size(-1));
    total += s.size(-1);
  }
  d->delta = torch::randn({total}) * 0.3;
  return d;
}

TEST(TimelineText, RendererAppliesTextDirectionsLikeTheCoreFunctions) {
  FACET_REQUIRE_FIXTURES();
  auto g = nn::StyleGan2::load(test::fixture("stylegan2/g_small_zip.pt"));
  const torch::Tensor w = io::read_npy(test::fixture("stylegan2/wplus.npy")).to(torch::kFloat32).narrow(0, 0, 1);
  const auto latent = random_latent(*g, 1);
  const auto style = random_style(*g, w, 2);
  Timeline t({"Smiling"});
  t.set_interpolation(Interpolation::Linear);
  t.add_text_slider("lat");
  t.add_text_slider("sty");
  t.add(0, {{0.f}, {}, {0.f, 0.f}});
  t.add(1, {{0.f}, {}, {2.f, 0.f}});
  t.add(2, {{0.f}, {}, {2.f, 1.5f}});
  TimelineRenderOptions options;
  options.fps = 2;
  options.batch = 3;  // frames with and without style edits share a batch
  options.text_sliders = {{"lat", latent}, {"sty", style}};
  edit::Editor editor;
  std::vector<cv::Mat> frames;
  const auto stats = render_timeline(*g, editor, w, t, options, [&](const cv::Mat& f, int) { frames.push_back(f.clone()); });
  ASSERT_EQ(stats.frames, 5);
  torch::NoGradGuard no_grad;
  // t = 0: unedited; t = 1: w + 2Δ; t = 2: styles(w + 2Δ) + 1.5Δs.
  const auto expect = [&](const torch::Tensor& image, const cv::Mat& frame) {
    const cv::Mat want = face::tensor_to_bgr(image[0]);
    EXPECT_LE(cv::norm(want, frame, cv::NORM_INF), 1.0);
  };
  expect(g->synthesis(w), frames[0]);
  const torch::Tensor w2 = edit::apply_latent_direction(*latent, w, 2.0);
  expect(g->synthesis(w2), frames[2]);
  expect(g->synthesis_from_styles(edit::apply_style_direction(*style, g->styles(w2), 1.5)), frames[4]);
  EXPECT_GT(cv::norm(frames[0], frames[2], cv::NORM_L1), 0.0);
  EXPECT_GT(cv::norm(frames[2], frames[4], cv::NORM_L1), 0.0);

  // A timeline that moves a text slider whose direction is not given fails, naming the slider.
  options.text_sliders = {{"lat", latent}};
  try {
    render_timeline(*g, editor, w, t, options, [](const cv::Mat&, int) {});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("'sty'"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace facet::video
