#include <torch/torch.h>

#include "core/io/error.h"
#include "core/nn/state_dict.h"
#include "tests/support/test_support.h"

namespace {
struct TinyImpl : torch::nn::Module {
  TinyImpl() {
    fc = register_module("fc", torch::nn::Linear(3, 2));
    register_buffer("scale", torch::ones({2}));
  }
  torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(Tiny);

std::string message_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const facet::Error& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(StateDict, CopiesParametersAndBuffers) {
  Tiny tiny;
  facet::io::TensorMap tensors{{"fc.weight", torch::arange(6.).view({2, 3})},
                               {"fc.bias", torch::tensor({1., 2.})},
                               {"scale", torch::tensor({3., 4.})}};
  facet::nn::load_state_dict(*tiny, tensors, "tiny.pt", "tiny");
  EXPECT_TRUE(torch::equal(tiny->fc->weight, torch::arange(6.).view({2, 3}).to(torch::kFloat)));
  EXPECT_FLOAT_EQ(tiny->named_buffers()["scale"][1].item<float>(), 4.f);
}

TEST(StateDict, ReportsEveryProblemAtOnce) {
  Tiny tiny;
  facet::io::TensorMap tensors{{"fc.weight", torch::zeros({3, 3})}, {"extra", torch::zeros({1})}};
  const std::string msg = message_of([&] { facet::nn::load_state_dict(*tiny, tensors, "bad.pt", "tiny"); });
  EXPECT_NE(msg.find("bad.pt"), std::string::npos) << msg;
  EXPECT_NE(msg.find("missing keys: fc.bias, scale"), std::string::npos) << msg;
  EXPECT_NE(msg.find("unexpected keys: extra"), std::string::npos) << msg;
  EXPECT_NE(msg.find("fc.weight (file [3, 3] vs model [2, 3])"), std::string::npos) << msg;
}

TEST(StateDict, OptionsIgnoreAndAllow) {
  Tiny tiny;
  facet::io::TensorMap tensors{{"fc.weight", torch::zeros({2, 3})}, {"fc.bias", torch::zeros({2})},
                               {"noise", torch::zeros({1})}};
  facet::nn::StateDictOptions options;
  options.ignore_unexpected = [](const std::string& k) { return k == "noise"; };
  options.allow_missing = [](const std::string& k) { return k == "scale"; };
  EXPECT_NO_THROW(facet::nn::load_state_dict(*tiny, tensors, "ok.pt", "tiny", options));
}

TEST(StateDict, TakesOverOwnedStoragesAndCopiesSharedOnes) {
  Tiny tiny;
  torch::Tensor weight = torch::randn({2, 3});                 // owns its storage: taken over
  torch::Tensor both = torch::randn({4});                      // bias and scale views of one storage: copied
  torch::Tensor doubles = torch::tensor({5., 6.}, torch::kFloat64);  // another dtype: converted copy
  facet::io::TensorMap tensors{{"fc.weight", weight}, {"fc.bias", both.slice(0, 0, 2)}, {"scale", doubles}};
  facet::nn::load_state_dict(*tiny, tensors, "tiny.pt", "tiny");
  EXPECT_EQ(tiny->fc->weight.data_ptr(), weight.data_ptr());
  EXPECT_TRUE(tiny->fc->weight.requires_grad()) << "still a trainable parameter";
  EXPECT_NE(tiny->fc->bias.data_ptr(), both.data_ptr());
  EXPECT_TRUE(torch::equal(tiny->fc->bias, both.slice(0, 0, 2)));
  EXPECT_EQ(tiny->named_buffers()["scale"].scalar_type(), torch::kFloat32);
  EXPECT_FLOAT_EQ(tiny->named_buffers()["scale"][1].item<float>(), 6.f);
}
