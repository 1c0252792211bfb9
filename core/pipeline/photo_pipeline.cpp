#include "core/pipeline/photo_pipeline.h"

#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include "core/face/photo.h"
#include "core/face/tensor_image.h"
#include "core/io/error.h"

namespace facet::pipeline {

namespace {

bool is_set(const std::atomic<bool>* flag) { return flag && flag->load(); }

// Area-averaged when shrinking, cubic when enlarging; the same crop in, the same pixels out.
cv::Mat resized(const cv::Mat& image, int size) {
  if (image.cols == size && image.rows == size) return image;
  cv::Mat out;
  const bool shrink = image.cols >= size && image.rows >= size;
  cv::resize(image, out, cv::Size(size, size), 0, 0, shrink ? cv::INTER_AREA : cv::INTER_CUBIC);
  return out;
}

torch::Tensor encode(const nn::PspEncoder& encoder, const torch::Tensor& input, const nn::StyleGan2& generator) {
  torch::InferenceMode guard;
  torch::Tensor w = encoder.encode(input);
  if (w.size(1) != generator.n_latent() || w.size(2) != generator.style_dim())
    throw Error("the encoder's codes (" + std::to_string(w.size(1)) + "×" + std::to_string(w.size(2)) +
                ") do not fit the generator (" + std::to_string(generator.n_latent()) + "×" +
                std::to_string(generator.style_dim()) + "); use an encoder made for this generator");
  return w.to(torch::kCPU).clone();
}

// The shared tail of both embeds: the encoder's code (when there is an encoder) refined against `target`.
void embed_from(EmbeddedFace& out, const std::function<torch::Tensor()>& encoder_input_of,
                const torch::Tensor& target, const EmbedModels& models, const EmbedSettings& settings,
                const EmbedControl& control) {
  if (!models.generator) throw Error("no generator loaded");
  if (!models.encoder && settings.refine_steps <= 0 && !settings.measure_fit)
    throw Error("the face is aligned, but no encoder is installed to turn it into a W+ code: get "
                "e4e_ffhq_encode.pt or psp_ffhq_encode.pt (models/fetch), or refine from the average face");
  torch::Tensor start;
  if (models.encoder) {
    start = encode(*models.encoder, encoder_input_of(), *models.generator);
    out.encoded = true;
  }
  if (is_set(control.cancel)) {
    out.cancelled = true;
    return;
  }
  if (settings.refine_steps > 0 || settings.measure_fit) {
    embed::EmbedOptions options = settings.refine;
    options.steps = settings.refine_steps;
    options.start = start;
    if (control.refinement_started) control.refinement_started();
    const embed::Image2StyleGan embedder(models.generator, models.perceptual);
    out.refined = embedder.embed(target, options, control.progress, control.stop_refinement);
    out.wplus = out.refined.wplus.contiguous();
  } else {
    out.wplus = start;
  }
  if (is_set(control.cancel)) {
    out.cancelled = true;
    out.wplus = torch::Tensor();
  }
}

}  // namespace

PhotoFaces find_faces(const std::string& path, const std::string& predictor) {
  return find_faces(face::read_photo(path), predictor);
}

PhotoFaces find_faces(const cv::Mat& photo, const std::string& predictor) {
  PhotoFaces out;
  out.photo = photo;
  out.faces = face::FaceFinder::create(predictor).find(photo);
  return out;
}

const face::Face& choose_face(const std::vector<face::Face>& faces, int index, const std::string& source) {
  if (faces.empty())
    throw Error(source + ": no face found (Facet looks for upright, roughly frontal faces at least about 40 px wide)");
  if (index < 0 || static_cast<size_t>(index) >= faces.size())
    throw Error(source + ": face " + std::to_string(index) + " asked, but " + std::to_string(faces.size()) +
                " face(s) were found (0 is the largest)");
  return faces[static_cast<size_t>(index)];
}

face::AlignedFace align_face(const cv::Mat& photo, const face::Face& face, int size,
                             const face::AlignOptions& options) {
  return face::align_ffhq(photo, face.landmarks, size, options);
}

torch::Tensor encoder_input(const cv::Mat& photo, const face::Face& face, const face::AlignedFace& aligned,
                            int size, const torch::Device& device) {
  if (aligned.image.cols >= size) return face::bgr_to_tensor(resized(aligned.image, size), device);
  return face::bgr_to_tensor(align_face(photo, face, size).image, device);
}

torch::Tensor generator_target(const cv::Mat& aligned, int64_t size, const torch::Device& device) {
  if (aligned.empty() || aligned.type() != CV_8UC3) throw Error("no aligned face to embed");
  return face::bgr_to_tensor(resized(aligned, static_cast<int>(size)), device);
}

EmbeddedFace embed_face(const cv::Mat& photo, const face::Face& face, const EmbedModels& models,
                        const EmbedSettings& settings, const EmbedControl& control) {
  if (!models.generator) throw Error("no generator loaded");
  EmbeddedFace out;
  out.aligned = align_face(photo, face, static_cast<int>(models.generator->size()));
  if (is_set(control.cancel)) {
    out.cancelled = true;
    return out;
  }
  const torch::Device device = models.generator->device();
  const auto input = [&] { return encoder_input(photo, face, out.aligned, settings.encoder_size, device); };
  const torch::Tensor target = settings.refine_steps > 0 || settings.measure_fit
                                   ? generator_target(out.aligned.image, models.generator->size(), device)
                                   : torch::Tensor();
  embed_from(out, input, target, models, settings, control);
  return out;
}

EmbeddedFace embed_aligned(const cv::Mat& aligned, const EmbedModels& models, const EmbedSettings& settings,
                           const EmbedControl& control) {
  if (!models.generator) throw Error("no generator loaded");
  if (aligned.empty() || aligned.type() != CV_8UC3) throw Error("no aligned face to embed");
  EmbeddedFace out;
  out.aligned.image = aligned;
  out.aligned.output_size = aligned.cols;
  const torch::Device device = models.generator->device();
  const auto input = [&] { return face::bgr_to_tensor(resized(aligned, settings.encoder_size), device); };
  const torch::Tensor target = settings.refine_steps > 0 || settings.measure_fit
                                   ? generator_target(aligned, models.generator->size(), device)
                                   : torch::Tensor();
  embed_from(out, input, target, models, settings, control);
  return out;
}

cv::Mat paste(const cv::Mat& photo, const face::AlignedFace& aligned, const cv::Mat& generated,
              const face::CompositeOptions& options) {
  return face::paste_back(photo, generated, aligned, options);
}

}  // namespace facet::pipeline
