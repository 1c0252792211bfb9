// The adaptive preview size on a fake clock: a simulated renderer whose cost per size the test sets advances the
// clock, so every decision is deterministic.
#include <map>

#include <gtest/gtest.h>

#include "core/edit/preview_budget.h"
#include "core/io/error.h"

using facet::edit::PreviewBudget;

namespace {

struct FakeRenderer {
  double now = 0;
  std::map<int, double> cost;  // ms per preview, by size
  // One preview as the editor would run it: bracketed by the policy, at the size it chose; returns that size.
  int preview(PreviewBudget& policy) {
    const int size = policy.size();
    policy.begin();
    now += cost.at(size);
    policy.end();
    return size;
  }
};

PreviewBudget policy_on(FakeRenderer& r, int min_size = 64, int max_size = 256) {
  PreviewBudget::Options o;
  o.budget_ms = 100;
  o.min_size = min_size;
  o.max_size = max_size;
  return PreviewBudget(o, [&r] { return r.now; });
}

}  // namespace

TEST(PreviewBudget, SettlesOnTheLargestSizeWithinTheBudget) {
  FakeRenderer r;
  r.cost = {{64, 40}, {128, 90}, {256, 180}};
  PreviewBudget policy = policy_on(r);
  EXPECT_EQ(policy.size(), 256);  // starts at the largest size
  for (int i = 0; i < 4; ++i) r.preview(policy);
  EXPECT_EQ(policy.size(), 128);
  // Once settled, every preview keeps to the budget and the size holds (256 would take 180 ms).
  for (int i = 0; i < 50; ++i) {
    const double before = r.now;
    EXPECT_EQ(r.preview(policy), 128) << i;
    EXPECT_LE(r.now - before, 100.0);
  }
  EXPECT_NEAR(policy.expected_ms(256), 180.0, 1e-9) << "the step measured 256 at twice 128";
}

TEST(PreviewBudget, OneFrameFarOverBudgetStepsDownAtOnce) {
  FakeRenderer r;
  r.cost = {{64, 30}, {128, 70}, {256, 400}};
  PreviewBudget policy = policy_on(r);
  r.preview(policy);
  EXPECT_EQ(policy.size(), 128);
}

TEST(PreviewBudget, StepsUpWhenTheMachineGetsFasterAndDownWhenSlower) {
  FakeRenderer r;
  r.cost = {{64, 40}, {128, 90}, {256, 180}};
  PreviewBudget policy = policy_on(r);
  for (int i = 0; i < 10; ++i) r.preview(policy);
  ASSERT_EQ(policy.size(), 128);
  // Other work stops: everything costs half. 256 is now expected at 2 × 45 = 90 ms > 0.8 · budget: still 128.
  r.cost = {{64, 20}, {128, 45}, {256, 90}};
  for (int i = 0; i < 10; ++i) r.preview(policy);
  EXPECT_EQ(policy.size(), 128);
  // A third: 256 at 2 × 30 = 60 ms fits with headroom, and the policy goes back up and stays.
  r.cost = {{64, 13}, {128, 30}, {256, 60}};
  for (int i = 0; i < 10; ++i) r.preview(policy);
  EXPECT_EQ(policy.size(), 256);
  // Loaded again: down within `settle` previews, never below min_size.
  r.cost = {{64, 150}, {128, 150}, {256, 150}};
  for (int i = 0; i < 20; ++i) r.preview(policy);
  EXPECT_EQ(policy.size(), 64);
}

TEST(PreviewBudget, UnknownCostsAreBoundedByThePixelRatio) {
  FakeRenderer r;
  r.cost = {{32, 15}, {64, 30}};
  PreviewBudget policy = policy_on(r, 32, 64);
  for (int i = 0; i < 5; ++i) r.preview(policy);
  EXPECT_EQ(policy.size(), 64);
  PreviewBudget::Options o;
  o.min_size = 32;
  o.max_size = 64;
  double now = 0;
  PreviewBudget fresh(o, [&now] { return now; });
  fresh.record(64, 300);  // far over: down to 32
  ASSERT_EQ(fresh.size(), 32);
  // 32 at 25 ms right after leaving 64 at 300 ms: 64 is expected at 12 × the cost, so it stays at 32.
  for (int i = 0; i < 5; ++i) fresh.record(32, 25);
  EXPECT_EQ(fresh.size(), 32);
  EXPECT_NEAR(fresh.expected_ms(64), 300.0, 1e-9);
}

TEST(PreviewBudget, RefusesBadSizesAndBudgets) {
  PreviewBudget::Options o;
  o.min_size = 48;
  EXPECT_THROW(PreviewBudget{o}, facet::Error);
  o.min_size = 512;
  EXPECT_THROW(PreviewBudget{o}, facet::Error);
  o = {};
  o.budget_ms = 0;
  EXPECT_THROW(PreviewBudget{o}, facet::Error);
  o = {};
  PreviewBudget real(o);  // the steady clock by default
  real.end();             // without begin(): nothing recorded
  EXPECT_EQ(real.cost_ms(256), 0.0);
}
