// The editor shows a photo with Qt's reader and finds its faces in core/face's decode: for every EXIF orientation,
// in both TIFF byte orders, the two must see the same upright picture, or faces would be boxed and pasted in the
// wrong place.
#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/face/photo.h"
#include "tests/support/exif_jpeg.h"

class PhotoOrientationTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void editorDisplayAndFaceFinderAgree() {
    const cv::Mat stored = facet::test::quadrant_image();
    std::vector<uchar> jpeg;
    QVERIFY(cv::imencode(".jpg", stored, jpeg, {cv::IMWRITE_JPEG_QUALITY, 100}));
    const std::string bytes(jpeg.begin(), jpeg.end());
    for (const bool bigEndian : {true, false}) {
      for (int orientation = 1; orientation <= 8; ++orientation) {
        const std::string tagged = facet::test::with_exif_orientation(bytes, orientation, bigEndian);
        const cv::Mat core = facet::face::decode_photo(tagged, "tagged.jpg");
        QByteArray data(tagged.data(), static_cast<qsizetype>(tagged.size()));
        QBuffer buffer(&data);
        QImageReader reader(&buffer, "jpeg");
        reader.setAutoTransform(true);  // as MainWindow::openPhoto reads photos
        const QImage shown = reader.read().convertToFormat(QImage::Format_RGB888);
        const QString where = QString("orientation %1 %2").arg(orientation).arg(bigEndian ? "MM" : "II");
        QVERIFY2(!shown.isNull(), qPrintable(where));
        QVERIFY2(shown.width() == core.cols && shown.height() == core.rows, qPrintable(where));
        double diff = 0;
        for (int y = 0; y < core.rows; ++y)
          for (int x = 0; x < core.cols; ++x) {
            const cv::Vec3b bgr = core.at<cv::Vec3b>(y, x);
            const uchar* rgb = shown.constScanLine(y) + 3 * x;
            diff += std::abs(rgb[0] - bgr[2]) + std::abs(rgb[1] - bgr[1]) + std::abs(rgb[2] - bgr[0]);
          }
        diff /= 3.0 * core.rows * core.cols;
        QVERIFY2(diff < 4.0, qPrintable(where + QString(": mean difference %1").arg(diff)));
      }
    }
  }
};

QTEST_MAIN(PhotoOrientationTest)
#include "test_photo_orientation.moc"
