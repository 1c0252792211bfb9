#pragma once
// The editor's models: which files it uses (found through core/models/model_paths.h or given explicitly) and the
// loaded networks, all on one device. Loading is slow (seconds to minutes): call load_editor_models off the GUI
// thread. Only the generator is required; a missing classifier, transformer folder, face-api folder or encoder
// leaves that feature off and adds a note that says how to get it.
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <torch/types.h>

#include "core/edit/edit_stack.h"
#include "core/nn/encoders/psp_encoder.h"
#include "core/nn/faceapi/face_analyzer.h"
#include "core/nn/latent/latent_classifier.h"
#include "core/nn/stylegan2/generator.h"

namespace facet::app {

struct EditorModelFiles {
  std::string generator;        // rosinality .pt or pSp/e4e checkpoint (its decoder); "" = none found
  std::string classifier;       // latent_classifier_epoch_20.pth
  std::string transformers_dir; // folder of tnet_<k>.pth.tar
  std::string directions;       // linear directions (facet-cli train directions): the fallback per attribute
  std::string face_api_dir;     // face-api.js weights (identity, age/gender, expression)
  std::string encoder;          // psp_ffhq_encode.pt / e4e_ffhq_encode.pt (photo embedding)
  std::string clip;             // ViT-B-32.pt, CLIP TorchScript (text edits); loaded only when a text edit needs it
  std::string clip_vocab;       // bpe_simple_vocab_16e6.txt.gz (CLIP's tokenizer)
  std::string device = "auto";  // core/models/device.h preference
};

// Looks every model up in the model search path (FACET_MODELS, the XDG folder, the install prefix, the repo).
EditorModelFiles find_editor_model_files();

struct EditorModels {
  torch::Device device = torch::kCPU;
  EditorModelFiles files;
  std::shared_ptr<nn::StyleGan2> generator;         // never null once loaded
  nn::LatentClassifier classifier{nullptr};         // null when absent
  std::shared_ptr<edit::Editor> editor;             // never null; may hold no transformer
  std::shared_ptr<nn::FaceAnalyzer> analyzer;       // null when absent
  std::shared_ptr<nn::PspEncoder> encoder;          // null when absent
  std::vector<std::string> notes;                   // what is missing and how to get it, for the status bar
};

using LoadProgress = std::function<void(const std::string& what)>;

// Loads what `files` names. Throws facet::Error when the generator is missing or unreadable (the other models
// are optional and only add notes); returns null when `cancel` turns true between models.
std::shared_ptr<EditorModels> load_editor_models(const EditorModelFiles& files, const LoadProgress& progress = {},
                                                 const std::atomic<bool>* cancel = nullptr);

// The model ids (models/manifest.json) behind the loaded files, for sessions: "stylegan2-ffhq-1024", … or the
// file name when the file is not one of the manifest's.
std::vector<std::string> model_ids(const EditorModelFiles& files);

}  // namespace facet::app
