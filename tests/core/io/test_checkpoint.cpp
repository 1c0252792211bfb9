#include <fstream>
#include <random>
#include <thread>

#include <sys/stat.h>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "core/io/atomic_file.h"
#include "core/io/checkpoint.h"
#include "core/io/error.h"
#include "tests/support/test_support.h"

using facet::io::Checkpoint;
using facet::io::load_checkpoint;
using facet::io::ValueKind;

namespace {
std::string data(const std::string& name) { return facet::test::source_dir() + "/tests/data/io/" + name; }

std::string error_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const facet::Error& e) {
    return e.what();
  }
  return "no error";
}

void expect_mixed(const Checkpoint& c) {
  auto t = c.tensors_with_prefix();
  auto base = torch::arange(12, torch::kFloat32).reshape({3, 4});
  EXPECT_TRUE(torch::equal(t.at("shared_a"), base));
  EXPECT_TRUE(torch::equal(t.at("shared_view"), base.slice(0, 1).slice(1, 0, 4, 2)));
  EXPECT_TRUE(torch::equal(t.at("transposed"), base.t()));
  // Tensors that shared a storage in the file share it here too.
  EXPECT_EQ(t.at("shared_a").storage().data(), t.at("shared_view").storage().data());
  EXPECT_EQ(t.at("bf16").scalar_type(), torch::kBFloat16);
  EXPECT_FLOAT_EQ(t.at("bf16")[1].item<float>(), -2.25f);
  EXPECT_EQ(t.at("half").scalar_type(), torch::kFloat16);
  EXPECT_TRUE(torch::equal(t.at("long"), torch::tensor({1, -2, 3}, torch::kInt64)));
  EXPECT_EQ(t.at("u8")[1].item<int>(), 255);
  EXPECT_TRUE(t.at("flag")[0].item<bool>());
  EXPECT_EQ(c.at("nested.list.1").as_int(), 3);
  EXPECT_EQ(c.at("nested.list.2").as_string(), "text");
  EXPECT_TRUE(c.at("nested.list.3").is(ValueKind::None));
  EXPECT_DOUBLE_EQ(c.at("nested.list.4").as_double(), 2.5);
  EXPECT_TRUE(c.at("nested.list.5").as_bool());
  EXPECT_EQ(c.at("nested.tuple").items().size(), 2u);
}
}  // namespace

TEST(Checkpoint, ReadsZipAndLegacyWithSharedStoragesAndDtypes) {
  expect_mixed(load_checkpoint(data("mixed_zip.pt")));
  expect_mixed(load_checkpoint(data("mixed_legacy.pt")));
}

TEST(Checkpoint, EveryFixtureMatchesWhatPyTorchSees) {
  FACET_REQUIRE_FIXTURES();
  std::ifstream in(data("fixture_sums.json"));
  auto expected = nlohmann::json::parse(in);
  for (const auto& [file, tensors] : expected.items()) {
    Checkpoint c = load_checkpoint(facet::test::fixture(file));
    auto got = c.tensors();
    ASSERT_EQ(got.size(), tensors.size()) << file;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].first, tensors[i]["name"].get<std::string>()) << file;
      EXPECT_EQ(got[i].second.sizes().vec(), tensors[i]["shape"].get<std::vector<int64_t>>()) << got[i].first;
      const double sum = got[i].second.to(torch::kFloat64).sum().item<double>();
      EXPECT_NEAR(sum, tensors[i]["sum"].get<double>(), 1e-9 * (1 + std::abs(sum))) << got[i].first;
    }
  }
}

TEST(Checkpoint, ZipAndLegacyFixturesAreIdentical) {
  FACET_REQUIRE_FIXTURES();
  auto zip = load_checkpoint(facet::test::fixture("stylegan2/g_small_zip.pt")).tensors();
  auto legacy = load_checkpoint(facet::test::fixture("stylegan2/g_small_legacy.pt")).tensors();
  ASSERT_EQ(zip.size(), legacy.size());
  for (size_t i = 0; i < zip.size(); ++i) {
    EXPECT_EQ(zip[i].first, legacy[i].first);
    EXPECT_TRUE(torch::equal(zip[i].second, legacy[i].second)) << zip[i].first;
  }
}

TEST(Checkpoint, DottedLookupAndPrefixView) {
  FACET_REQUIRE_FIXTURES();
  Checkpoint c = load_checkpoint(facet::test::fixture("stylegan2/psp_small.pt"));
  EXPECT_EQ(c.at("state_dict.decoder.conv1.conv.weight").as_tensor().dim(), 5);
  EXPECT_EQ(c.at("opts.output_size").as_int(), 64);
  EXPECT_EQ(c.find("state_dict.decoder.nope"), nullptr);
  EXPECT_NE(error_of([&] { c.at("missing.key"); }).find("no value at 'missing.key'"), std::string::npos);
  auto decoder = c.tensors_with_prefix("state_dict.decoder.");
  EXPECT_TRUE(decoder.count("conv1.conv.weight"));
  EXPECT_TRUE(decoder.count("style.1.weight"));
  EXPECT_EQ(decoder.count("latent_avg"), 0u);
}

TEST(Checkpoint, RefusesUnknownGlobalsByName) {
  const std::string msg = error_of([] { load_checkpoint(data("evil_global.pt")); });
  EXPECT_NE(msg.find("refuses Python global 'posix.system'"), std::string::npos) << msg;
}

TEST(Checkpoint, MissingZipRecordIsNamed) {
  const std::string msg = error_of([] { load_checkpoint(data("missing_record.pt")); });
  EXPECT_NE(msg.find("no record 'data/0'"), std::string::npos) << msg;
}

