#pragma once
// The one place that knows Facet's models: which file fills which role (with its models/manifest.json id), where
// it is found, and how each role is loaded. The CLI's flags, the editor, the timeline and video tools all load
// networks through these functions, so a file that loads in one loads the same way in all of them.
//
// A path given by the user wins; an empty one means "look it up in the model search path" (model_paths.h).
// Loaders throw facet::Error naming the file and how to get it.
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <torch/types.h>

#include "core/edit/clip_guidance.h"
#include "core/edit/edit_stack.h"
#include "core/embed/perceptual_loss.h"
#include "core/models/model_paths.h"
#include "core/nn/encoders/arcface.h"
#include "core/nn/encoders/psp_encoder.h"
#include "core/nn/faceapi/face_analyzer.h"
#include "core/nn/latent/latent_classifier.h"
#include "core/nn/stylegan2/generator.h"

namespace facet::models {

enum class Role { Generator, Encoder, Classifier, Transformers, Directions, FaceApi, ArcFace, Vgg, Lpips, Clip, ClipVocab };

struct RoleFile {
  std::string file;  // looked up in the model search path (a folder for Transformers and FaceApi's probe file)
  std::string id;    // models/manifest.json id; "" for files the manifest does not list
};

struct RoleInfo {
  Role role;
  std::string what;             // "StyleGAN2 generator", for messages
  std::vector<RoleFile> files;  // in order of preference
};

// Every role with its files. A pSp/e4e checkpoint fills both Encoder and Generator (its decoder is the generator).
const std::vector<RoleInfo>& model_roles();
const RoleInfo& role_info(Role role);
// The manifest id of a model file or folder ("stylegan2-ffhq-1024"), or its file name when the manifest has none.
std::string manifest_id(const std::string& path);

// The first file of the role found in the search path; "" when none is installed.
std::string find_role_file(Role role);
// `given` when not empty (it must exist), else the role's first installed file; facet::Error saying where Facet
// looked and how to fetch the file otherwise.
std::string require_role_file(Role role, const std::string& given = "");

// One loader per role.
std::shared_ptr<nn::StyleGan2> load_generator(const std::string& path, const torch::Device& device,
                                              double lr_mlp = 0.01);
std::shared_ptr<nn::PspEncoder> load_encoder(const std::string& path, const torch::Device& device);
nn::LatentClassifier load_classifier(const std::string& path, const torch::Device& device);
// Transformers from a folder of tnet_<k>.pth.tar and the linear directions that stand in for attributes without
// one; either may be empty. `notes` (optional) gets what is missing; a folder without tnet files is an error.
std::shared_ptr<edit::Editor> load_editor(const std::string& transformers_dir, const std::string& directions,
                                          const torch::Device& device, std::vector<std::string>* notes = nullptr);
// One tnet_<k>.pth.tar into `editor` for attribute k (the authors' naming); a file named otherwise takes
// `fallback` (facet::Error when that is negative). Returns the attribute index.
int load_transformer_file(edit::Editor& editor, const std::string& path, const torch::Device& device,
                          int fallback = -1);
std::shared_ptr<nn::FaceAnalyzer> load_face_analyzer(const std::string& dir, const torch::Device& device);
// ArcFace from `path`, or model_ir_se50.pth from the search path; nullopt when `path` is empty and none is installed.
std::optional<nn::ArcFace> load_optional_arcface(const std::string& path, const torch::Device& device);
std::shared_ptr<edit::IdentityLoss> load_identity_loss(const std::string& path, const torch::Device& device);
edit::ClipGuide load_clip(const std::string& model, const std::string& vocab, const torch::Device& device);

// The perceptual loss of embedding and refinement. mode: "auto" (LPIPS when its files are found, else VGG-16
// features, else none), "lpips", "vgg" or "none"; `vgg`/`lpips` override the search. In auto mode a missing file
// lowers the loss one step and says so in `note`.
embed::PerceptualLoss load_perceptual(const std::string& mode, const torch::Device& device, std::string& note,
                                      const std::string& vgg = "", const std::string& lpips = "");

// The set of files the editor uses, found in the search path or given.
struct ModelFiles {
  std::string generator;         // rosinality .pt or pSp/e4e checkpoint (its decoder); "" = none found
  std::string classifier;        // latent_classifier_epoch_20.pth
  std::string transformers_dir;  // folder of tnet_<k>.pth.tar
  std::string directions;        // linear directions (facet-cli train directions): the fallback per attribute
  std::string face_api_dir;      // face-api.js weights (identity, age/gender, expression)
  std::string encoder;           // psp_ffhq_encode.pt / e4e_ffhq_encode.pt (photo embedding)
  std::string clip;              // ViT-B-32.pt, CLIP TorchScript (text edits); loaded only when a text edit needs it
  std::string clip_vocab;        // bpe_simple_vocab_16e6.txt.gz (CLIP's tokenizer)
  std::string device = "auto";   // device.h preference
};
ModelFiles find_model_files();
// The manifest ids behind the files, for sessions.
std::vector<std::string> model_ids(const ModelFiles& files);

// The loaded set, all on one device.
struct ModelSet {
  torch::Device device = torch::kCPU;
  ModelFiles files;
  std::shared_ptr<nn::StyleGan2> generator;      // never null once loaded
  nn::LatentClassifier classifier{nullptr};      // null when absent
  std::shared_ptr<edit::Editor> editor;          // never null; may hold no transformer
  std::shared_ptr<nn::FaceAnalyzer> analyzer;    // null when absent
  std::shared_ptr<nn::PspEncoder> encoder;       // null when absent
  std::vector<std::string> notes;                // what is missing and how to get it
};

using LoadProgress = std::function<void(const std::string& what)>;

// Loads what `files` names (slow: call it off any interactive thread). Throws facet::Error when the generator is
// missing or unreadable (the other models are optional and only add notes); returns null when `cancel` turns
// true between models.
std::shared_ptr<ModelSet> load_model_set(const ModelFiles& files, const LoadProgress& progress = {},
                                         const std::atomic<bool>* cancel = nullptr);

}  // namespace facet::models
