#include "app/editor/session_files.h"

#include <QFile>

#include "core/session/session.h"

namespace facet::app {

void saveSessionFiles(const QString& path, Session session, const torch::Tensor& wplus,
                      const std::map<std::string, torch::Tensor>& otherFaces) {
  facet::session::write_session_with_wplus(QFile::encodeName(path).toStdString(), toCoreSession(session), wplus,
                                           otherFaces);
}

SessionWithCode loadSessionFiles(const QString& path) {
  const std::string file = QFile::encodeName(path).toStdString();
  const facet::session::Session session = facet::session::read_session(file);
  SessionWithCode out;
  out.session = fromCoreSession(session);
  out.wplus = facet::session::read_wplus(session, file);
  for (const facet::session::OtherFace& face : session.two_faces.faces)
    out.otherFaces[face.role] = facet::session::read_other_face(face, file);
  return out;
}

}  // namespace facet::app
