#include "core/video/face_ops.h"

#include <limits>
#include <memory>

#include "core/face/compositor.h"
#include "core/face/face_finder.h"
#include "core/face/ffhq_align.h"

namespace facet::video {

FaceOps make_face_ops(const std::string& predictor, const std::string& blend) {
  auto finder = std::make_shared<face::FaceFinder>(face::FaceFinder::create(predictor));
  face::CompositeOptions composite;
  composite.mode = face::parse_composite_mode(blend);
  FaceOps ops;
  ops.detect = [finder](const cv::Mat& bgr, const Points* previous) -> std::optional<Points> {
    const std::vector<face::Face> faces = finder->find(bgr);
    if (faces.empty()) return std::nullopt;
    if (!previous || previous->empty() || faces.size() == 1) return faces.front().landmarks;  // largest
    // Several faces: follow the one whose box centre is nearest the last frame's landmarks.
    cv::Point2f centre(0, 0);
    for (const auto& p : *previous) centre += p;
    centre *= 1.0f / static_cast<float>(previous->size());
    size_t best = 0;
    double best_d = std::numeric_limits<double>::max();
    for (size_t i = 0; i < faces.size(); ++i) {
      const cv::Rect& b = faces[i].box;
      const double d = cv::norm(cv::Point2f(b.x + b.width * 0.5f, b.y + b.height * 0.5f) - centre);
      if (d < best_d) {
        best_d = d;
        best = i;
      }
    }
    return faces[best].landmarks;
  };
  ops.quad_of = [](const Points& landmarks) { return face::ffhq_quad(landmarks); };
  ops.align = [](const cv::Mat& frame, const Quad& quad, int size) {
    auto aligned = std::make_shared<face::AlignedFace>(face::align_quad(frame, quad, size));
    return AlignedCrop{aligned->image, aligned};
  };
  ops.paste = [composite](const cv::Mat& frame, const cv::Mat& generated, const AlignedCrop& crop,
                          const Points& landmarks) {
    face::AlignedFace aligned = *static_cast<const face::AlignedFace*>(crop.context.get());
    aligned.landmarks = face::transform_points(aligned.photo_to_aligned(), landmarks);  // the mask follows them
    return face::paste_back(frame, generated, aligned, composite);
  };
  return ops;
}

}  // namespace facet::video
