// StyleCLIP text edits on the small fixture generator with the tiny CLIP stand-in (tests/data/clip).
#include <atomic>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "core/edit/global_directions.h"
#include "core/edit/latent_mapper.h"
#include "core/edit/text_direction.h"
#include "core/nn/stylegan2/generator.h"
#include "core/edit/text_optimisation.h"
#include "core/io/error.h"
#include "core/io/npy.h"
#include "tests/support/test_support.h"

namespace facet::edit {
namespace {

std::string clip_data(const std::string& name) { return test::source_dir() + "/tests/data/clip/" + name; }

ClipGuide standin_guide() {
  return ClipGuide(std::make_shared<nn::clip::ClipModel>(nn::clip::ClipModel::load(clip_data("clip_standin.pt"))),
                   std::make_shared<nn::clip::ClipTokenizer>(nn::clip::ClipTokenizer::load(clip_data("tiny_merges.txt"))));
}

std::shared_ptr<nn::StyleGan2> small_generator() {
  return nn::StyleGan2::load(test::fixture("stylegan2/g_small_zip.pt"));
}

torch::Tensor start_code(const nn::StyleGan2& g, uint64_t seed = 3) {
  torch::NoGradGuard no_grad;
  auto gen = at::detail::createCPUGenerator(seed);
  return g.to_wplus(g.mapping(at::normal(0.0, 1.0, {1, g.style_dim()}, gen)), 0.7);
}

TEST(TextDirection, SaveLoadApply) {
  TextDirection d;
  d.prompt = "curly hair";
  d.method = "optimisation";
  d.delta = torch::randn({10, 128});
  d.alpha_min = -2;
  d.alpha_max = 2;
  const auto path = test::scratch_dir("textdir") + "/curly.json";
  save_text_direction(path, d);
  const auto back = load_text_direction(path);
  EXPECT_EQ(back.prompt, "curly hair");
  EXPECT_EQ(back.kind, TextDirectionKind::Latent);
  EXPECT_TRUE(torch::equal(back.delta, d.delta));
  const auto w = torch::randn({2, 10, 128});
  EXPECT_TRUE(torch::allclose(apply_latent_direction(back, w, 1.5), w + 1.5 * d.delta));
  EXPECT_TRUE(torch::allclose(apply_latent_direction(back, w, 9.0), w + 2.0 * d.delta));  // clamped to the range
  EXPECT_THROW(apply_latent_direction(back, torch::randn({1, 18, 512}), 1.0), Error);
  EXPECT_THROW(apply_style_direction(back, {}, 1.0), Error);

  TextDirection s;
  s.prompt = "smile";
  s.kind = TextDirectionKind::Style;
  s.style_sizes = {3, 2};
  s.delta = torch::tensor({1.f, 2.f, 3.f, 4.f, 5.f});
  save_text_direction(path, s);
  const auto styles = apply_style_direction(load_text_direction(path), {torch::zeros({1, 3}), torch::ones({1, 2})}, 2.0);
  EXPECT_TRUE(torch::allclose(styles[1], torch::tensor({{9.f, 11.f}})));
  EXPECT_THROW(apply_style_direction(s, {torch::zeros({1, 3})}, 1.0), Error);

  // The JSON form sessions embed round-trips too; a style direction whose sizes do not add up is refused.
  const auto embedded = text_direction_from_json(text_direction_to_json(s), "session");
  EXPECT_TRUE(torch::equal(embedded.delta, s.delta));
  auto bad = text_direction_to_json(s);
  bad["style_sizes"] = {3, 3};
  EXPECT_THROW(text_direction_from_json(bad, "session"), Error);

  std::ofstream(path) << "{\"format\": \"something else\"}";
  EXPECT_THROW(load_text_direction(path), Error);
  // A "format" that is not a string is a Facet error too, not the JSON library's (found by fuzz_text_direction).
  std::ofstream(path) << "{\"format\": [0.1, 0], \"prompt\": \"p\", \"kind\": \"style\"}";
  EXPECT_THROW(load_text_direction(path), Error);
  // So is a size past int64 (the library would convert the double to an integer: undefined behaviour).
  bad = text_direction_to_json(s);
  bad["shape"] = nlohmann::json::parse("[429496742949672967296, 0]");
  EXPECT_THROW(text_direction_from_json(bad, "session"), Error);
}

TEST(ClipGuide, PoolingEqualsUpsampleThenAveragePool) {
  // StyleCLIP's CLIPLoss: nn.Upsample(scale_factor=7) then AvgPool2d(size/32) (1024 → 224); here for 256 → 224
  // (k = 8) and 64 → 32 (the stand-in, k = 14).
  namespace F = torch::nn::functional;
  for (auto [size, res] : {std::pair<int64_t, int64_t>{256, 224}, {64, 32}}) {
    const auto x = torch::randn({2, 3, size, size});
    const auto a = clip_pool_matrix(size, res);
    const auto fast = torch::matmul(torch::matmul(a, x), a.t());
    const auto up = F::interpolate(x, F::InterpolateFuncOptions().scale_factor(std::vector<double>{7.0, 7.0}).mode(torch::kNearest));
    const auto ref = F::avg_pool2d(up, F::AvgPool2dFuncOptions(7 * size / res));
    EXPECT_LT((fast - ref).abs().max().item<double>(), 1e-5) << size;
  }
}

TEST(TextOptimisation, LearningRateSchedule) {
  EXPECT_DOUBLE_EQ(styleclip_lr(0.0, 0.1), 0.0);
  EXPECT_NEAR(styleclip_lr(0.025, 0.1), 0.05, 1e-12);   // half way up the 5% ramp
  EXPECT_NEAR(styleclip_lr(0.5, 0.1), 0.1, 1e-12);
  EXPECT_NEAR(styleclip_lr(0.875, 0.1), 0.05, 1e-12);   // half way down the cosine ramp of the last 25%
  EXPECT_NEAR(styleclip_lr(1.0, 0.1), 0.0, 1e-12);
}

TEST(TextOptimisation, ClipLossDecreasesAndGivesASlider) {
  FACET_REQUIRE_FIXTURES();
  const auto g = small_generator();
  const auto clip = standin_guide();
  const auto w0 = start_code(*g);
  TextOptimisationOptions o;
  o.steps = 25;
  int calls = 0;
  const auto r = optimise_text_edit(*g, clip, "a surprised face", w0, o, nullptr,
                                    [&](const TextJobProgress& p) { ++calls; EXPECT_EQ(p.total, 25); return true; });
  EXPECT_EQ(calls, 25);
  EXPECT_EQ(r.steps_done, 25);
  EXPECT_FALSE(r.identity_used);
  EXPECT_LT(r.clip_end, r.clip_start - 1e-3) << "CLIP distance did not decrease";
  // The slider: α = 1 reproduces w_opt; α = 0 the start.
  EXPECT_TRUE(torch::allclose(apply_latent_direction(r.direction, w0, 1.0), r.wplus, 1e-5, 1e-5));
  EXPECT_TRUE(torch::allclose(apply_latent_direction(r.direction, w0, 0.0), w0));
  // The generator's parameters are left as they were (frozen only during the job).
  for (const auto& p : g->module().parameters()) EXPECT_TRUE(p.requires_grad());
}

TEST(TextOptimisation, CancelAndIdentity) {
  FACET_REQUIRE_FIXTURES();
  const auto g = small_generator();
  const auto clip = standin_guide();
  std::atomic<bool> cancel{true};
  TextOptimisationOptions o;
  o.steps = 50;
  const auto r = optimise_text_edit(*g, clip, "curly hair", start_code(*g), o, nullptr, {}, &cancel);
  EXPECT_TRUE(r.cancelled);
  EXPECT_EQ(r.steps_done, 1);
  // With an identity model the λ_ID term is used (a randomly initialised IR-SE50 stands in for ArcFace).
  torch::manual_seed(0);
  IdentityLoss identity{nn::ArcFaceNet()};
  o.steps = 2;
  o.id_lambda = 0.5;
  const auto with_id = optimise_text_edit(*g, clip, "curly hair", start_code(*g), o, &identity);
  EXPECT_TRUE(with_id.identity_used);
  EXPECT_EQ(with_id.steps_done, 2);
  EXPECT_THROW(optimise_text_edit(*g, clip, "x", torch::zeros({1, 3, 128}), o), Error);
}

TEST(GlobalDirections, RelevanceCacheAndDirection) {
  FACET_REQUIRE_FIXTURES();
  const auto g = small_generator();
  const auto clip = standin_guide();
  RelevanceOptions o;
  o.samples = 2;
  o.std_samples = 64;
  o.max_channels = 24;
  o.batch = 4;
  const auto dir = test::scratch_dir("relevance");
  const auto gen_path = test::fixture("stylegan2/g_small_zip.pt");
  int calls = 0;
  const auto r = cached_channel_relevance(dir, gen_path, clip_data("clip_standin.pt"), *g, clip, o,
                                          [&](const TextJobProgress&) { return ++calls > 0; });
  EXPECT_EQ(calls, 24);
  ASSERT_EQ(r.directions.sizes(), (c10::IntArrayRef{24, 12}));
  // Unit rows, or zero where the channel's ±5σ change does not reach CLIP's input (the random fixture's images
  // leave [-1, 1] and are clamped, as the release's uint8 conversion does).
  const auto norms = r.directions.norm(2, 1);
  EXPECT_TRUE(((norms - 1).abs().lt(1e-4) | norms.eq(0)).all().item<bool>());
  EXPECT_GT(norms.gt(0.5).sum().item<int64_t>(), 0);
  EXPECT_EQ(r.style_sizes.size(), 14u);  // conv1, to_rgb1, then 4 blocks × 3
  EXPECT_FALSE(r.manipulable[1]);
  EXPECT_FALSE(r.manipulable[4]);
  // The second call reads the cache: no work, same numbers.
  calls = 0;
  const auto again = cached_channel_relevance(dir, gen_path, clip_data("clip_standin.pt"), *g, clip, o,
                                              [&](const TextJobProgress&) { return ++calls > 0; });
  EXPECT_EQ(calls, 0);
  EXPECT_TRUE(torch::equal(again.directions, r.directions));
  EXPECT_TRUE(torch::equal(again.style_std, r.style_std));
  // Other settings, other key.
  RelevanceOptions other = o;
  other.samples = 3;
  EXPECT_NE(relevance_cache_key(gen_path, clip_data("clip_standin.pt"), o),
            relevance_cache_key(gen_path, clip_data("clip_standin.pt"), other));

  const auto dt = text_delta(clip, "face with glasses", "face");
  EXPECT_NEAR(dt.norm().item<double>(), 1.0, 1e-5);
  GlobalDirectionStats stats;
  const auto d = global_direction(r, dt, 0.0, "face with glasses", "face", &stats);
  EXPECT_EQ(d.kind, TextDirectionKind::Style);
  EXPECT_GT(stats.channels_used, 0);
  EXPECT_NEAR(d.delta.abs().div(r.style_std.clamp_min(1e-12)).max().item<double>(), 1.0, 1e-4);
  // A higher β keeps fewer channels; an impossible β is refused.
  GlobalDirectionStats strict;
  const auto relevance = r.directions.matmul(dt).abs();
  const double beta = relevance.masked_select(relevance.gt(0)).median().item<double>();
  global_direction(r, dt, beta, "face with glasses", "face", &strict);
  EXPECT_LT(strict.channels_used, stats.channels_used);
  EXPECT_THROW(global_direction(r, dt, 1.1, "face with glasses", "face"), Error);
  // Applied to a face, the edit renders and changes the image.
  torch::NoGradGuard no_grad;
  const auto styles = g->styles(start_code(*g));
  const auto before = g->synthesis_from_styles(styles);
  const auto after = g->synthesis_from_styles(apply_style_direction(d, styles, 5.0));
  // The random fixture generator answers a few channels' 5σ weakly (measured: 2.3e-4 of the image's range), but an
  // edit that reached no channel would render the same bits.
  EXPECT_GT((after - before).abs().max().item<double>(), 1e-5 * before.abs().max().item<double>());
}

// Shards of channels: every row depends only on the sampled faces and σ, so blocks computed apart and put end to
// end are the rows of one run to the bit, also across a style vector's end.
TEST(GlobalDirections, ChannelBlocksPutEndToEndAreTheRowsOfOneRun) {
  FACET_REQUIRE_FIXTURES();
  const auto g = small_generator();
  const auto clip = standin_guide();
  RelevanceOptions o;
  o.samples = 2;
  o.std_samples = 32;
  o.batch = 3;
  auto rows = [&](int64_t first, int64_t end) {
    RelevanceOptions part = o;
    part.first_channel = first;
    part.end_channel = end;
    const auto r = compute_channel_relevance(*g, clip, part);
    EXPECT_EQ(r.first_channel, first);
    EXPECT_EQ(r.channels_done, end - first);
    return r;
  };
  const auto none = rows(0, 0);
  const int64_t edge = none.style_sizes[0];  // the first manipulable style vector ends here
  int64_t manipulable = 0;
  for (size_t v = 0; v < none.style_sizes.size(); ++v) manipulable += none.manipulable[v] ? none.style_sizes[v] : 0;
  EXPECT_EQ(relevance_channel_count(*g, o), manipulable);
  const auto across = rows(edge - 2, edge + 2);
  const auto left = rows(edge - 2, edge), right = rows(edge, edge + 2);
  EXPECT_TRUE(torch::equal(torch::cat({left.directions, right.directions}), across.directions));
  EXPECT_TRUE(torch::equal(left.style_std, right.style_std));
  EXPECT_TRUE(torch::equal(across.style_std, none.style_std));
  EXPECT_GT(across.directions.norm(2, 1).gt(0.5).sum().item<int64_t>(), 0) << "rows that say something";
  RelevanceOptions first_six = o;
  first_six.max_channels = 6;
  const auto whole = compute_channel_relevance(*g, clip, first_six);
  EXPECT_TRUE(torch::equal(torch::cat({rows(0, 2).directions, rows(2, 6).directions}), whole.directions));
  EXPECT_EQ(relevance_channel_count(*g, first_six), 6);
  EXPECT_THROW(rows(3, 2), Error);
  RelevanceOptions beyond = first_six;
  beyond.end_channel = 7;
  EXPECT_THROW(compute_channel_relevance(*g, clip, beyond), Error);
}

TEST(GlobalDirections, CancelStoresNothing) {
  FACET_REQUIRE_FIXTURES();
  const auto g = small_generator();
  const auto clip = standin_guide();
  RelevanceOptions o;
  o.samples = 1;
  o.std_samples = 8;
  std::atomic<bool> cancel{true};
  const auto dir = test::scratch_dir("relevance_cancel");
  const auto r = cached_channel_relevance(dir, test::fixture("stylegan2/g_small_zip.pt"), clip_data("clip_standin.pt"),
                                          *g, clip, o, {}, &cancel);
  EXPECT_TRUE(r.cancelled);
  EXPECT_EQ(r.channels_done, 1);
  EXPECT_TRUE(std::filesystem::is_empty(dir));
}

TEST(LatentMapper, KeysSaveLoadAndTraining) {
  FACET_REQUIRE_FIXTURES();
  torch::manual_seed(1);
  LevelsMapper mapper(128);
  std::vector<std::string> keys;
  for (const auto& p : mapper->named_parameters()) keys.push_back(p.key());
  EXPECT_EQ(keys.size(), 24u);
  EXPECT_EQ(keys.front(), "course_mapping.mapping.1.weight");
  EXPECT_EQ(keys.back(), "fine_mapping.mapping.4.bias");

  const auto g = small_generator();
  const auto clip = standin_guide();
  const auto w = start_code(*g, 11);
  auto eval_distance = [&](LevelsMapper& m) {
    torch::NoGradGuard no_grad;
    nn::SynthesisOptions s;
    s.fast = false;
    std::vector<torch::Tensor> codes;
    for (uint64_t seed = 20; seed < 24; ++seed) codes.push_back(start_code(*g, seed));
    const auto ws = torch::cat(codes);
    return clip.distance(g->synthesis(ws + kMapperStep * m->forward(ws), s), clip.text_features({"purple hair"}))
        .mean()
        .item<double>();
  };
  const double before = eval_distance(mapper);
  MapperTrainingOptions o;
  o.steps = 12;
  o.learning_rate = 0.05;
  int calls = 0;
  const auto r = train_latent_mapper(mapper, *g, clip, "purple hair", o, nullptr,
                                     [&](const TextJobProgress&) { return ++calls > 0; });
  EXPECT_EQ(r.steps_done, 12);
  EXPECT_EQ(calls, 12);
  EXPECT_FALSE(r.identity_used);
  EXPECT_LT(eval_distance(mapper), before) << "mapper training did not lower the CLIP distance";

  const auto path = test::scratch_dir("mapper") + "/purple.pt";
  save_latent_mapper(path, mapper);
  auto back = load_latent_mapper(path);
  torch::NoGradGuard no_grad;
  EXPECT_TRUE(torch::allclose(back->forward(w), mapper->forward(w)));
  const auto d = mapper_direction(back, w, "purple hair");
  EXPECT_TRUE(torch::allclose(apply_latent_direction(d, w, 1.0), w + kMapperStep * mapper->forward(w), 1e-5, 1e-6));
  EXPECT_THROW(load_latent_mapper(test::fixture("stylegan2/g_small_zip.pt")), Error);
}

TEST(LatentMapper, ReadsTheReleaseLayoutAndMatchesItsMaths) {
  // tests/data/clip/make_mapper_reference.py: {"state_dict": {"mapper.*", "decoder.*"}, "opts"}, no fine mapper.
  auto mapper = load_latent_mapper(clip_data("mapper_release_layout.pt"));
  EXPECT_EQ(mapper->dim(), 16);
  torch::NoGradGuard no_grad;
  const auto out = mapper->forward(io::read_npy(clip_data("mapper_input.npy")));
  const auto ref = io::read_npy(clip_data("mapper_output.npy"));
  EXPECT_LT(test::relative_max_error(out, ref), 1e-5);
  EXPECT_EQ(out.slice(1, 8).abs().max().item<double>(), 0.0);  // the absent fine mapper predicts 0
}

}  // namespace
}  // namespace facet::edit

