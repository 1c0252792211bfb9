#include "core/models/model_registry.h"

#include <filesystem>
#include <regex>

#include "core/embed/lpips.h"
#include "core/embed/vgg16_features.h"
#include "core/io/error.h"
#include "core/models/device.h"
#include "core/models/model_paths.h"
#include "core/nn/clip/clip_model.h"
#include "core/nn/clip/clip_tokenizer.h"
#include "core/nn/latent/latent_transformer.h"

namespace facet::models {
namespace fs = std::filesystem;

const std::vector<RoleInfo>& model_roles() {
  // The rosinality conversion first; a pSp/e4e checkpoint's decoder is the same FFHQ generator.
  static const std::vector<RoleInfo> roles = {
      {Role::Generator, "StyleGAN2 generator",
       {{"stylegan2-ffhq-config-f.pt", "stylegan2-ffhq-1024"},
        {"psp_ffhq_encode.pt", "psp-ffhq-encoder"},
        {"e4e_ffhq_encode.pt", "e4e-ffhq-encoder"}}},
      {Role::Encoder, "pSp/e4e encoder",
       {{"e4e_ffhq_encode.pt", "e4e-ffhq-encoder"}, {"psp_ffhq_encode.pt", "psp-ffhq-encoder"}}},
      {Role::Classifier, "latent classifier", {{"latent_classifier_epoch_20.pth", "latent-classifier"}}},
      {Role::Transformers, "latent transformers folder",
       {{"latent-transformer", "latent-transformers"},
        {"latent_transformer", "latent-transformers"},
        {"pretrained_models", "latent-transformers"}}},
      {Role::Directions, "linear directions", {{"latent_directions.pth", ""}, {"directions.pth", ""}}},
      {Role::FaceApi, "face-api.js networks", {{"face-api/face_recognition_model-weights_manifest.json", "face-api"}}},
      {Role::ArcFace, "ArcFace IR-SE50", {{"model_ir_se50.pth", "arcface-ir-se50"}}},
      {Role::Vgg, "VGG-16 (perceptual loss)", {{"vgg16-397923af.pth", "vgg16-imagenet"}}},
      {Role::Lpips, "LPIPS linear layers", {{"lpips_vgg_v0.1.pth", "lpips-vgg"}}},
      {Role::Clip, "CLIP ViT-B/32", {{"ViT-B-32.pt", "clip-vit-b32"}, {"clip/ViT-B-32.pt", "clip-vit-b32"}}},
      {Role::ClipVocab, "CLIP vocabulary",
       {{"bpe_simple_vocab_16e6.txt.gz", "clip-bpe-vocab"}, {"clip/bpe_simple_vocab_16e6.txt.gz", "clip-bpe-vocab"}}},
  };
  return roles;
}

const RoleInfo& role_info(Role role) {
  for (const auto& info : model_roles())
    if (info.role == role) return info;
  throw Error("unknown model role");
}

std::string manifest_id(const std::string& path) {
  const fs::path p(path);
  // Folders are named by themselves, face-api by its probe file's folder.
  const std::string name = p.filename().empty() ? p.parent_path().filename().string() : p.filename().string();
  for (const auto& info : model_roles())
    for (const auto& f : info.files)
      if (!f.id.empty() && (fs::path(f.file).filename() == name || fs::path(f.file).parent_path() == name)) return f.id;
  return name;
}

namespace {

// A folder of the authors' tnet_<k>.pth(.tar) files.
bool holds_transformers(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return false;
  const std::regex name(R"(tnet_\d{1,2}\.pth(\.tar)?)");
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (std::regex_match(entry.path().filename().string(), name)) return true;
  return false;
}

bool cancelled(const std::atomic<bool>* cancel) { return cancel && cancel->load(); }

// A model file or folder: as named when it exists, else the first match in the search path.
std::optional<std::string> find_path(const std::string& name) {
  if (auto file = find_model_file(name)) return file;
  std::error_code ec;
  if (fs::is_directory(name, ec)) return name;
  for (const auto& dir : model_search_paths())
    if (fs::is_directory(fs::path(dir) / name, ec)) return (fs::path(dir) / name).string();
  return std::nullopt;
}

// find_path, or facet::Error saying where Facet looked and how to fetch it.
std::string require_path(const std::string& name, const std::string& what) {
  if (auto found = find_path(name)) return *found;
  return require_model_file(name, what);  // throws with the search path in the message
}

std::string file_name(const std::string& path) { return fs::path(path).filename().string(); }

// A role's file as callers use it: face-api's is found by a probe file and named by its folder.
std::string role_path(Role role, const std::string& found) {
  return role == Role::FaceApi ? fs::path(found).parent_path().string() : found;
}

}  // namespace

std::string find_role_file(Role role) {
  for (const auto& f : role_info(role).files) {
    const auto found = find_path(f.file);
    if (!found) continue;
    if (role == Role::Transformers && !holds_transformers(*found)) continue;
    return role_path(role, *found);
  }
  return {};
}

std::string require_role_file(Role role, const std::string& given) {
  const RoleInfo& info = role_info(role);
  // face-api's loader names the file it misses inside a given folder better than a search could.
  if (!given.empty()) return role == Role::FaceApi ? given : require_path(given, info.what);
  if (std::string found = find_role_file(role); !found.empty()) return found;
  // Names the first file, the one models/fetch downloads.
  return role_path(role, require_model_file(info.files.front().file, info.what));
}

std::shared_ptr<nn::StyleGan2> load_generator(const std::string& path, const torch::Device& device, double lr_mlp) {
  nn::GeneratorLoadOptions options;
  options.device = device;
  options.lr_mlp = lr_mlp;
  return nn::StyleGan2::load(require_role_file(Role::Generator, path), options);
}

std::shared_ptr<nn::PspEncoder> load_encoder(const std::string& path, const torch::Device& device) {
  return std::make_shared<nn::PspEncoder>(nn::PspEncoder::load(require_role_file(Role::Encoder, path), device));
}

nn::LatentClassifier load_classifier(const std::string& path, const torch::Device& device) {
  auto classifier = nn::load_latent_classifier(require_role_file(Role::Classifier, path), device);
  classifier->eval();
  return classifier;
}

std::shared_ptr<edit::Editor> load_editor(const std::string& transformers_dir, const std::string& directions,
                                          const torch::Device& device, std::vector<std::string>* notes) {
  auto editor = std::make_shared<edit::Editor>();
  const auto note = [&](const std::string& text) {
    if (notes) notes->push_back(text);
  };
  if (!transformers_dir.empty()) {
    if (editor->load_folder(require_path(transformers_dir, "latent transformers folder"), device) == 0)
      throw Error(transformers_dir + ": no tnet_<k>.pth.tar file in this folder");
  } else {
    note("no latent transformers: attributes use linear directions (latent-transformer/)");
  }
  if (!directions.empty())
    editor->load_directions(require_model_file(directions, "linear directions"), device);
  else
    note("no linear directions: attributes without a transformer do not move "
         "(facet-cli train directions → latent_directions.pth)");
  return editor;
}

int load_transformer_file(edit::Editor& editor, const std::string& path, const torch::Device& device,
                          int fallback) {
  const std::string name = file_name(path);
  std::smatch match;
  const std::regex tnet(R"(tnet_(\d{1,2})\b.*)");
  const int attribute = std::regex_match(name, match, tnet) ? std::stoi(match[1].str()) : fallback;
  if (attribute < 0)
    throw Error(path + ": transformer files must be named tnet_<attribute index>.pth.tar");
  editor.set_transformer(attribute, nn::load_latent_transformer(require_model_file(path, "latent transformer"), device));
  return attribute;
}

std::shared_ptr<nn::FaceAnalyzer> load_face_analyzer(const std::string& dir, const torch::Device& device) {
  return std::make_shared<nn::FaceAnalyzer>(nn::FaceAnalyzer::load(require_role_file(Role::FaceApi, dir), device));
}

std::optional<nn::ArcFace> load_optional_arcface(const std::string& path, const torch::Device& device) {
  const std::string file = path.empty() ? find_role_file(Role::ArcFace) : require_role_file(Role::ArcFace, path);
  if (file.empty()) return std::nullopt;
  return nn::ArcFace::load(file, device);
}

std::shared_ptr<edit::IdentityLoss> load_identity_loss(const std::string& path, const torch::Device& device) {
  return edit::IdentityLoss::load(require_role_file(Role::ArcFace, path), device);
}

edit::ClipGuide load_clip(const std::string& model, const std::string& vocab, const torch::Device& device) {
  // The network first: a missing model is the message that matters, not its vocabulary.
  auto network = std::make_shared<nn::clip::ClipModel>(nn::clip::ClipModel::load(require_role_file(Role::Clip, model), device));
  auto tokenizer = std::make_shared<nn::clip::ClipTokenizer>(
      nn::clip::ClipTokenizer::load(require_role_file(Role::ClipVocab, vocab)));
  return edit::ClipGuide(std::move(network), std::move(tokenizer));
}

embed::PerceptualLoss load_perceptual(const std::string& mode, const torch::Device& device, std::string& note,
                                      const std::string& vgg_file, const std::string& lpips_file) {
  if (mode == "none") return {};
  if (mode != "auto" && mode != "lpips" && mode != "vgg")
    throw Error("the perceptual loss must be auto, lpips, vgg or none (got '" + mode + "')");
  const std::string vgg_name = role_info(Role::Vgg).files.front().file;
  const std::string lpips_name = role_info(Role::Lpips).files.front().file;
  std::string vgg = vgg_file.empty() ? find_role_file(Role::Vgg) : require_role_file(Role::Vgg, vgg_file);
  if (vgg.empty()) {
    if (mode != "auto") vgg = require_role_file(Role::Vgg);
    note = vgg_name + " not found: pixel loss only (run models/fetch for the perceptual loss)";
    return {};
  }
  if (mode == "vgg") return embed::PerceptualLoss(embed::load_vgg16(vgg, device));
  std::string lin = lpips_file.empty() ? find_role_file(Role::Lpips) : require_role_file(Role::Lpips, lpips_file);
  if (lin.empty()) {
    if (mode == "lpips") lin = require_role_file(Role::Lpips);
    note = lpips_name + " not found: Image2StyleGAN's VGG-16 feature loss instead of LPIPS";
    return embed::PerceptualLoss(embed::load_vgg16(vgg, device));
  }
  return embed::PerceptualLoss(embed::Lpips::load(vgg, lin, device));
}

ModelFiles find_model_files() {
  ModelFiles files;
  files.generator = find_role_file(Role::Generator);
  files.classifier = find_role_file(Role::Classifier);
  files.encoder = find_role_file(Role::Encoder);
  files.directions = find_role_file(Role::Directions);
  files.clip = find_role_file(Role::Clip);
  files.clip_vocab = find_role_file(Role::ClipVocab);
  files.face_api_dir = find_role_file(Role::FaceApi);
  files.transformers_dir = find_role_file(Role::Transformers);
  return files;
}

std::vector<std::string> model_ids(const ModelFiles& files) {
  std::vector<std::string> out;
  if (!files.generator.empty()) out.push_back(manifest_id(files.generator));
  if (!files.classifier.empty()) out.push_back(manifest_id(files.classifier));
  if (!files.transformers_dir.empty()) out.push_back("latent-transformers");  // whatever the folder is called
  if (!files.face_api_dir.empty()) out.push_back("face-api");
  if (!files.encoder.empty()) out.push_back(manifest_id(files.encoder));
  return out;
}

std::shared_ptr<ModelSet> load_model_set(const ModelFiles& files, const LoadProgress& progress,
                                         const std::atomic<bool>* cancel) {
  const auto say = [&](const std::string& what) {
    if (progress) progress(what);
  };
  if (files.generator.empty())
    throw Error("no StyleGAN2 generator found (stylegan2-ffhq-config-f.pt or psp_ffhq_encode.pt); open Tools ▸ "
                "Models to see where Facet looks, or run models/fetch");
  auto set = std::make_shared<ModelSet>();
  set->files = files;
  set->device = choose_device(files.device);
  torch::NoGradGuard no_grad;

  say("generator " + file_name(files.generator));
  set->generator = load_generator(files.generator, set->device);
  if (cancelled(cancel)) return nullptr;

  if (!files.classifier.empty()) {
    say("classifier " + file_name(files.classifier));
    set->classifier = load_classifier(files.classifier, set->device);
  } else {
    set->notes.push_back("no latent classifier: probabilities are not shown (latent_classifier_epoch_20.pth)");
  }
  if (cancelled(cancel)) return nullptr;

  if (!files.transformers_dir.empty()) say("latent transformers in " + files.transformers_dir);
  if (!files.directions.empty()) say("linear directions " + file_name(files.directions));
  set->editor = load_editor(files.transformers_dir, files.directions, set->device, &set->notes);
  if (cancelled(cancel)) return nullptr;

  // The generator is what editing needs; a broken optional model is a note, not a reason to edit nothing.
  if (!files.face_api_dir.empty()) {
    say("face analysis " + files.face_api_dir);
    try {
      set->analyzer = load_face_analyzer(files.face_api_dir, set->device);
    } catch (const std::exception& e) {
      set->notes.push_back(std::string("face analysis is off: ") + e.what());
    }
  } else {
    set->notes.push_back("no face-api models: identity, age, gender and expression are not read (face-api/)");
  }
  if (cancelled(cancel)) return nullptr;

  if (!files.encoder.empty()) {
    say("encoder " + file_name(files.encoder));
    try {
      set->encoder = load_encoder(files.encoder, set->device);
    } catch (const std::exception& e) {
      set->notes.push_back(std::string("no encoder for photos: ") + e.what() +
                           " (photos need e4e_ffhq_encode.pt or psp_ffhq_encode.pt, or refinement steps)");
    }
  }
  return set;
}

}  // namespace facet::models
