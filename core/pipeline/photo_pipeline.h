#pragma once
// The photo flow every client runs — the editor, facet-cli align/embed/apply, timelines pasted into a photo and
// video — so the same photo and models give the same W+ and the same pixels everywhere:
//   find_faces → align_face (at the generator's size) → embed (the encoder on its own input size, then optional
//   Image2StyleGAN refinement) → edit::render_edit → paste.
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <torch/types.h>

#include "core/embed/image2stylegan.h"
#include "core/embed/perceptual_loss.h"
#include "core/face/compositor.h"
#include "core/face/face_finder.h"
#include "core/face/ffhq_align.h"
#include "core/nn/encoders/psp_encoder.h"
#include "core/nn/stylegan2/generator.h"

namespace facet::pipeline {

// The released pSp/e4e encoders take 256² FFHQ-aligned faces.
inline constexpr int kEncoderInputSize = 256;

struct PhotoFaces {
  cv::Mat photo;                 // upright 8-bit BGR (core/face/photo.h)
  std::vector<face::Face> faces; // largest first
};

// Reads a photo and finds its faces (none → empty). predictor: "" = the default dlib model.
PhotoFaces find_faces(const std::string& path, const std::string& predictor = "");
PhotoFaces find_faces(const cv::Mat& photo, const std::string& predictor = "");
// Face `index` (0 = the largest); facet::Error naming `source` when there is no face or no such face.
const face::Face& choose_face(const std::vector<face::Face>& faces, int index, const std::string& source);

// FFHQ alignment of one face at `size` (the generator's output size for rendering and pasting back).
face::AlignedFace align_face(const cv::Mat& photo, const face::Face& face, int size,
                             const face::AlignOptions& options = {});

// The encoder's input from an aligned face: area-averaged when the crop is larger than `size`; a smaller crop is
// aligned again from the photo at `size` rather than enlarged (a 64² generator still gets a sharp 256² input).
// RGB [1, 3, size, size] in [-1, 1].
torch::Tensor encoder_input(const cv::Mat& photo, const face::Face& face, const face::AlignedFace& aligned,
                            int size, const torch::Device& device);
// The target of refinement: the aligned crop at the generator's size, RGB [1, 3, S, S] in [-1, 1].
torch::Tensor generator_target(const cv::Mat& aligned, int64_t size, const torch::Device& device);

struct EmbedModels {
  std::shared_ptr<nn::StyleGan2> generator;       // required (refinement borrows its noise buffers)
  std::shared_ptr<const nn::PspEncoder> encoder;  // optional: without it the code starts from latent_avg
  embed::PerceptualLoss perceptual;               // refinement's perceptual term; empty = pixel loss only
};

struct EmbedSettings {
  int refine_steps = 0;        // Image2StyleGAN steps after the encoder (0: encoder only)
  embed::EmbedOptions refine;  // lr, λs, noise, keep_best… (steps and start are set by the pipeline)
  int encoder_size = kEncoderInputSize;
  bool measure_fit = false;    // without refinement steps, still render the code and report its fit (PSNR)
};

struct EmbedControl {
  embed::EmbedCallback progress;                       // each refinement step
  std::function<void()> refinement_started;            // before the first step
  const std::atomic<bool>* cancel = nullptr;           // checked between phases: the result is then dropped
  const std::atomic<bool>* stop_refinement = nullptr;  // ends refinement early; its best code so far is kept
};

struct EmbeddedFace {
  face::AlignedFace aligned;  // at the generator's size (for embed_aligned: the given crop)
  torch::Tensor wplus;        // [1, n_latent, style_dim] on the CPU; undefined when cancelled
  bool encoded = false;       // the encoder gave the start (else latent_avg)
  embed::EmbedResult refined; // the refinement's report (steps_done 0 without one)
  bool cancelled = false;
};

// Aligns `face` of `photo` and embeds it. facet::Error when neither an encoder nor refinement steps (nor
// measure_fit, which then reports latent_avg) are given,
// or the encoder's codes do not fit the generator.
EmbeddedFace embed_face(const cv::Mat& photo, const face::Face& face, const EmbedModels& models,
                        const EmbedSettings& settings = {}, const EmbedControl& control = {});
// The same for an image that is already an aligned crop (facet-cli embed --aligned): it is the encoder's input
// and the refinement's target, resized.
EmbeddedFace embed_aligned(const cv::Mat& aligned, const EmbedModels& models, const EmbedSettings& settings = {},
                           const EmbedControl& control = {});

// A generated face (any square BGR size) pasted back into the photo through its alignment.
cv::Mat paste(const cv::Mat& photo, const face::AlignedFace& aligned, const cv::Mat& generated,
              const face::CompositeOptions& options = {});

}  // namespace facet::pipeline
