// The guard against networks on a marked thread (an editor's GUI thread): it stops the program when armed, and
// stays out of the way on unmarked threads and when disarmed.
#include <thread>

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "core/nn/latent/latent_classifier.h"
#include "core/nn/network_guard.h"
#include "core/nn/stylegan2/generator.h"

namespace facet::nn {
namespace {

// Restores the process-wide switch and this thread's mark after each test.
class NetworkGuard : public ::testing::Test {
 protected:
  void SetUp() override { wasArmed_ = network_guard_armed(); }
  void TearDown() override {
    arm_network_guard(wasArmed_);
    allow_networks_on_this_thread();
  }
  bool wasArmed_ = false;
};

TEST_F(NetworkGuard, AGeneratorOnAMarkedThreadStopsTheProgramNamingTheNetwork) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const auto generator = StyleGan2::random(8, 16, 2, 1, 0, torch::kCPU, 16);
  const torch::Tensor wplus = torch::zeros({1, generator->n_latent(), generator->style_dim()});
  EXPECT_DEATH(
      {
        arm_network_guard(true);
        forbid_networks_on_this_thread();
        generator->synthesis(wplus);
      },
      "StyleGAN2 .* ran on a thread where networks must not run");
  EXPECT_DEATH(
      {
        arm_network_guard(true);
        forbid_networks_on_this_thread();
        generator->mapping(torch::zeros({1, generator->style_dim()}));
      },
      "StyleGAN2 mapping ran on a thread where networks must not run");
}

TEST_F(NetworkGuard, TheClassifierIsGuardedToo) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  LatentClassifier classifier(std::vector<int64_t>{64, 32, 40});
  EXPECT_DEATH(
      {
        arm_network_guard(true);
        forbid_networks_on_this_thread();
        classifier->forward(torch::zeros({1, 4, 16}));
      },
      "latent classifier ran on a thread where networks must not run");
}

TEST_F(NetworkGuard, OtherThreadsAndADisarmedGuardRunNetworks) {
  const auto generator = StyleGan2::random(8, 16, 2, 1, 0, torch::kCPU, 16);
  const torch::Tensor wplus = torch::zeros({1, generator->n_latent(), generator->style_dim()});
  arm_network_guard(true);
  forbid_networks_on_this_thread();
  EXPECT_TRUE(networks_forbidden_on_this_thread());
  torch::Tensor image;
  std::thread worker([&] {
    EXPECT_FALSE(networks_forbidden_on_this_thread());  // the mark belongs to the thread that set it
    image = generator->synthesis(wplus);
  });
  worker.join();
  EXPECT_EQ(image.size(-1), 8);
  arm_network_guard(false);
  EXPECT_EQ(generator->synthesis(wplus).size(-1), 8);  // marked, but disarmed: runs
}

}  // namespace
}  // namespace facet::nn
