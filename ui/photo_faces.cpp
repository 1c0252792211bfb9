#include "ui/photo_faces.h"

#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include "core/face/photo.h"
#include "core/face/tensor_image.h"
#include "core/io/error.h"

namespace facet::ui {

PhotoFaces findPhotoFaces(const std::string& path) {
  PhotoFaces out;
  out.photo = face::read_photo(path);
  out.faces = face::FaceFinder::create().find(out.photo);
  return out;
}

EmbeddedFace embedFace(const app::EditorModels& models, const cv::Mat& photo, const face::Face& chosen,
                       const std::atomic<bool>& cancel) {
  EmbeddedFace out;
  out.aligned = face::align_ffhq(photo, chosen.landmarks, 1024);
  if (cancel) return out;
  if (!models.encoder)
    throw Error("the face is aligned, but no encoder is installed to turn it into a W+ code: get e4e_ffhq_encode.pt "
                "or psp_ffhq_encode.pt (Tools ▸ Models)");
  torch::InferenceMode guard;
  cv::Mat small;
  cv::resize(out.aligned.image, small, cv::Size(256, 256), 0, 0, cv::INTER_AREA);  // the encoders' input size
  torch::Tensor w = models.encoder->encode(face::bgr_to_tensor(small, models.device));
  const auto& g = *models.generator;
  if (w.size(1) != g.n_latent() || w.size(2) != g.style_dim())
    throw Error("the encoder's codes do not fit the generator (" + std::to_string(w.size(1)) + "×" +
                std::to_string(w.size(2)) + " against " + std::to_string(g.n_latent()) + "×" +
                std::to_string(g.style_dim()) + ")");
  out.wplus = w.to(torch::kCPU).contiguous();
  return out;
}

}  // namespace facet::ui
