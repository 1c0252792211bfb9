#include "core/video/photo_paste.h"

#include <memory>

#include "core/face/photo.h"
#include "core/io/error.h"
#include "core/pipeline/photo_pipeline.h"

namespace facet::video {

PhotoPaste make_photo_paste(const cv::Mat& photo, const face::AlignedFace& aligned) {
  if (photo.empty()) throw Error("paste into the photo: the photo is empty");
  PhotoPaste target;
  target.photo = crop_to_even(photo).clone();
  // Both captured by value: the render runs on another thread while the editor may open another photo.
  auto face = std::make_shared<const face::AlignedFace>(aligned);
  const cv::Mat base = target.photo;
  target.paste = [base, face](const cv::Mat& generated) { return pipeline::paste(base, *face, generated); };
  return target;
}

PhotoPaste photo_paste_from_file(const std::string& path, int face_index, int size) {
  const pipeline::PhotoFaces found = pipeline::find_faces(crop_to_even(face::read_photo(path)).clone());
  return make_photo_paste(found.photo,
                          pipeline::align_face(found.photo, pipeline::choose_face(found.faces, face_index, path), size));
}

}  // namespace facet::video
