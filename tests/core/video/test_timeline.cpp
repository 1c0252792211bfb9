#include <gtest/gtest.h>

#include "core/io/error.h"
#include "core/video/timeline.h"

namespace facet::video {
namespace {

EditSnapshot snap(std::vector<float> alphas) { return EditSnapshot{std::move(alphas), {}}; }

Timeline three_keys(Interpolation mode) {
  Timeline t({"Smiling", "Eyeglasses"});
  t.set_interpolation(mode);
  t.add(0.0, snap({0, 0}));
  t.add(2.0, snap({2, -1}));
  t.add(1.0, snap({1, 1}));  // out of order: kept sorted
  return t;
}

TEST(Timeline, KeepsKeyframesSortedAndReplacesSameTime) {
  Timeline t = three_keys(Interpolation::Linear);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_DOUBLE_EQ(t.keyframes()[1].time, 1.0);
  EXPECT_EQ(t.add(1.0, snap({0.5f, 0.5f})), 1u);
  EXPECT_EQ(t.size(), 3u);
  EXPECT_FLOAT_EQ(t.keyframes()[1].state.alphas[0], 0.5f);
  EXPECT_DOUBLE_EQ(t.duration(), 2.0);
}

TEST(Timeline, LinearSamplesInterpolateAndHoldAtTheEnds) {
  Timeline t = three_keys(Interpolation::Linear);
  EXPECT_FLOAT_EQ(t.sample(0.5).alphas[0], 0.5f);
  EXPECT_FLOAT_EQ(t.sample(0.5).alphas[1], 0.5f);
  EXPECT_FLOAT_EQ(t.sample(1.5).alphas[1], 0.0f);
  EXPECT_FLOAT_EQ(t.sample(-1).alphas[0], 0.0f);
  EXPECT_FLOAT_EQ(t.sample(10).alphas[0], 2.0f);
}

TEST(Timeline, SmoothPassesThroughKeyframesAndDiffersBetween) {
  Timeline t = three_keys(Interpolation::Smooth);
  for (const Keyframe& k : t.keyframes()) EXPECT_EQ(t.sample(k.time).alphas, k.state.alphas);
  // Catmull-Rom on collinear keys (0, 1, 2 at t = 0, 1, 2) is the straight line.
  EXPECT_NEAR(t.sample(0.5).alphas[0], 0.5, 1e-6);
  EXPECT_NEAR(t.sample(1.5).alphas[0], 1.5, 1e-6);
  // Attribute 1 goes 0 → 1 → −1: the peak is at the middle key, so the curve is above the chord before it.
  const Timeline linear = three_keys(Interpolation::Linear);
  EXPECT_GT(t.sample(0.75).alphas[1], linear.sample(0.75).alphas[1]);
  // C¹: the slope just left and right of the middle key agree.
  const double h = 1e-3;
  const double left = (t.sample(1.0).alphas[1] - t.sample(1.0 - h).alphas[1]) / h;
  const double right = (t.sample(1.0 + h).alphas[1] - t.sample(1.0).alphas[1]) / h;
  EXPECT_NEAR(left, right, 0.02);
}

TEST(Timeline, MoveDeleteAndChangeAlpha) {
  Timeline t = three_keys(Interpolation::Linear);
  EXPECT_EQ(t.move(0, 3.0), 2u);  // the first keyframe becomes the last
  EXPECT_DOUBLE_EQ(t.keyframes().front().time, 1.0);
  EXPECT_DOUBLE_EQ(t.duration(), 3.0);
  t.set_alpha(0, 1, 2.5f);
  EXPECT_FLOAT_EQ(t.sample(1.0).alphas[1], 2.5f);
  t.set_alpha(0, 1, 9.f);  // clamped to the α range
  EXPECT_FLOAT_EQ(t.keyframes()[0].state.alphas[1], 3.0f);
  t.remove(1);
  EXPECT_EQ(t.size(), 2u);
  EXPECT_THROW(t.remove(5), Error);
  EXPECT_THROW(t.set_alpha(0, 7, 1.f), Error);
}

TEST(Timeline, LayerMaskStepsAtKeyframes) {
  Timeline t({"Smiling"});
  t.add(0, EditSnapshot{{0}, {true, false}});
  t.add(1, EditSnapshot{{1}, {true, true}});
  EXPECT_EQ(t.sample(0.9).edited_layers, (std::vector<bool>{true, false}));
  EXPECT_EQ(t.sample(1.0).edited_layers, (std::vector<bool>{true, true}));
}

TEST(Timeline, RejectsBadInput) {
  Timeline t({"Smiling", "Eyeglasses"});
  EXPECT_THROW(t.sample(0), Error);
  EXPECT_THROW(t.add(-1, snap({0, 0})), Error);
  EXPECT_THROW(t.add(0, snap({0})), Error);
  EXPECT_THROW(t.add(0, snap({0, std::nanf("")})), Error);
}

TEST(Timeline, JsonRoundTrip) {
  Timeline t = three_keys(Interpolation::Linear);
  t.add(3.0, EditSnapshot{{1, 1}, std::vector<bool>(18, true)});
  const nlohmann::json j = t.to_json();
  EXPECT_EQ(j["interpolation"], "linear");
  EXPECT_EQ(j["keyframes"].size(), 4u);
  const Timeline back = Timeline::from_json(nlohmann::json::parse(j.dump()));
  EXPECT_EQ(back.attribute_ids(), t.attribute_ids());
  EXPECT_EQ(back.interpolation(), Interpolation::Linear);
  ASSERT_EQ(back.size(), t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    EXPECT_DOUBLE_EQ(back.keyframes()[i].time, t.keyframes()[i].time);
    EXPECT_EQ(back.keyframes()[i].state, t.keyframes()[i].state);
  }
}

TEST(Timeline, JsonErrorsNameTheProblem) {
  EXPECT_THROW(Timeline::from_json(nlohmann::json::array()), Error);
  try {
    Timeline::from_json(nlohmann::json{{"version", 9}, {"keyframes", nlohmann::json::array()}}, "s.facet");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos);
  }
  const auto bad = nlohmann::json::parse(R"({"version":1,"keyframes":[{"time":"x","alphas":[1]}]})");
  EXPECT_THROW(Timeline::from_json(bad), Error);
  const auto bad_interp = nlohmann::json::parse(R"({"version":1,"interpolation":"cubic","keyframes":[]})");
  EXPECT_THROW(Timeline::from_json(bad_interp), Error);
}

}  // namespace
}  // namespace facet::video

