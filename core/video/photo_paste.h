#pragma once
// Timeline frames pasted into a still photo ("Pasted into the photo" in the GUI, render-timeline --paste): the
// photo, cropped to even sides for the video codecs (cropping at the right/bottom edge keeps the alignment's
// coordinates valid), and a function that pastes a generated face back through the photo's face alignment with
// core/face's compositor. The struct names no core/face type, so the timeline renderer carries it without
// depending on faces.
#include <functional>
#include <string>

#include <opencv2/core.hpp>

namespace facet::face {
struct AlignedFace;
}

namespace facet::video {

struct PhotoPaste {
  cv::Mat photo;                                           // BGR, even width and height
  std::function<cv::Mat(const cv::Mat& generated)> paste;  // any square BGR face → the photo with it pasted in
  cv::Size size() const { return photo.size(); }
  bool valid() const { return !photo.empty() && static_cast<bool>(paste); }
};

cv::Mat crop_to_even(const cv::Mat& image);  // drops the last column/row when odd (a view, not a copy)

// `aligned` is the face's FFHQ alignment in `photo` (any output size).
PhotoPaste make_photo_paste(const cv::Mat& photo, const face::AlignedFace& aligned);
// Reads `path`, finds its faces and aligns face `face_index` (largest first) at `size`, the generator's, as the
// photo flow does (core/pipeline). facet::Error when the photo cannot be read or has no such face.
PhotoPaste photo_paste_from_file(const std::string& path, int face_index, int size);

}  // namespace facet::video
