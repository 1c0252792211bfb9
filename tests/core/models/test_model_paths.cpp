#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <torch/cuda.h>

#include "core/io/error.h"
#include "core/models/device.h"
#include "core/models/model_paths.h"
#include "tests/support/test_support.h"

TEST(ModelPaths, FacetModelsComesFirstAndIsSearched) {
  const std::string a = facet::test::scratch_dir("models-a");
  const std::string b = facet::test::scratch_dir("models-b");
  std::ofstream(b + "/g.pt") << "x";
  setenv("FACET_MODELS", (a + ":" + b).c_str(), 1);
  auto paths = facet::models::model_search_paths();
  ASSERT_GE(paths.size(), 3u);
  EXPECT_EQ(paths[0], a);
  EXPECT_EQ(paths[1], b);
  EXPECT_EQ(facet::models::find_model_file("g.pt").value(), b + "/g.pt");
  EXPECT_FALSE(facet::models::find_model_file("absent.pt").has_value());
  try {
    facet::models::require_model_file("absent.pt", "StyleGAN2 generator");
    FAIL();
  } catch (const facet::Error& e) {
    EXPECT_NE(std::string(e.what()).find("models/fetch"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find(a), std::string::npos);
  }
  unsetenv("FACET_MODELS");
}

TEST(ModelPaths, AFileInTheCurrentFolderIsTakenAsNamed) {
  const std::string dir = facet::test::scratch_dir("models-cwd");
  std::ofstream(dir + "/mine.pt") << "x";
  const auto previous = std::filesystem::current_path();
  std::filesystem::current_path(dir);
  EXPECT_EQ(facet::models::find_model_file("mine.pt").value(), "mine.pt");
  std::filesystem::current_path(previous);
  EXPECT_FALSE(facet::models::find_model_file("mine.pt").has_value());
}

TEST(ModelPaths, XdgDataHomeIsHonoured) {
  setenv("XDG_DATA_HOME", "/tmp/xdg-facet", 1);
  EXPECT_EQ(facet::models::user_models_dir(), "/tmp/xdg-facet/facet/models");
  unsetenv("XDG_DATA_HOME");
}

TEST(Device, ChoosesCpuAndRejectsNonsense) {
  EXPECT_TRUE(facet::models::choose_device("cpu").is_cpu());
  EXPECT_THROW(facet::models::choose_device("quantum"), facet::Error);
  if (!torch::cuda::is_available()) {
    EXPECT_THROW(facet::models::choose_device("cuda"), facet::Error);
  }
}
