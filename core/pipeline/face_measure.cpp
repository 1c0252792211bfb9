#include "core/pipeline/face_measure.h"

#include <torch/torch.h>

#include "core/pipeline/photo_pipeline.h"
#include "core/face/tensor_image.h"
#include "core/nn/faceapi/ffhq_face_crop.h"

namespace facet::pipeline {

MeasuredFace measure_face(const cv::Mat& photo, const face::Face& f, const nn::FaceAnalyzer& analyzer,
                          const nn::ArcFace* arcface) {
  MeasuredFace m;
  m.face = f;
  // 256² is the size pSp's ArcFace crop expects and more than face-api's 150² input needs.
  m.aligned = face::bgr_to_tensor(align_face(photo, f, 256).image);
  m.analysis = analyzer.analyze(nn::faceapi::ffhq_face_crop(m.aligned));
  if (arcface) {
    torch::NoGradGuard no_grad;
    m.arcface = arcface->features(m.aligned)[0].cpu();
  }
  return m;
}

}  // namespace facet::pipeline
