#pragma once
// A face of a photo that the editor edits: where it came from (for sessions) and how a render goes back into the
// photo. Made by the photo flow from core/pipeline's alignment (VISION builds); the functions hold their own copies
// of the photo, so they run on any thread and outlive the photo being closed.
#include <functional>
#include <memory>

#include <QImage>
#include <QString>

namespace facet::face {
struct AlignedFace;
}
namespace facet::video {
struct PhotoPaste;
}
namespace cv {
class Mat;
}

namespace facet::app {

struct PhotoFace {
  QString path;       // absolute
  QString sha256;     // of the photo's bytes when its faces were found ("" = not known)
  int faceIndex = 0;  // detector order
  QImage photo;       // the photo as shown: the "before" of the in-photo preview
  QImage aligned;     // the face aligned at the generator's size: what tuning the generator to the photo matches
  // A generated face (any square size) → the photo with it pasted back (core/pipeline's paste).
  std::function<QImage(const QImage& generated)> paste;
  // The same for timeline renders (the photo cropped to even sides for video codecs).
  std::shared_ptr<const video::PhotoPaste> videoPaste;
};

#ifdef FACET_WITH_VISION
// `aligned` is face `faceIndex` of `photo` (BGR) aligned at the generator's size.
std::shared_ptr<const PhotoFace> makePhotoFace(const QString& path, const QString& sha256, int faceIndex,
                                               const cv::Mat& photo, const face::AlignedFace& aligned);
// BGR cv::Mat ↔ RGB QImage (deep copies).
QImage matToImage(const cv::Mat& bgr);
cv::Mat imageToMat(const QImage& image);
#endif

}  // namespace facet::app