TEST(Checkpoint, TruncatedAndRandomBytesNeverCrash) {
  std::vector<std::string> sources = {facet::io::read_file(data("mixed_zip.pt")),
                                      facet::io::read_file(data("mixed_legacy.pt"))};
  for (const auto& bytes : sources) {
    for (size_t cut : {size_t(0), size_t(1), size_t(10), bytes.size() / 3, bytes.size() / 2, bytes.size() - 1}) {
      const std::string part = bytes.substr(0, cut);
      EXPECT_THROW(facet::io::load_checkpoint_from_memory(part.data(), part.size(), "cut.pt"), facet::Error) << cut;
    }
  }
  std::mt19937 rng(7);
  for (int trial = 0; trial < 300; ++trial) {
    std::string bytes = sources[trial % 2];
    // Flip a few bytes: either a clean error or a successful (different) read, never a crash.
    for (int k = 0; k < 4; ++k) bytes[rng() % bytes.size()] = static_cast<char>(rng());
    try {
      facet::io::load_checkpoint_from_memory(bytes.data(), bytes.size(), "noise.pt");
    } catch (const facet::Error&) {
    }
  }
  std::string noise(4096, '\0');
  for (auto& ch : noise) ch = static_cast<char>(rng());
  EXPECT_THROW(facet::io::load_checkpoint_from_memory(noise.data(), noise.size(), "noise.pt"), facet::Error);
}

TEST(Checkpoint, TruncatedZipFilesReadFromDiskGiveCleanErrors) {
  // Zip archives are read from the file record by record (pread), not from memory: cut files must fail as cleanly.
  const std::string bytes = facet::io::read_file(data("mixed_zip.pt"));
  const std::string dir = facet::test::scratch_dir("cut_zip");
  for (size_t cut : {size_t(4), size_t(100), bytes.size() / 2, bytes.size() - 30, bytes.size() - 1}) {
    const std::string path = dir + "/cut_" + std::to_string(cut) + ".pt";
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(cut));
    EXPECT_THROW(load_checkpoint(path), facet::Error) << cut;
  }
  EXPECT_NE(error_of([&] { load_checkpoint(dir + "/absent.pt"); }).find("cannot read"), std::string::npos);
  // A pipe is read whole, as before (it cannot be read a second time record by record).
  const std::string fifo = dir + "/pipe.pt";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  std::thread writer([&] { std::ofstream(fifo, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size())); });
  expect_mixed(load_checkpoint(fifo));
  writer.join();
  EXPECT_NE(error_of([&] { load_checkpoint(dir); }).find("folder"), std::string::npos);
}

TEST(Checkpoint, SaveRoundTripsThroughOurReader) {
  const std::string path = facet::test::scratch_dir("save") + "/state.pth";
  std::vector<facet::io::NamedTensor> tensors = {{"fcs.0.weight", torch::randn({4, 3})},
                                                 {"fcs.0.bias", torch::randn({4}).to(torch::kFloat64)},
                                                 {"steps", torch::tensor({static_cast<int64_t>(1234567890123)}, torch::kInt64)},
                                                 {"view", torch::randn({3, 4}).t()}};
  facet::io::save_state_dict(path, tensors);
  auto back = load_checkpoint(path).tensors();
  ASSERT_EQ(back.size(), tensors.size());
  for (size_t i = 0; i < back.size(); ++i) {
    EXPECT_EQ(back[i].first, tensors[i].first);
    EXPECT_TRUE(torch::equal(back[i].second, tensors[i].second)) << back[i].first;
  }
}

TEST(Checkpoint, SavedFilesLoadInPyTorch) {
  if (facet::test::run_command("/usr/bin/python3 -c 'import torch'").exit_code != 0)
    GTEST_SKIP() << "Debian's python3-torch is not installed; cannot cross-check with torch.load";
  const std::string path = facet::test::scratch_dir("save-py") + "/state.pth";
  facet::io::save_state_dict(path, {{"dense.0.weight", torch::arange(6, torch::kFloat32).reshape({2, 3})},
                                    {"dense.0.bias", torch::tensor({1.5, -2.0}).to(torch::kFloat64)}});
  auto r = facet::test::run_command("/usr/bin/python3 -c \"import torch,sys; d=torch.load(sys.argv[1]); "
                                    "print(type(d).__name__, list(d), float(d['dense.0.weight'].sum()), "
                                    "d['dense.0.bias'].dtype)\" " + path);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("OrderedDict ['dense.0.weight', 'dense.0.bias'] 15.0 torch.float64"), std::string::npos)
      << r.output;
}

TEST(Checkpoint, RefusesSelfContainingContainers) {
  // EMPTY_LIST, BINPUT 0, BINGET 0, APPEND, STOP: a list that holds itself (found by the fuzzer as a leak).
  const std::string pickle("\x80\x02]q\x00h\x00" "a.", 9);
  const std::string msg = error_of([&] { facet::io::load_checkpoint_from_memory(pickle.data(), pickle.size(), "c.pt"); });
  EXPECT_NE(msg.find("contains itself"), std::string::npos) << msg;
  // The fuzzer's original input still gives a clean error.
  EXPECT_THROW(load_checkpoint(data("fuzz_cycle_leak.bin")), facet::Error);
}

TEST(Checkpoint, FuzzerFindingsGiveCleanErrors) {
  // GET with a 90-digit index once escaped as std::out_of_range; a bad zip once leaked inside LibTorch's reader.
  for (const char* name : {"fuzz_memo_overflow.bin", "fuzz_bad_zip_libtorch_leak.bin", "fuzz_cycle_leak.bin"})
    EXPECT_THROW(load_checkpoint(data(name)), facet::Error) << name;
}
