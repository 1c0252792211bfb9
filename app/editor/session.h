#pragma once
// Editor sessions in Qt types: a view of core/session's Session (the one reader and writer of .facet files, shared
// with the CLI), plus the photo's SHA-256 that lets a session notice a moved or changed photo.
#include <vector>

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "core/session/session.h"

namespace facet::app {

// A text slider (StyleCLIP direction) in a session: the editor's slider id (timelines name it), its α, and the
// whole direction embedded (core/edit/text_direction.h's JSON), so the session needs no file beside it.
struct SessionTextSlider {
  QString id;
  float alpha = 0;
  QJsonObject direction;
  bool operator==(const SessionTextSlider& o) const { return id == o.id && alpha == o.alpha && direction == o.direction; }
};

struct Session {
  static constexpr int kFormatVersion = 1;

  QString photoPath;    // absolute
  QString photoSha256;  // hex, of the photo's bytes when the session was saved
  int faceIndex = 0;    // which detected face (detector order)
  QString wplusFile;    // W+ .npy, relative to the session file's folder ("" = not embedded yet)
  std::vector<float> alphas;  // slider values in catalogue order
  QStringList attributeIds;   // the catalogue order the α values follow
  QStringList modelIds;       // generator, transformers, classifier… (models/manifest.json ids)
  QJsonObject timeline;       // recorded slider timeline (core/video/timeline.h layout); empty = none
  std::vector<bool> editedLayers;  // the W+ layers the edit touches; empty = the default (0–10)
  std::vector<SessionTextSlider> textSliders;  // "text_sliders"; absent in older files (= none)
  facet::session::TwoFaceSettings twoFaces;    // "two_faces": the operation and where the other faces came from

  bool operator==(const Session& other) const;
};

// The same session in core/session's types and back.
facet::session::Session toCoreSession(const Session& session);
Session fromCoreSession(const facet::session::Session& session);

// SHA-256 of a file's bytes as lower-case hex; facet::Error when unreadable.
QString sha256OfFile(const QString& path);

// Writes `session` to `path` (atomic). facet::Error when the folder is not writable.
void saveSession(const QString& path, const Session& session);
// Reads a session. facet::Error when the file is missing, not JSON, of a newer format, or inconsistent.
Session loadSession(const QString& path);
// True when the photo still exists and still has the recorded hash.
bool sessionPhotoMatches(const Session& session);

}  // namespace facet::app
