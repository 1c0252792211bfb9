#include "app/editor/autosave.h"
#include "app/editor/error_text.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "core/io/error.h"

namespace facet::app {

namespace {
constexpr int kDefaultDelayMs = 3000;
}

QString Autosaver::defaultDir() {
  QString base = QString::fromLocal8Bit(qgetenv("XDG_STATE_HOME"));
  if (base.isEmpty()) base = QDir::homePath() + "/.local/state";
  return base + "/facet/autosave";
}

Autosaver::Autosaver(Provider provider, QString dir, QObject* parent)
    : QObject(parent), provider_(std::move(provider)), dir_(std::move(dir)) {
  timer_.setSingleShot(true);
  timer_.setInterval(kDefaultDelayMs);
  connect(&timer_, &QTimer::timeout, this, [this] { saveNow(); });
  if (!QDir().mkpath(dir_)) {
    Q_EMIT failed(tr("Cannot create the autosave folder %1").arg(dir_));
    return;
  }
  auto lock = std::make_unique<QLockFile>(dir_ + "/instance.lock");
  lock->setStaleLockTime(0);  // a crashed process's lock is recognised by its pid, not by age
  if (!lock->tryLock(100)) return;
  lock_ = std::move(lock);
  recoverable_ = QFileInfo::exists(sessionPath());
}

Autosaver::~Autosaver() = default;

QString Autosaver::sessionPath() const { return dir_ + "/autosave.facet"; }

SessionWithCode Autosaver::loadRecoverable() const { return loadSessionFiles(sessionPath()); }

void Autosaver::markChanged() {
  if (active() && !timer_.isActive()) timer_.start();
}

bool Autosaver::saveNow() {
  timer_.stop();
  if (!active()) return false;
  const std::optional<SessionWithCode> snapshot = provider_();
  if (!snapshot) return false;
  try {
    saveSessionFiles(sessionPath(), snapshot->session, snapshot->wplus, snapshot->otherFaces);
  } catch (const std::exception& e) {
    Q_EMIT failed(tr("Autosave failed: %1").arg(errorText(e)));
    return false;
  }
  recoverable_ = false;  // what is there now is this run's
  Q_EMIT saved(sessionPath());
  return true;
}

void Autosaver::discard() {
  timer_.stop();
  if (!active()) return;
  QFile::remove(sessionPath());
  QFile::remove(dir_ + "/autosave.wplus.npy");
  for (const char* role : {"second", "neutral", "expressive"})  // the two-face codes beside it
    QFile::remove(dir_ + "/autosave." + role + ".npy");
  recoverable_ = false;
}

}  // namespace facet::app
