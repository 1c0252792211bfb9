#pragma once
// Autosave: a few seconds after each change the current edit is written (atomically) as a session in the state
// folder ($XDG_STATE_HOME/facet/autosave, else ~/.local/state/facet/autosave). A clean exit removes it, so one
// found at start was left by a crash and can be restored. One Facet at a time owns the folder (a lock file);
// a second instance does not autosave rather than overwrite the first one's work.
#include <functional>
#include <memory>
#include <optional>

#include <QLockFile>
#include <QObject>
#include <QString>
#include <QTimer>

#include "app/editor/session_files.h"

namespace facet::app {

class Autosaver : public QObject {
  Q_OBJECT
 public:
  // What to save now; nullopt when there is nothing worth saving (no face open).
  using Provider = std::function<std::optional<SessionWithCode>()>;

  explicit Autosaver(Provider provider, QString dir = defaultDir(), QObject* parent = nullptr);
  ~Autosaver() override;
  static QString defaultDir();

  bool active() const { return lock_ != nullptr; }  // false when another instance holds the folder
  QString sessionPath() const;

  // A session left by an earlier run that did not exit cleanly (seen at construction).
  bool hasRecoverable() const { return recoverable_; }
  SessionWithCode loadRecoverable() const;  // facet::Error when damaged

  void setDelayMs(int ms) { timer_.setInterval(ms); }
  void markChanged();  // saves after the delay (changes in the meantime join the same save)
  bool saveNow();      // false when there was nothing to save or the write failed (failed() says why)
  void discard();      // removes the autosave (clean exit, or the user declined to restore)

 Q_SIGNALS:
  void saved(const QString& path);
  void failed(const QString& message);

 private:
  Provider provider_;
  QString dir_;
  std::unique_ptr<QLockFile> lock_;
  bool recoverable_ = false;
  QTimer timer_;
};

}  // namespace facet::app
