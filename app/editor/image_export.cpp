#include "app/editor/image_export.h"

#include <algorithm>

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImageWriter>
#include <QPainter>

#include "core/io/atomic_file.h"
#include "core/io/error.h"

namespace facet::app {

namespace {
[[noreturn]] void fail(const QString& message) { throw facet::Error(message.toStdString()); }
}  // namespace

QByteArray checkExportPath(const QString& path, const ImageExportOptions& options) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  QByteArray format;
  if (suffix == "jpg" || suffix == "jpeg") format = "jpeg";
  else if (suffix == "png") format = "png";
  else fail(QString("%1: unsupported export format '%2'; use .jpg or .png").arg(path, suffix));
  if (!options.sourcePath.isEmpty() && QFileInfo::exists(path) &&
      QFileInfo(path).canonicalFilePath() == QFileInfo(options.sourcePath).canonicalFilePath())
    fail(QString("%1: this is the original photo; choose another file name (Facet never overwrites the source)").arg(path));
  return format;
}

void exportImage(const QImage& image, const QString& path, const ImageExportOptions& options) {
  if (image.isNull()) fail(QString("%1: nothing to export yet (no rendered image)").arg(path));
  const QByteArray format = checkExportPath(path, options);

  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  QImageWriter writer(&buffer, format);
  writer.setQuality(std::clamp(options.quality, 1, 100));
  const QImage rgb = format == "jpeg" ? image.convertToFormat(QImage::Format_RGB888) : image;
  if (!writer.write(rgb)) fail(QString("%1: encoding failed (%2)").arg(path, writer.errorString()));
  facet::io::write_file_atomic(QFile::encodeName(path).toStdString(), std::string_view(bytes.constData(), bytes.size()));
}

QImage sideBySide(const QImage& before, const QImage& after) {
  if (before.isNull() || after.isNull()) return {};
  const int height = std::max(before.height(), after.height());
  const QImage left = before.scaledToHeight(height, Qt::SmoothTransformation);
  const QImage right = after.scaledToHeight(height, Qt::SmoothTransformation);
  QImage out(left.width() + right.width(), height, QImage::Format_RGB32);
  out.fill(Qt::black);
  QPainter painter(&out);
  painter.drawImage(0, 0, left);
  painter.drawImage(left.width(), 0, right);
  return out;
}

}  // namespace facet::app
