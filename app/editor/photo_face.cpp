#include "app/editor/photo_face.h"

#include <QFileInfo>
#include <opencv2/imgproc.hpp>

#include "core/pipeline/photo_pipeline.h"
#include "core/video/photo_paste.h"

namespace facet::app {

QImage matToImage(const cv::Mat& bgr) {
  cv::Mat rgb;
  cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
  return QImage(rgb.data, rgb.cols, rgb.rows, static_cast<int>(rgb.step), QImage::Format_RGB888).copy();
}

cv::Mat imageToMat(const QImage& image) {
  const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
  cv::Mat wrapped(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar*>(rgb.constBits()), rgb.bytesPerLine());
  cv::Mat bgr;
  cv::cvtColor(wrapped, bgr, cv::COLOR_RGB2BGR);
  return bgr;
}

std::shared_ptr<const PhotoFace> makePhotoFace(const QString& path, const QString& sha256, int faceIndex,
                                               const cv::Mat& photo, const face::AlignedFace& aligned) {
  auto face = std::make_shared<PhotoFace>();
  face->path = QFileInfo(path).absoluteFilePath();
  face->sha256 = sha256;
  face->faceIndex = faceIndex;
  face->photo = matToImage(photo);
  face->aligned = matToImage(aligned.image);
  const cv::Mat photoCopy = photo.clone();
  const auto alignedCopy = std::make_shared<const face::AlignedFace>(aligned);
  face->paste = [photoCopy, alignedCopy](const QImage& generated) {
    return generated.isNull() ? QImage() : matToImage(pipeline::paste(photoCopy, *alignedCopy, imageToMat(generated)));
  };
  face->videoPaste = std::make_shared<const video::PhotoPaste>(video::make_photo_paste(photoCopy, aligned));
  return face;
}

}  // namespace facet::app
