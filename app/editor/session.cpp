#include "app/editor/session.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/io/atomic_file.h"
#include "core/io/error.h"

namespace facet::app {

namespace {

[[noreturn]] void fail(const QString& message) { throw facet::Error(message.toStdString()); }

QJsonArray toJson(const QStringList& list) { return QJsonArray::fromStringList(list); }

QStringList stringList(const QJsonValue& value, const QString& file, const char* key) {
  if (!value.isArray()) fail(QString("%1: '%2' must be a list of strings").arg(file, key));
  QStringList out;
  for (const QJsonValue& v : value.toArray()) {
    if (!v.isString()) fail(QString("%1: '%2' must be a list of strings").arg(file, key));
    out << v.toString();
  }
  return out;
}

}  // namespace

bool Session::operator==(const Session& o) const {
  return photoPath == o.photoPath && photoSha256 == o.photoSha256 && faceIndex == o.faceIndex &&
         wplusFile == o.wplusFile && alphas == o.alphas && attributeIds == o.attributeIds && modelIds == o.modelIds &&
         timeline == o.timeline && editedLayers == o.editedLayers && textSliders == o.textSliders;
}

QString sha256OfFile(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) fail(QString("%1: cannot read (%2)").arg(path, file.errorString()));
  QCryptographicHash hash(QCryptographicHash::Sha256);
  if (!hash.addData(&file)) fail(QString("%1: read error while hashing").arg(path));
  return QString::fromLatin1(hash.result().toHex());
}

void saveSession(const QString& path, const Session& session) {
  if (!session.attributeIds.isEmpty() && session.attributeIds.size() != static_cast<int>(session.alphas.size()))
    fail(QString("%1: %2 slider values for %3 attributes").arg(path).arg(session.alphas.size()).arg(session.attributeIds.size()));
  QJsonObject root;
  root["format"] = "facet-session";
  root["version"] = Session::kFormatVersion;
  QJsonObject photo;
  photo["path"] = session.photoPath;
  photo["sha256"] = session.photoSha256;
  root["photo"] = photo;
  root["face"] = session.faceIndex;
  root["wplus"] = session.wplusFile;
  QJsonArray alphas;
  for (float a : session.alphas) alphas.append(static_cast<double>(a));
  root["alphas"] = alphas;
  root["attributes"] = toJson(session.attributeIds);
  root["models"] = toJson(session.modelIds);
  if (!session.timeline.isEmpty()) root["timeline"] = session.timeline;
  if (!session.editedLayers.empty()) {
    QJsonArray layers;  // one flag per W+ layer, as the timeline's keyframes store them
    for (bool on : session.editedLayers) layers.append(on);
    root["layers"] = layers;
  }
  if (!session.textSliders.empty()) {
    QJsonArray sliders;
    for (const SessionTextSlider& t : session.textSliders)
      sliders.append(QJsonObject{{"id", t.id}, {"alpha", static_cast<double>(t.alpha)}, {"direction", t.direction}});
    root["text_sliders"] = sliders;
  }
  const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Indented);
  facet::io::write_file_atomic(QFile::encodeName(path).toStdString(), std::string_view(bytes.constData(), bytes.size()));
}

Session loadSession(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) fail(QString("%1: cannot open session (%2)").arg(path, file.errorString()));
  QJsonParseError error{};
  const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
  if (doc.isNull() || !doc.isObject())
    fail(QString("%1: not a Facet session (JSON error at byte %2: %3)").arg(path).arg(error.offset).arg(error.errorString()));
  const QJsonObject root = doc.object();
  if (root["format"].toString() != "facet-session") fail(QString("%1: not a Facet session file").arg(path));
  const int version = root["version"].toInt(-1);
  if (version < 1) fail(QString("%1: session has no valid version").arg(path));
  if (version > Session::kFormatVersion)
    fail(QString("%1: written by a newer Facet (session format %2); update Facet to open it").arg(path).arg(version));

  Session s;
  const QJsonObject photo = root["photo"].toObject();
  s.photoPath = photo["path"].toString();
  s.photoSha256 = photo["sha256"].toString();
  s.faceIndex = root["face"].toInt(-1);
  if (s.faceIndex < 0) fail(QString("%1: 'face' must be a face number (0 or more)").arg(path));
  s.wplusFile = root["wplus"].toString();
  // A face opened from a W+ file or sampled from the generator has no photo; then the W+ is the whole edit.
  if (s.photoPath.isEmpty() && s.wplusFile.isEmpty())
    fail(QString("%1: the session names no photo and no W+ code").arg(path));
  if (!root["alphas"].isArray()) fail(QString("%1: 'alphas' must be a list of numbers").arg(path));
  for (const QJsonValue& v : root["alphas"].toArray()) {
    if (!v.isDouble()) fail(QString("%1: 'alphas' must be a list of numbers").arg(path));
    s.alphas.push_back(static_cast<float>(v.toDouble()));
  }
  s.attributeIds = stringList(root["attributes"], path, "attributes");
  s.modelIds = stringList(root["models"], path, "models");
  if (root.contains("timeline") && !root["timeline"].isNull()) {
    if (!root["timeline"].isObject()) fail(QString("%1: 'timeline' must be an object").arg(path));
    s.timeline = root["timeline"].toObject();
  }
  if (root.contains("layers") && !root["layers"].isNull()) {
    if (!root["layers"].isArray()) fail(QString("%1: 'layers' must be a list of true/false, one per W+ layer").arg(path));
    for (const QJsonValue& v : root["layers"].toArray()) {
      if (!v.isBool()) fail(QString("%1: 'layers' must be a list of true/false, one per W+ layer").arg(path));
      s.editedLayers.push_back(v.toBool());
    }
  }
  if (!s.attributeIds.isEmpty() && s.attributeIds.size() != static_cast<int>(s.alphas.size()))
    fail(QString("%1: %2 slider values for %3 attributes").arg(path).arg(s.alphas.size()).arg(s.attributeIds.size()));
  if (root.contains("text_sliders")) {
    if (!root["text_sliders"].isArray()) fail(QString("%1: 'text_sliders' must be a list").arg(path));
    for (const QJsonValue& v : root["text_sliders"].toArray()) {
      const QJsonObject o = v.toObject();
      if (!o["id"].isString() || !o["alpha"].isDouble() || !o["direction"].isObject())
        fail(QString("%1: each text slider needs an 'id', an 'alpha' and a 'direction'").arg(path));
      s.textSliders.push_back({o["id"].toString(), static_cast<float>(o["alpha"].toDouble()), o["direction"].toObject()});
    }
  }
  return s;
}

bool sessionPhotoMatches(const Session& session) {
  if (!QFileInfo::exists(session.photoPath)) return false;
  try {
    return sha256OfFile(session.photoPath) == session.photoSha256;
  } catch (const facet::Error&) {
    return false;
  }
}

}  // namespace facet::app
