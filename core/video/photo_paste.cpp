#include "core/video/photo_paste.h"

#include <memory>

#include "core/face/compositor.h"
#include "core/face/face_finder.h"
#include "core/face/ffhq_align.h"
#include "core/face/photo.h"
#include "core/io/error.h"

namespace facet::video {

PhotoPaste make_photo_paste(const cv::Mat& photo, const face::AlignedFace& aligned) {
  if (photo.empty()) throw Error("paste into the photo: the photo is empty");
  PhotoPaste target;
  target.photo = crop_to_even(photo).clone();
  // Both captured by value: the render runs on another thread while the editor may open another photo.
  auto face = std::make_shared<const face::AlignedFace>(aligned);
  const cv::Mat base = target.photo;
  target.paste = [base, face](const cv::Mat& generated) { return face::paste_back(base, generated, *face); };
  return target;
}

PhotoPaste photo_paste_from_file(const std::string& path, int face_index) {
  const cv::Mat photo = crop_to_even(face::read_photo(path)).clone();
  const auto faces = face::FaceFinder::create().find(photo);
  if (face_index < 0 || face_index >= static_cast<int>(faces.size()))
    throw Error(path + ": face " + std::to_string(face_index) + " not found (" + std::to_string(faces.size()) +
                " faces detected)");
  return make_photo_paste(photo, face::align_ffhq(photo, faces[static_cast<size_t>(face_index)].landmarks, 1024));
}

}  // namespace facet::video
