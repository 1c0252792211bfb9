#pragma once
// Exporting results: the edited photo (JPEG/PNG with quality), the aligned crop, a before/after side-by-side.
// The format follows the file name's suffix. Never overwrites the source photo; writes atomically (a failed
// export leaves any existing file as it was). Throws facet::Error with a message a user can act on.
#include <QImage>
#include <QString>

namespace facet::app {

struct ImageExportOptions {
  int quality = 95;       // JPEG quality 1…100 (PNG: compression is lossless whatever the value)
  QString sourcePath;     // the opened photo: refusing to write over it
};

void exportImage(const QImage& image, const QString& path, const ImageExportOptions& options = {});
// The checks exportImage makes before encoding (format from the suffix, never the source photo), for callers that
// encode later on another thread; returns Qt's format name. facet::Error with the reason.
QByteArray checkExportPath(const QString& path, const ImageExportOptions& options = {});
// Before on the left, after on the right, both scaled to the taller one's height.
QImage sideBySide(const QImage& before, const QImage& after);

}  // namespace facet::app
