#include <torch/torch.h>

#include "core/io/atomic_file.h"
#include "core/io/error.h"
#include "core/io/npy.h"
#include "tests/support/test_support.h"

using facet::io::read_npy;
using facet::io::write_npy;

namespace {
std::string data(const std::string& name) { return facet::test::source_dir() + "/tests/data/io/" + name; }
torch::Tensor expected_a() { return torch::arange(24, torch::kFloat32).reshape({2, 3, 4}) / 7; }
}  // namespace

TEST(Npy, ReadsNumpyVariants) {
  EXPECT_TRUE(torch::allclose(read_npy(data("c_order_f32.npy")), expected_a()));
  auto f64 = read_npy(data("fortran_f64.npy"));
  EXPECT_EQ(f64.scalar_type(), torch::kFloat64);
  EXPECT_TRUE(torch::allclose(f64.to(torch::kFloat32), expected_a()));  // Fortran order comes back in C layout
  auto f16 = read_npy(data("f16.npy"));
  EXPECT_EQ(f16.scalar_type(), torch::kFloat16);
  EXPECT_TRUE(torch::allclose(f16.to(torch::kFloat32), expected_a(), 1e-3, 1e-3));
  EXPECT_TRUE(torch::equal(read_npy(data("i64.npy")), torch::arange(-5, 5, torch::kInt64)));
  auto b = read_npy(data("bool.npy"));
  EXPECT_EQ(b.scalar_type(), torch::kBool);
  EXPECT_TRUE(b[0][0].item<bool>() && !b[0][1].item<bool>());
  auto u8 = read_npy(data("v2_u8.npy"));  // header version 2
  EXPECT_TRUE(torch::equal(u8, torch::arange(6, torch::kUInt8).reshape({3, 2})));
}

TEST(Npy, RoundTripsEveryDtypeAndShape) {
  const std::string dir = facet::test::scratch_dir("npy");
  std::vector<torch::Tensor> cases = {torch::randn({2, 18, 512}), torch::randn({5}).to(torch::kFloat64),
                                      torch::randn({3, 1}).to(torch::kFloat16), torch::arange(7),
                                      torch::tensor(3.5f), torch::rand({4, 4}).gt(0.5), torch::randn({3, 4}).t()};
  for (size_t i = 0; i < cases.size(); ++i) {
    const std::string path = dir + "/case" + std::to_string(i) + ".npy";
    write_npy(path, cases[i]);
    auto back = read_npy(path);
    EXPECT_EQ(back.scalar_type(), cases[i].scalar_type()) << i;
    EXPECT_TRUE(torch::equal(back, cases[i])) << i;
  }
}

TEST(Npy, FixtureArraysHaveTheDocumentedShapes) {
  FACET_REQUIRE_FIXTURES();
  EXPECT_EQ(read_npy(facet::test::fixture("stylegan2/wplus.npy")).sizes(), (std::vector<int64_t>{2, 10, 128}));
  EXPECT_EQ(read_npy(facet::test::fixture("stylegan2/image_wplus.npy")).sizes(), (std::vector<int64_t>{2, 3, 64, 64}));
  EXPECT_EQ(read_npy(facet::test::fixture("latent_transformer/classifier_logits.npy")).sizes(),
            (std::vector<int64_t>{2, 40}));
}

TEST(Npy, BadInputGivesClearErrors) {
  const std::string good = facet::io::read_file(data("c_order_f32.npy"));
  auto message = [](const std::string& bytes) {
    try {
      facet::io::read_npy_from_memory(bytes.data(), bytes.size(), "x.npy");
    } catch (const facet::Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message("hello").find("not a NumPy"), std::string::npos);
  EXPECT_NE(message(good.substr(0, good.size() - 5)).find("truncated"), std::string::npos);
  EXPECT_NE(message(good.substr(0, 40)).find("truncated"), std::string::npos);
  std::string huge = good;
  huge.replace(huge.find("(2, 3, 4)"), 9, "(9999999999999, 99999999)");
  EXPECT_NE(message(huge).find("x.npy"), std::string::npos);
  // No elements, but dimensions whose strides overflow: refused like any huge shape (a zero must not hide them).
  std::string hidden = good;
  hidden.replace(hidden.find("(2, 3, 4)"), 9, "(0, 4294967296, 4294967296)");
  EXPECT_NE(message(hidden).find("shape is too large"), std::string::npos) << message(hidden);
  std::string complex = good;
  complex.replace(complex.find("<f4"), 3, "<c8");
  EXPECT_NE(message(complex).find("unsupported .npy dtype '<c8'"), std::string::npos);
  EXPECT_THROW(read_npy("/nonexistent.npy"), facet::Error);
}
