#pragma once
// Editor sessions: a .facet file (JSON) that brings an edit back — the photo (path and SHA-256, so a changed or
// moved photo is noticed), the chosen face, the W+ code (an .npy file beside the session), the slider values and
// the ids of the models that made it. Written atomically; reading checks everything and throws facet::Error with
// a message a user can act on.
#include <vector>

#include <QJsonObject>
#include <QString>
#include <QStringList>

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

  bool operator==(const Session& other) const;
};

// SHA-256 of a file's bytes as lower-case hex; facet::Error when unreadable.
QString sha256OfFile(const QString& path);

// Writes `session` to `path` (atomic). facet::Error when the folder is not writable.
void saveSession(const QString& path, const Session& session);
// Reads a session. facet::Error when the file is missing, not JSON, of a newer format, or inconsistent.
Session loadSession(const QString& path);
// True when the photo still exists and still has the recorded hash.
bool sessionPhotoMatches(const Session& session);

}  // namespace facet::app
