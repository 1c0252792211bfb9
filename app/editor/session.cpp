#include "app/editor/session.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/io/error.h"
#include "core/session/session.h"

namespace facet::app {

namespace {
[[noreturn]] void fail(const QString& message) { throw facet::Error(message.toStdString()); }
}  // namespace

bool Session::operator==(const Session& o) const {
  return photoPath == o.photoPath && photoSha256 == o.photoSha256 && faceIndex == o.faceIndex &&
         wplusFile == o.wplusFile && alphas == o.alphas && attributeIds == o.attributeIds && modelIds == o.modelIds &&
         timeline == o.timeline && editedLayers == o.editedLayers && textSliders == o.textSliders &&
         twoFaces == o.twoFaces;
}

QString sha256OfFile(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) fail(QString("%1: cannot read (%2)").arg(path, file.errorString()));
  QCryptographicHash hash(QCryptographicHash::Sha256);
  if (!hash.addData(&file)) fail(QString("%1: read error while hashing").arg(path));
  return QString::fromLatin1(hash.result().toHex());
}

namespace {

nlohmann::json toNlohmann(const QJsonObject& object) {
  if (object.isEmpty()) return nullptr;
  return nlohmann::json::parse(QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString());
}

QJsonObject toQt(const nlohmann::json& json) {
  if (!json.is_object()) return {};
  return QJsonDocument::fromJson(QByteArray::fromStdString(json.dump())).object();
}

std::vector<std::string> toStd(const QStringList& list) {
  std::vector<std::string> out;
  for (const QString& s : list) out.push_back(s.toStdString());
  return out;
}

QStringList toQt(const std::vector<std::string>& list) {
  QStringList out;
  for (const std::string& s : list) out << QString::fromStdString(s);
  return out;
}

}  // namespace

facet::session::Session toCoreSession(const Session& session) {
  facet::session::Session s;
  s.photo_path = session.photoPath.toStdString();
  s.photo_sha256 = session.photoSha256.toStdString();
  s.face_index = session.faceIndex;
  s.wplus_file = session.wplusFile.toStdString();
  s.alphas = session.alphas;
  s.attribute_ids = toStd(session.attributeIds);
  s.model_ids = toStd(session.modelIds);
  s.timeline = toNlohmann(session.timeline);
  s.edited_layers = session.editedLayers;
  for (const SessionTextSlider& t : session.textSliders)
    s.text_sliders.push_back({t.id.toStdString(), t.alpha, toNlohmann(t.direction)});
  s.two_faces = session.twoFaces;
  return s;
}

Session fromCoreSession(const facet::session::Session& s) {
  Session out;
  out.photoPath = QString::fromStdString(s.photo_path);
  out.photoSha256 = QString::fromStdString(s.photo_sha256);
  out.faceIndex = s.face_index;
  out.wplusFile = QString::fromStdString(s.wplus_file);
  out.alphas = s.alphas;
  out.attributeIds = toQt(s.attribute_ids);
  out.modelIds = toQt(s.model_ids);
  out.timeline = toQt(s.timeline);
  out.editedLayers = s.edited_layers;
  for (const facet::session::TextSlider& t : s.text_sliders)
    out.textSliders.push_back({QString::fromStdString(t.id), t.alpha, toQt(t.direction)});
  out.twoFaces = s.two_faces;
  return out;
}

void saveSession(const QString& path, const Session& session) {
  facet::session::write_session(QFile::encodeName(path).toStdString(), toCoreSession(session));
}

Session loadSession(const QString& path) {
  return fromCoreSession(facet::session::read_session(QFile::encodeName(path).toStdString()));
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