namespace facet::edit {
namespace {

TEST(TextDirectionFit, StyleSizesFromTheShapesEqualTheGeneratorsStyles) {
  for (const int64_t size : {8, 32}) {
    const auto g = nn::StyleGan2::random(size, 16, 2, 2, 0, torch::kCPU, 64);
    torch::InferenceMode guard;
    const auto styles = g->styles(torch::zeros({1, g->n_latent(), g->style_dim()}));
    std::vector<int64_t> expected;
    for (const auto& s : styles) expected.push_back(s.size(-1));
    EXPECT_EQ(style_sizes(g->config()), expected) << size;

    TextDirection style;
    style.kind = TextDirectionKind::Style;
    style.style_sizes = expected;
    style.delta = torch::zeros({1});
    EXPECT_TRUE(fits_generator(style, g->config()));
    style.style_sizes.back() += 1;
    EXPECT_FALSE(fits_generator(style, g->config()));
    TextDirection latent;
    latent.delta = torch::zeros({g->n_latent(), g->style_dim()});
    EXPECT_TRUE(fits_generator(latent, g->config()));
    latent.delta = torch::zeros({g->n_latent() + 1, g->style_dim()});
    EXPECT_FALSE(fits_generator(latent, g->config()));
  }
}

}  // namespace
}  // namespace facet::edit
