#pragma once
// What the editor's QtTests share: screenshots on request, "the newest request's full render is shown", and
// keeping autosave, settings, data and the models folder out of the user's home.
#include <algorithm>
#include <memory>

#include <QByteArray>
#include <QDir>
#include <QFileInfo>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QWidget>
#include <QtTest>

#include "tests/ui/editor_access.h"
#include "app/editor/edit_document.h"
#include "app/editor/render_controller.h"
#include "tests/app/editor/fixture_models.h"
#include "ui/main_window.h"

namespace facet::test {

// With FACET_SCREENSHOTS=DIR, saves a grab of `widget` as DIR/name (after deferred layouts such as chart labels
// settle); otherwise does nothing.
inline void saveShot(QWidget& widget, const QString& name) {
  const QByteArray shots = qgetenv("FACET_SCREENSHOTS");
  if (shots.isEmpty()) return;
  QTest::qWait(150);
  QVERIFY(widget.grab().save(QString::fromLocal8Bit(shots) + "/" + name));
}

// The window shows a full-size render that answers the newest request it sent.
// Exports run on a pool thread: true once the file is there (written atomically, so whole).
inline bool exported(const QString& path) {
  return QTest::qWaitFor([&] { return QFileInfo::exists(path); }, 20000);
}

inline bool fullAndCurrent(const ui::MainWindow& window) { return window.document()->fullResultIsCurrent(); }

// What the editor's document and workflows told the user since it was made (app::Editor's messages and problems,
// the photo workflow's problems): tests check what a workflow said, not what the status bar holds at one moment.
class EditorMessages {
 public:
  explicit EditorMessages(const ui::MainWindow& window) : said_(std::make_shared<QStringList>()) {
    const auto keep = [said = said_](const QString& text) { said->append(text); };
    QObject::connect(window.editor(), &app::Editor::message, window.editor(), keep);
    QObject::connect(window.editor(), &app::Editor::problem, window.editor(), keep);
    QObject::connect(window.editor()->photos(), &app::PhotoWorkflow::problem, window.editor(), keep);
  }
  bool contains(const QString& part) const {
    return std::any_of(said_->begin(), said_->end(), [&](const QString& text) { return text.contains(part); });
  }
  QByteArray all() const { return said_->join(" | ").toLocal8Bit(); }  // for failure messages

 private:
  std::shared_ptr<QStringList> said_;
};

// A window on the fixture models (tests/app/editor/fixture_models.h, face-api left out) editing the fixture's W+, its first
// full render shown; null when that does not happen within 20 s.
inline std::unique_ptr<ui::MainWindow> readyFixtureWindow() {
  auto window = std::make_unique<ui::MainWindow>();
  window->document()->setPreviewSize(32);
  window->document()->renderer()->setSettleMs(100);
  window->editor()->models()->load(fixtureModelFiles(false));
  if (!QTest::qWaitFor([&] { return window->document()->models() != nullptr; }, 20000)) return nullptr;
  window->editor()->files()->openWplus(fixturesDir() + "/stylegan2/wplus.npy");
  if (!QTest::qWaitFor([&] { return fullAndCurrent(*window); }, 20000)) return nullptr;
  return window;
}

// Points autosave (XDG_STATE_HOME), settings (XDG_CONFIG_HOME), data (XDG_DATA_HOME) and the models folder
// (FACET_MODELS, created empty) into `scratch`.
inline void isolateUserFolders(const QTemporaryDir& scratch) {
  qputenv("XDG_STATE_HOME", scratch.filePath("state").toLocal8Bit());
  qputenv("XDG_CONFIG_HOME", scratch.filePath("config").toLocal8Bit());
  qputenv("XDG_DATA_HOME", scratch.filePath("data").toLocal8Bit());
  qputenv("FACET_MODELS", scratch.filePath("models").toLocal8Bit());
  QDir().mkpath(scratch.filePath("models"));
}

}  // namespace facet::test
