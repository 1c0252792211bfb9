#pragma once
// Timeline frames pasted into a still photo ("Pasted into the photo" in the GUI, render-timeline --paste): the
// photo, cropped to even sides for the video codecs (cropping at the right/bottom edge keeps the alignment's
// coordinates valid), and a function that pastes a generated face back through the photo's face alignment with
// core/face's compositor. The struct is face-free so the GUI and the renderer can carry it in any build; making one
// needs core/face (FACET_VIDEO_HAS_FACE).
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

#ifdef FACET_VIDEO_HAS_FACE
// `aligned` is the face's FFHQ alignment in `photo` (any output size).
PhotoPaste make_photo_paste(const cv::Mat& photo, const face::AlignedFace& aligned);
// Reads `path`, finds its faces with dlib and aligns face `face_index` (largest first). facet::Error when the photo
// cannot be read or has no such face.
PhotoPaste photo_paste_from_file(const std::string& path, int face_index);
#endif

}  // namespace facet::video