namespace facet::video {
namespace {

// The two-face amount joins the keyframes once recorded, is interpolated like α and survives JSON; a timeline
// without it writes nothing new.
TEST(Timeline, TwoFaceAmountIsRecordedInterpolatedAndSaved) {
  Timeline t({"Smiling"});
  t.set_interpolation(Interpolation::Linear);
  t.add(0, EditSnapshot{{0}});
  EXPECT_FALSE(t.to_json().contains("two_faces"));
  EXPECT_TRUE(t.sample(0).two_face.empty());
  t.record_two_faces(1.0f);  // the keyframe already there holds the resting λ
  EXPECT_EQ(t.keyframes()[0].state.two_face, std::vector<float>{1.0f});
  EditSnapshot end{{0}};
  end.two_face = {0.0f};
  t.add(2, end);
  EXPECT_FLOAT_EQ(t.sample(0.5).two_face.at(0), 0.75f);
  EXPECT_FLOAT_EQ(t.sample(2).two_face.at(0), 0.0f);
  EXPECT_THROW(t.add(3, EditSnapshot{{0}}), Error);  // every keyframe carries the amount now
  const Timeline back = Timeline::from_json(nlohmann::json::parse(t.to_json().dump()));
  EXPECT_TRUE(back.records_two_faces());
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back.keyframes()[1].state, t.keyframes()[1].state);
  Timeline plain({"Smiling"});
  EXPECT_THROW(plain.add(0, end), Error);  // an amount the timeline does not record
}

}  // namespace
}  // namespace facet::video
