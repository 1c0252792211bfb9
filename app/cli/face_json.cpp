#include "app/cli/face_json.h"

#include <filesystem>

#include "core/io/error.h"

namespace facet::cli {
namespace {
nlohmann::json point(const cv::Point2f& p) { return {p.x, p.y}; }
nlohmann::json matrix(const cv::Matx33d& m) {
  return {{m(0, 0), m(0, 1), m(0, 2)}, {m(1, 0), m(1, 1), m(1, 2)}, {m(2, 0), m(2, 1), m(2, 2)}};
}
}  // namespace

nlohmann::json face_to_json(const face::Face& f) {
  nlohmann::json lm = nlohmann::json::array();
  for (const auto& p : f.landmarks) lm.push_back(point(p));
  return {{"box", {f.box.x, f.box.y, f.box.width, f.box.height}}, {"score", f.score}, {"landmarks", lm}};
}

nlohmann::json alignment_to_json(const face::AlignedFace& a) {
  nlohmann::json quad = nlohmann::json::array();
  for (const auto& p : a.quad) quad.push_back(point(p));
  nlohmann::json lm = nlohmann::json::array();
  for (const auto& p : a.landmarks) lm.push_back(point(p));
  return {{"size", a.output_size},
          {"transform_size", a.transform_size},
          {"quad", quad},
          {"quad_size", a.quad_size},
          {"shrink", a.shrink},
          {"crop", {a.crop.x, a.crop.y, a.crop.x + a.crop.width, a.crop.y + a.crop.height}},
          {"pad", {a.pad[0], a.pad[1], a.pad[2], a.pad[3]}},
          {"aligned_to_photo", matrix(a.aligned_to_photo)},
          {"photo_to_aligned", matrix(a.photo_to_aligned())},
          {"aligned_landmarks", lm}};
}

void check_not_input(const std::string& out, const std::string& input) {
  std::error_code ec;
  if (std::filesystem::equivalent(out, input, ec) || out == input)
    throw Error(out + ": refusing to overwrite the input photo; choose another --out");
}

}  // namespace facet::cli
