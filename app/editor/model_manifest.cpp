#include "app/editor/model_manifest.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "app/editor/session.h"
#include "core/io/error.h"
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
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    throw Error(path.toStdString() + ": cannot read the model manifest (" + file.errorString().toStdString() + ")");
  QJsonParseError error;
  const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
  if (doc.isNull() || !doc.isObject() || !doc.object().value("models").isArray())
    throw Error(path.toStdString() + ": not a model manifest (" +
                (doc.isNull() ? error.errorString().toStdString() : std::string("no \"models\" list")) + ")");
  QVector<ManifestEntry> entries;
  for (const QJsonValue& value : doc.object().value("models").toArray()) {
    const QJsonObject o = value.toObject();
    ManifestEntry e;
    e.id = o.value("id").toString();
    e.role = o.value("role").toString();
    e.file = o.value("file").toString();
    e.url = o.value("url").toString();
    e.download = o.value("download").toString();
    e.license = o.value("license").toString();
    e.sha256 = o.value("sha256").toString().toLower();
    e.sha256Prefix = o.value("sha256_prefix").toString().toLower();
    e.sizeBytes = o.value("size_bytes").isDouble() ? static_cast<qint64>(o.value("size_bytes").toDouble()) : -1;
    for (const QJsonValue& f : o.value("features").toArray()) e.features << f.toString();
    if (e.id.isEmpty() || e.file.isEmpty())
      throw Error(path.toStdString() + ": a model entry has no \"id\" or \"file\"");
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
