// Export: valid JPEG/PNG files that read back, never over the source photo, clear refusals.
#include <QFile>
#include <QImageReader>
#include <QTemporaryDir>
#include <QtTest>

#include "app/editor/image_export.h"
#include "core/io/error.h"

namespace {
QImage gradient(int w, int h) {
  QImage image(w, h, QImage::Format_RGB32);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) image.setPixel(x, y, qRgb(x * 255 / w, y * 255 / h, 90));
  return image;
}

QString exportError(const QImage& image, const QString& path, const facet::app::ImageExportOptions& options = {}) {
  try {
    facet::app::exportImage(image, path, options);
  } catch (const facet::Error& e) {
    return QString::fromStdString(e.what());
  }
  return {};
}
}  // namespace

class ImageExportTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void writesPngExactly() {
    QTemporaryDir dir;
    const QImage image = gradient(64, 48);
    const QString path = dir.filePath("out.png");
    QCOMPARE(exportError(image, path), QString());
    QImageReader reader(path);
    QCOMPARE(reader.format(), QByteArray("png"));
    QCOMPARE(reader.read().convertToFormat(QImage::Format_RGB32), image);
  }

  void writesJpegWithQuality() {
    QTemporaryDir dir;
    const QImage image = gradient(128, 96);
    QCOMPARE(exportError(image, dir.filePath("low.jpg"), {10, {}}), QString());
    QCOMPARE(exportError(image, dir.filePath("high.jpeg"), {98, {}}), QString());
    QImageReader reader(dir.filePath("high.jpeg"));
    QCOMPARE(reader.format(), QByteArray("jpeg"));
    QCOMPARE(reader.size(), QSize(128, 96));
    QVERIFY(QFileInfo(dir.filePath("low.jpg")).size() < QFileInfo(dir.filePath("high.jpeg")).size());
  }

  void neverOverwritesTheSource() {
    QTemporaryDir dir;
    const QString source = dir.filePath("photo.png");
    QVERIFY(gradient(8, 8).save(source));
    const QByteArray original = [&] { QFile f(source); f.open(QIODevice::ReadOnly); return f.readAll(); }();
    QVERIFY(exportError(gradient(16, 16), source, {95, source}).contains("never overwrites the source"));
    QFile f(source);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), original);
  }

  void refusesUnknownFormatAndEmptyImage() {
    QTemporaryDir dir;
    QVERIFY(exportError(gradient(4, 4), dir.filePath("x.gif")).contains("use .jpg or .png"));
    QVERIFY(exportError(QImage(), dir.filePath("x.png")).contains("nothing to export"));
    QVERIFY(!QFileInfo::exists(dir.filePath("x.png")));
  }

  void sideBySidePutsBeforeLeft() {
    QImage before(10, 10, QImage::Format_RGB32);
    before.fill(Qt::red);
    QImage after(20, 20, QImage::Format_RGB32);
    after.fill(Qt::blue);
    const QImage both = facet::app::sideBySide(before, after);
    QCOMPARE(both.size(), QSize(40, 20));
    QCOMPARE(both.pixel(5, 10), qRgb(255, 0, 0));
    QCOMPARE(both.pixel(30, 10), qRgb(0, 0, 255));
  }
};

QTEST_GUILESS_MAIN(ImageExportTest)
#include "test_image_export.moc"
