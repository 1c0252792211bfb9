#include "app/editor/model_manifest.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include "app/editor/session.h"
#include "core/io/error.h"
#include "core/models/model_manifest.h"
#include "core/models/model_paths.h"

namespace facet::app {

QString findManifest() {
  const auto path = facet::models::find_model_file("manifest.json");
  return path ? QString::fromStdString(*path) : QString();
}

QString findFetchScript() {
  const auto path = facet::models::find_model_file("fetch");
  return path ? QString::fromStdString(*path) : QString();
}

QVector<ManifestEntry> readManifest(const QString& path) {
  QVector<ManifestEntry> entries;
  for (const facet::models::ManifestModel& m : facet::models::read_manifest(QFile::encodeName(path).toStdString())) {
    ManifestEntry e;
    e.id = QString::fromStdString(m.id);
    e.role = QString::fromStdString(m.role);
    e.file = QString::fromStdString(m.file);
    e.url = QString::fromStdString(m.url);
    e.download = QString::fromStdString(m.download);
    e.license = QString::fromStdString(m.license);
    e.sha256 = QString::fromStdString(m.sha256);
    e.sha256Prefix = QString::fromStdString(m.sha256_prefix);
    e.sizeBytes = m.size_bytes;
    for (const std::string& f : m.features) e.features << QString::fromStdString(f);
    entries.push_back(e);
  }
  return entries;
}

QString locateModel(const ManifestEntry& entry) {
  if (QFileInfo(entry.file).isAbsolute()) return QFileInfo::exists(entry.file) ? entry.file : QString();
  const auto path = facet::models::find_model_file(entry.file.toStdString());
  return path ? QString::fromStdString(*path) : QString();
}

ChecksumStatus checkModel(const ManifestEntry& entry, const QString& path) {
  if (path.isEmpty() || !QFileInfo::exists(path)) return ChecksumStatus::Missing;
  if (entry.sizeBytes >= 0 && QFileInfo(path).isFile() && QFileInfo(path).size() != entry.sizeBytes)
    return ChecksumStatus::WrongSize;
  if (entry.sha256.isEmpty() && entry.sha256Prefix.isEmpty())
    return entry.sizeBytes >= 0 ? ChecksumStatus::SizeOnly : ChecksumStatus::NoReference;
  const QString hash = sha256OfFile(path);
  if (!entry.sha256.isEmpty()) return hash == entry.sha256 ? ChecksumStatus::Match : ChecksumStatus::Mismatch;
  return hash.startsWith(entry.sha256Prefix) ? ChecksumStatus::Match : ChecksumStatus::Mismatch;
}

QString checksumStatusText(ChecksumStatus status) {
  switch (status) {
    case ChecksumStatus::Missing: return QCoreApplication::translate("facet::app::ModelManifest", "missing");
    case ChecksumStatus::NotChecked: return QCoreApplication::translate("facet::app::ModelManifest", "not checked");
    case ChecksumStatus::Match: return QCoreApplication::translate("facet::app::ModelManifest", "checksum OK");
    case ChecksumStatus::Mismatch:
      return QCoreApplication::translate("facet::app::ModelManifest", "checksum MISMATCH: fetch it again");
    case ChecksumStatus::NoReference:
      return QCoreApplication::translate("facet::app::ModelManifest", "no published size or checksum");
    case ChecksumStatus::WrongSize:
      return QCoreApplication::translate("facet::app::ModelManifest",
                                         "WRONG SIZE: not the published file; fetch it again");
    case ChecksumStatus::SizeOnly:
      return QCoreApplication::translate("facet::app::ModelManifest", "size OK; no published checksum");
  }
  return {};
}

}  // namespace facet::app
