// The model registry: which file fills which role, how missing files are reported, and that each loader reads
// the fixtures' real checkpoints.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/io/error.h"
#include "core/models/model_registry.h"
#include "tests/support/test_support.h"

namespace fs = std::filesystem;
using namespace facet::models;

namespace {

// Points the model search path at one scratch folder for the test's lifetime.
struct ScopedModelsDir {
  std::string dir;
  explicit ScopedModelsDir(const std::string& tag) : dir(facet::test::scratch_dir(tag)) {
    setenv("FACET_MODELS", dir.c_str(), 1);
    setenv("XDG_DATA_HOME", dir.c_str(), 1);  // no models of the machine's user folder leak in
  }
  ~ScopedModelsDir() {
    unsetenv("FACET_MODELS");
    unsetenv("XDG_DATA_HOME");
  }
};

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const facet::Error& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST(ModelRegistry, EveryRoleHasFilesAndManifestIdsMatchTheManifest) {
  for (const RoleInfo& info : model_roles()) {
    EXPECT_FALSE(info.files.empty()) << info.what;
    EXPECT_EQ(&role_info(info.role), &info);
  }
  EXPECT_EQ(manifest_id("/x/stylegan2-ffhq-config-f.pt"), "stylegan2-ffhq-1024");
  EXPECT_EQ(manifest_id("/x/e4e_ffhq_encode.pt"), "e4e-ffhq-encoder");
  EXPECT_EQ(manifest_id("/x/latent-transformer"), "latent-transformers");
  EXPECT_EQ(manifest_id("/x/face-api"), "face-api");
  EXPECT_EQ(manifest_id("/x/mine.pt"), "mine.pt");
  // The ids are the manifest's own: every id the registry names is listed in models/manifest.json.
  std::ifstream in(facet::test::source_dir() + "/models/manifest.json");
  const std::string manifest((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const RoleInfo& info : model_roles()) {
    for (const RoleFile& f : info.files) {
      if (!f.id.empty()) {
        EXPECT_NE(manifest.find("\"" + f.id + "\""), std::string::npos) << f.id;
      }
    }
  }
}

TEST(ModelRegistry, FindsRolesInTheSearchPathInOrderOfPreference) {
  ScopedModelsDir models("registry-find");
  EXPECT_EQ(find_role_file(Role::Generator), "");
  std::ofstream(models.dir + "/psp_ffhq_encode.pt") << "x";
  EXPECT_EQ(find_role_file(Role::Generator), models.dir + "/psp_ffhq_encode.pt");  // a pSp file's decoder
  EXPECT_EQ(find_role_file(Role::Encoder), models.dir + "/psp_ffhq_encode.pt");
  std::ofstream(models.dir + "/stylegan2-ffhq-config-f.pt") << "x";
  std::ofstream(models.dir + "/e4e_ffhq_encode.pt") << "x";
  EXPECT_EQ(find_role_file(Role::Generator), models.dir + "/stylegan2-ffhq-config-f.pt");
  EXPECT_EQ(find_role_file(Role::Encoder), models.dir + "/e4e_ffhq_encode.pt");
  // A transformers folder counts only when it holds the authors' files.
  fs::create_directories(models.dir + "/latent-transformer");
  EXPECT_EQ(find_role_file(Role::Transformers), "");
  std::ofstream(models.dir + "/latent-transformer/tnet_31.pth.tar") << "x";
  EXPECT_EQ(find_role_file(Role::Transformers), models.dir + "/latent-transformer");
  // face-api is the folder of its probe file.
  fs::create_directories(models.dir + "/face-api");
  std::ofstream(models.dir + "/face-api/face_recognition_model-weights_manifest.json") << "{}";
  EXPECT_EQ(find_role_file(Role::FaceApi), models.dir + "/face-api");
  const ModelFiles files = find_model_files();
  EXPECT_EQ(files.generator, models.dir + "/stylegan2-ffhq-config-f.pt");
  EXPECT_EQ(files.transformers_dir, models.dir + "/latent-transformer");
  EXPECT_EQ(model_ids(files),
            (std::vector<std::string>{"stylegan2-ffhq-1024", "latent-transformers", "face-api", "e4e-ffhq-encoder"}));
}

TEST(ModelRegistry, MissingFilesSayWhereFacetLookedAndHowToGetThem) {
  ScopedModelsDir models("registry-missing");
  const std::string generator = message_of([] { load_generator("", torch::kCPU); });
  EXPECT_NE(generator.find("stylegan2-ffhq-config-f.pt"), std::string::npos) << generator;
  EXPECT_NE(generator.find("models/fetch"), std::string::npos) << generator;
  EXPECT_NE(generator.find(models.dir), std::string::npos) << generator;
  const std::string given = message_of([] { load_encoder("/nowhere/e4e.pt", torch::kCPU); });
  EXPECT_NE(given.find("/nowhere/e4e.pt"), std::string::npos) << given;
  EXPECT_FALSE(load_optional_arcface("", torch::kCPU).has_value());  // optional: absent is fine
  EXPECT_NE(message_of([] { load_optional_arcface("/nowhere/ir.pth", torch::kCPU); }), "(no error)");
  EXPECT_NE(message_of([] { load_clip("", "", torch::kCPU); }).find("ViT-B-32.pt"), std::string::npos);
  // An empty transformers folder is an error, not an editor that silently moves nothing.
  fs::create_directories(models.dir + "/empty");
  EXPECT_NE(message_of([&] { load_editor(models.dir + "/empty", "", torch::kCPU); }).find("no tnet_"),
            std::string::npos);
}

TEST(ModelRegistry, PerceptualLossFallsBackOneStepAtATimeInAutoModeOnly) {
  ScopedModelsDir models("registry-perceptual");
  std::string note;
  EXPECT_TRUE(load_perceptual("none", torch::kCPU, note).describe().find("none") != std::string::npos);
  EXPECT_TRUE(note.empty());
  EXPECT_NE(load_perceptual("auto", torch::kCPU, note).describe().find("none"), std::string::npos);
  EXPECT_NE(note.find("vgg16-397923af.pth not found"), std::string::npos) << note;
  EXPECT_NE(message_of([] {
              std::string n;
              load_perceptual("lpips", torch::kCPU, n);
            }).find("vgg16-397923af.pth"),
            std::string::npos);
  EXPECT_NE(message_of([] {
              std::string n;
              load_perceptual("perfect", torch::kCPU, n);
            }).find("auto, lpips, vgg or none"),
            std::string::npos);
}

TEST(ModelRegistry, LoadsTheFixturesCheckpointsByRole) {
  FACET_REQUIRE_FIXTURES();
  const auto g = load_generator(facet::test::fixture("stylegan2/g_small_zip.pt"), torch::kCPU);
  EXPECT_EQ(g->size(), 64);
  const auto c = load_classifier(facet::test::fixture("latent_transformer/latent_classifier.pth"), torch::kCPU);
  EXPECT_FALSE(c->is_training());
  std::vector<std::string> notes;
  const auto editor = load_editor(facet::test::fixture("latent_transformer"), "", torch::kCPU, &notes);
  EXPECT_TRUE(editor->has_transformer(15));
  EXPECT_FALSE(editor->has_transformer(31));
  ASSERT_EQ(notes.size(), 1u);  // no directions file
  EXPECT_NE(notes[0].find("linear directions"), std::string::npos);
  // A single transformer file takes its attribute from the authors' name, or the given fallback.
  facet::edit::Editor single;
  EXPECT_EQ(load_transformer_file(single, facet::test::fixture("latent_transformer/tnet_15.pth.tar"), torch::kCPU), 15);
  const std::string renamed = facet::test::scratch_dir("registry-tnet") + "/smile.pth";
  fs::copy_file(facet::test::fixture("latent_transformer/tnet_15.pth.tar"), renamed);
  EXPECT_EQ(load_transformer_file(single, renamed, torch::kCPU, 102), 102);
  EXPECT_THROW(load_transformer_file(single, renamed, torch::kCPU), facet::Error);
}

// A file that is a generator but not an encoder (a decoder-only checkpoint given as the encoder) leaves the model
// set usable: the generator loads, the encoder is absent and a note says why.
TEST(ModelRegistry, AnEncoderThatCannotLoadIsANoteNotAFailure) {
  FACET_REQUIRE_FIXTURES();
  ModelFiles files;
  files.generator = facet::test::fixture("stylegan2/g_small_zip.pt");
  files.encoder = files.generator;
  files.device = "cpu";
  const auto set = load_model_set(files);
  ASSERT_TRUE(set);
  EXPECT_TRUE(set->generator);
  EXPECT_FALSE(set->encoder);
  bool noted = false;
  for (const std::string& note : set->notes) noted = noted || note.find("no encoder for photos") != std::string::npos;
  EXPECT_TRUE(noted);
}
