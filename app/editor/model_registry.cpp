#include "app/editor/model_registry.h"

#include <filesystem>
#include <map>
#include <regex>

#include "core/io/error.h"
#include "core/models/device.h"
#include "core/models/model_paths.h"

namespace facet::app {
namespace fs = std::filesystem;

namespace {

// The first of `names` found in the model search path.
std::string first_found(const std::vector<std::string>& names) {
  for (const auto& name : names)
    if (auto path = models::find_model_file(name)) return *path;
  return {};
}

bool holds_transformers(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return false;
  const std::regex name(R"(tnet_\d{1,2}\.pth(\.tar)?)");
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (std::regex_match(entry.path().filename().string(), name)) return true;
  return false;
}

bool cancelled(const std::atomic<bool>* cancel) { return cancel && cancel->load(); }

}  // namespace

EditorModelFiles find_editor_model_files() {
  EditorModelFiles files;
  // The rosinality conversion first; a pSp/e4e checkpoint's decoder is the same FFHQ generator.
  files.generator = first_found({"stylegan2-ffhq-config-f.pt", "psp_ffhq_encode.pt", "e4e_ffhq_encode.pt"});
  files.classifier = first_found({"latent_classifier_epoch_20.pth"});
  files.encoder = first_found({"e4e_ffhq_encode.pt", "psp_ffhq_encode.pt"});
  files.directions = first_found({"latent_directions.pth", "directions.pth"});
  // CLIP for text edits: found here, loaded by the "Add text edit" dialog when a method needs it (it is large).
  files.clip = first_found({"ViT-B-32.pt", "clip/ViT-B-32.pt"});
  files.clip_vocab = first_found({"bpe_simple_vocab_16e6.txt.gz", "clip/bpe_simple_vocab_16e6.txt.gz"});
  const std::string face_api = first_found({"face-api/face_recognition_model-weights_manifest.json"});
  if (!face_api.empty()) files.face_api_dir = fs::path(face_api).parent_path().string();
  for (const auto& dir : models::model_search_paths()) {
    for (const char* sub : {"latent-transformer", "latent_transformer", "pretrained_models"}) {
      if (holds_transformers(fs::path(dir) / sub)) {
        files.transformers_dir = (fs::path(dir) / sub).string();
        break;
      }
    }
    if (!files.transformers_dir.empty()) break;
  }
  return files;
}

std::shared_ptr<EditorModels> load_editor_models(const EditorModelFiles& files, const LoadProgress& progress,
                                                 const std::atomic<bool>* cancel) {
  const auto say = [&](const std::string& what) {
    if (progress) progress(what);
  };
  if (files.generator.empty())
    throw Error("no StyleGAN2 generator found (stylegan2-ffhq-config-f.pt or psp_ffhq_encode.pt); open Tools ▸ "
                "Models to see where Facet looks, or run models/fetch");
  auto models = std::make_shared<EditorModels>();
  models->files = files;
  models->device = facet::models::choose_device(files.device);
  torch::NoGradGuard no_grad;

  say("generator " + fs::path(files.generator).filename().string());
  nn::GeneratorLoadOptions options;
  options.device = models->device;
  models->generator = nn::StyleGan2::load(files.generator, options);
  if (cancelled(cancel)) return nullptr;

  if (!files.classifier.empty()) {
    say("classifier " + fs::path(files.classifier).filename().string());
    models->classifier = nn::load_latent_classifier(files.classifier, models->device);
    models->classifier->eval();
  } else {
    models->notes.push_back("no latent classifier: probabilities are not shown (latent_classifier_epoch_20.pth)");
  }
  if (cancelled(cancel)) return nullptr;

  models->editor = std::make_shared<edit::Editor>();
  if (!files.transformers_dir.empty()) {
    say("latent transformers in " + files.transformers_dir);
    const int count = models->editor->load_folder(files.transformers_dir, models->device);
    if (count == 0) models->notes.push_back("no tnet_<k>.pth.tar in " + files.transformers_dir);
  } else {
    models->notes.push_back("no latent transformers: attributes use linear directions (latent-transformer/)");
  }
  if (!files.directions.empty()) {
    say("linear directions " + fs::path(files.directions).filename().string());
    models->editor->load_directions(files.directions, models->device);
  } else {
    models->notes.push_back("no linear directions: attributes without a transformer do not move "
                            "(facet-cli train directions → latent_directions.pth)");
  }
  if (cancelled(cancel)) return nullptr;

  if (!files.face_api_dir.empty()) {
    say("face analysis " + files.face_api_dir);
    models->analyzer = std::make_shared<nn::FaceAnalyzer>(nn::FaceAnalyzer::load(files.face_api_dir, models->device));
  } else {
    models->notes.push_back("no face-api models: identity, age, gender and expression are not read (face-api/)");
  }
  if (cancelled(cancel)) return nullptr;

  if (!files.encoder.empty()) {
    say("encoder " + fs::path(files.encoder).filename().string());
    models->encoder = std::make_shared<nn::PspEncoder>(nn::PspEncoder::load(files.encoder, models->device));
  }
  return models;
}

std::vector<std::string> model_ids(const EditorModelFiles& files) {
  static const std::map<std::string, std::string> ids = {
      {"stylegan2-ffhq-config-f.pt", "stylegan2-ffhq-1024"},
      {"psp_ffhq_encode.pt", "psp-ffhq-encoder"},
      {"e4e_ffhq_encode.pt", "e4e-ffhq-encoder"},
      {"latent_classifier_epoch_20.pth", "latent-classifier"},
  };
  std::vector<std::string> out;
  const auto add = [&](const std::string& path, const std::string& folder_id) {
    if (path.empty()) return;
    if (!folder_id.empty()) {
      out.push_back(folder_id);
      return;
    }
    const std::string name = fs::path(path).filename().string();
    auto it = ids.find(name);
    out.push_back(it != ids.end() ? it->second : name);
  };
  add(files.generator, "");
  add(files.classifier, "");
  add(files.transformers_dir, "latent-transformers");
  add(files.face_api_dir, "face-api");
  add(files.encoder, "");
  return out;
}

}  // namespace facet::app
