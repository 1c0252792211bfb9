#include "ui/photo_refinement.h"

#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include "core/embed/lpips.h"
#include "core/embed/vgg16_features.h"
#include "core/face/tensor_image.h"
#include "core/io/error.h"
#include "core/models/model_paths.h"

namespace facet::ui {

namespace {
constexpr const char* kVggFile = "vgg16-397923af.pth";   // models/manifest.json: vgg16-imagenet
constexpr const char* kLpipsFile = "lpips_vgg_v0.1.pth";  // models/manifest.json: lpips-vgg
}  // namespace

embed::PerceptualLoss loadRefinementPerceptual(const torch::Device& device) {
  const auto vgg = models::find_model_file(kVggFile);
  if (!vgg)
    throw Error(std::string("refinement needs the perceptual model ") + kVggFile +
                " (VGG-16, about 530 MB): get it in Tools ▸ Models, or turn refinement off");
  if (const auto lin = models::find_model_file(kLpipsFile)) return embed::PerceptualLoss(embed::Lpips::load(*vgg, *lin, device));
  return embed::PerceptualLoss(embed::load_vgg16(*vgg, device));
}

RefinedFace refineFace(const app::EditorModels& models, const embed::PerceptualLoss& perceptual,
                       const cv::Mat& aligned, const torch::Tensor& start, int steps,
                       const embed::EmbedCallback& progress, const std::atomic<bool>& cancel) {
  if (aligned.empty() || aligned.type() != CV_8UC3) throw Error("refinement: no aligned face to refine");
  const int size = static_cast<int>(models.generator->size());
  cv::Mat target;
  cv::resize(aligned, target, cv::Size(size, size), 0, 0, aligned.cols > size ? cv::INTER_AREA : cv::INTER_LINEAR);
  embed::EmbedOptions options;
  options.steps = std::max(0, steps);
  options.keep_best = true;
  if (start.defined()) options.start = start;
  const embed::Image2StyleGan embedder(models.generator, perceptual);
  const embed::EmbedResult result =
      embedder.embed(face::bgr_to_tensor(target, models.device), options, progress, &cancel);
  RefinedFace out;
  out.wplus = result.wplus.contiguous();
  out.steps_done = result.steps_done;
  out.cancelled = result.cancelled;
  out.psnr = result.final_psnr;
  return out;
}

}  // namespace facet::ui
