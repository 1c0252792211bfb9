// The editor as a new user meets it: quitting or opening over unsaved edits asks (save, discard, cancel) and the
// autosave stays until the user decides; sliders are off until there is a face, and attributes nothing can move say
// so; the window's shortcuts work from the filter box; every dock comes back from View ▸ Panels; file dialogs start
// beside the file being edited with a name derived from it. Runs on the fixture generator (tests/data/fixtures).
#include <QAction>
#include <QAbstractScrollArea>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSlider>
#include <QPushButton>
#include <QSignalSpy>
#include <QToolButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include "tests/ui/editor_access.h"
#include "app/editor/autosave.h"
#include "app/editor/session.h"
#include "app/editor/session_files.h"
#include "tests/app/editor/fixture_models.h"
#include "tests/ui/window_test_support.h"
#include "ui/attribute_slider_panel.h"
#include "ui/charts_panel.h"
#include "ui/preview_widget.h"
#include "ui/main_window.h"
#include "ui/status_corner.h"
#include "ui/message_bar.h"

using facet::test::fullAndCurrent;
using facet::ui::MainWindow;
using Choice = MainWindow::UnsavedChoice;

namespace {

std::unique_ptr<MainWindow> readyWindow() { return facet::test::readyFixtureWindow(); }

// An edit as a drag ends: the value, then the undo point.
void editAttribute(MainWindow& window, float alpha) {
  window.sliderPanel()->setAlpha(facet::test::kFixtureAttribute, alpha);
  Q_EMIT window.sliderPanel()->editCommitted(window.sliderPanel()->alphas());
}

}  // namespace

class EditorUsabilityTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(scratch_.isValid());
    facet::test::isolateUserFolders(scratch_);
  }

  // Quit with unsaved edits: Cancel keeps the window and the autosave; Save writes the session the face came from;
  // Discard closes and removes the autosave. Without edits nothing is asked.
  void quittingWithUnsavedEditsAsks() {
    FACET_REQUIRE_FIXTURES_QT();
    auto window = readyWindow();
    QVERIFY(window);
    int asked = 0;
    Choice answer = Choice::Cancel;
    window->setUnsavedChangesPrompt([&] {
      ++asked;
      return answer;
    });
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    window->document()->autosaver()->setDelayMs(50);

    QVERIFY(window->close());  // nothing edited yet
    QCOMPARE(asked, 0);
    window->show();

    editAttribute(*window, 1.5f);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(window->document()->autosaver()->sessionPath()), 5000);
    QVERIFY(!window->close());
    QCOMPARE(asked, 1);
    QVERIFY(window->isVisible());
    QVERIFY(QFileInfo::exists(window->document()->autosaver()->sessionPath()));  // still there: nothing was decided

    // Save: into the session this face was saved to before.
    const QString session = scratch_.filePath("quit.facet");
    QVERIFY(window->editor()->files()->saveSession(session));
    editAttribute(*window, -2.f);
    answer = Choice::Save;
    QVERIFY(window->close());
    QCOMPARE(asked, 2);
    const auto saved = facet::app::loadSession(session);
    QCOMPARE(saved.alphas[facet::test::kFixtureAttribute], -2.f);
    QVERIFY(!QFileInfo::exists(window->document()->autosaver()->sessionPath()));

    // Discard.
    window->show();
    editAttribute(*window, 0.5f);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(window->document()->autosaver()->sessionPath()), 5000);
    answer = Choice::Discard;
    QVERIFY(window->close());
    QCOMPARE(asked, 3);
    QVERIFY(!QFileInfo::exists(window->document()->autosaver()->sessionPath()));
    QCOMPARE(facet::app::loadSession(session).alphas[facet::test::kFixtureAttribute], -2.f);  // untouched
  }

  // Opening something else from the menu over unsaved edits asks too; Cancel keeps the face being edited.
  void openingOverUnsavedEditsAsks() {
    FACET_REQUIRE_FIXTURES_QT();
    auto window = readyWindow();
    QVERIFY(window);
    int asked = 0;
    window->setUnsavedChangesPrompt([&] {
      ++asked;
      return Choice::Cancel;
    });
    editAttribute(*window, 1.f);
    QSignalSpy faces(window.get(), &MainWindow::faceChanged);
    window->findChild<QAction*>("randomFaceAction")->trigger();
    QCOMPARE(asked, 1);
    QTest::qWait(300);
    QCOMPARE(faces.count(), 0);
    QCOMPARE(window->sliderPanel()->alphas()[facet::test::kFixtureAttribute], 1.f);
    window->setUnsavedChangesPrompt([&] {
      ++asked;
      return Choice::Discard;
    });
    window->findChild<QAction*>("randomFaceAction")->trigger();
    QCOMPARE(asked, 2);
    QTRY_COMPARE_WITH_TIMEOUT(faces.count(), 1, 20000);
  }

  // No face: every slider is off and the panel says what to do; with a face the movable ones are on. Attributes
  // nothing can move stay off and say what to install.
  void slidersAreOffUntilThereIsAFace() {
    MainWindow empty;
    const auto* panel = empty.sliderPanel();
    QVERIFY(!panel->editingEnabled());
    for (int i = 0; i < panel->attributeCount(); ++i) QVERIFY(!panel->isRowEnabled(i));
    const auto* hint = panel->findChild<QLabel*>("attributeHint");
    QVERIFY(hint && !hint->isHidden());
    QVERIFY2(hint->text().contains("Tools ▸ Models"), qPrintable(hint->text()));

    FACET_REQUIRE_FIXTURES_QT();
    auto window = readyWindow();
    QVERIFY(window);
    QVERIFY(window->sliderPanel()->editingEnabled());
    QVERIFY(window->sliderPanel()->isRowEnabled(facet::test::kFixtureAttribute));
    QVERIFY(!window->sliderPanel()->isRowEnabled(31));  // Smiling: no transformer, no direction in the fixture
    // A photo opening: no face until it is embedded (no encoder here), so the sliders go off again.
    window->editor()->files()->openPhoto(facet::app::OpenWorkflow::samplePhotoPath());
    QVERIFY(!window->sliderPanel()->editingEnabled());  // at once: the earlier face is gone
    QVERIFY2(window->sliderPanel()->findChild<QLabel*>("attributeHint")->text().contains("File menu"),
             qPrintable(window->sliderPanel()->findChild<QLabel*>("attributeHint")->text()));
  }

  // Ctrl+Z typed in the attribute filter undoes the last edit (the box does not keep it for itself).
  void shortcutsWorkFromTheFilterBox() {
    FACET_REQUIRE_FIXTURES_QT();
    auto window = readyWindow();
    QVERIFY(window);
    window->setUnsavedChangesPrompt([] { return Choice::Discard; });
    window->show();
    window->raise();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    editAttribute(*window, 2.f);
    QCOMPARE(window->document()->undoStack()->index(), 1);
    QLineEdit* filter = window->sliderPanel()->filterBox();
    filter->setFocus();
    QTest::keyClicks(filter, "eye");
    QCOMPARE(filter->text(), QString("eye"));
    QTest::keyClick(filter, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(window->document()->undoStack()->index(), 0);
    QCOMPARE(window->sliderPanel()->alphas()[facet::test::kFixtureAttribute], 0.f);
    QCOMPARE(filter->text(), QString("eye"));  // the box's text is not what was undone
  }

  // With a face and every dock shown the window fits a 1366×768 screen (less a title bar and a panel): its minimum
  // size is smaller, and at that size the status bar, where messages go, is inside the window.
  void windowFitsALaptopScreen() {
    FACET_REQUIRE_FIXTURES_QT();
    auto window = readyWindow();
    QVERIFY(window);
    for (QDockWidget* dock : window->findChildren<QDockWidget*>()) dock->show();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    const QSize screen(1366, 768 - 64);
    const QSize minimum = window->minimumSizeHint().expandedTo(window->minimumSize());
    QVERIFY2(minimum.width() <= screen.width() && minimum.height() <= screen.height(),
             qPrintable(QString("minimum %1×%2").arg(minimum.width()).arg(minimum.height())));
    window->resize(screen);
    QTRY_COMPARE(window->size(), screen);
    QVERIFY(window->statusBar()->isVisible());
    QVERIFY(window->statusBar()->geometry().bottom() < window->height());
    // Laid out at that size, every visible widget lies inside the window (those in scrolling areas may scroll),
    // and no dock is squeezed below what its content needs.
    const QRect inside = window->rect();
    for (QWidget* widget : window->findChildren<QWidget*>()) {
      if (!widget->isVisible() || widget->isWindow()) continue;
      bool elsewhere = false;  // in a scrolling area, or in a dock behind another dock's tab
      for (QWidget* p = widget; p && p != window.get(); p = p->parentWidget()) {
        elsewhere = elsewhere || (p != widget && qobject_cast<QAbstractScrollArea*>(p) != nullptr);
        auto* dock = qobject_cast<QDockWidget*>(p);
        elsewhere = elsewhere || (dock && !window->tabifiedDockWidgets(dock).isEmpty() && dock->visibleRegion().isEmpty());
      }
      if (elsewhere) continue;
      const QRect laidOut(widget->mapTo(window.get(), QPoint(0, 0)), widget->size());
      QVERIFY2(inside.contains(laidOut), qPrintable(QString("%1 (%2) at %3,%4 %5×%6 is cut off")
                                                        .arg(widget->objectName(), widget->metaObject()->className())
                                                        .arg(laidOut.x()).arg(laidOut.y())
                                                        .arg(laidOut.width()).arg(laidOut.height())));
    }
    for (QDockWidget* dock : window->findChildren<QDockWidget*>()) {
      if (!dock->isVisible() || !dock->widget()->isVisible() || dock->visibleRegion().isEmpty()) continue;
      const QSize needs = dock->widget()->minimumSizeHint();
      QVERIFY2(dock->widget()->height() >= needs.height() && dock->widget()->width() >= needs.width(),
               qPrintable(QString("%1 is %2×%3, needs %4×%5").arg(dock->objectName()).arg(dock->widget()->width())
                              .arg(dock->widget()->height()).arg(needs.width()).arg(needs.height())));
    }
    facet::test::saveShot(*window, "editor_1366x768.png");
  }

  // Docks give way when the window shrinks; when it grows again the Numbers dock gets its width back instead of
  // staying squeezed while the preview takes all the room.
  void theNumbersDockGrowsBackWithTheWindow() {
    MainWindow window;
    window.resize(1366, 704);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QDockWidget* numbers = nullptr;
    for (QWidget* w = window.charts(); w && !numbers; w = w->parentWidget()) numbers = qobject_cast<QDockWidget*>(w);
    QVERIFY(numbers);
    QTRY_VERIFY(numbers->width() > 0);
    QTest::qWait(100);
    const int wide = numbers->width();
    window.resize(window.minimumSizeHint().width(), 704);
    QTRY_VERIFY(window.width() < 1366);
    QTest::qWait(100);
    QVERIFY2(numbers->width() < wide, qPrintable(QString("%1 → %2").arg(wide).arg(numbers->width())));
    window.resize(1366, 704);
    QTRY_COMPARE(window.width(), 1366);
    QTRY_VERIFY2(numbers->width() >= wide - 1, qPrintable(QString("%1 wide at first, %2 after").arg(wide).arg(numbers->width())));
  }

  // Problems go to a bar above the preview in plain sentences and stay until closed or a new face opens.
  void problemsShowAboveThePreview() {
    MainWindow window;
    QVERIFY(window.problemText().isEmpty());
    QTemporaryDir dir;
    const QString broken = dir.filePath("broken.jpg");
    {
      QFile f(broken);
      QVERIFY(f.open(QIODevice::WriteOnly));
      f.write("not a photo");
    }
    window.editor()->files()->openPhoto(broken);
    QTRY_VERIFY2_WITH_TIMEOUT(window.problemText().contains("Cannot open broken.jpg"), qPrintable(window.problemText()),
                              10000);
    auto* bar = window.findChild<facet::ui::MessageBar*>("messageBar");
    QVERIFY(bar);
    QCOMPARE(bar->kind(), facet::ui::MessageBar::Kind::Error);
    bar->findChild<QToolButton*>("messageClose")->click();
    QVERIFY(window.problemText().isEmpty());
    // An empty session file: what it is, in words, not a parser's byte offset.
    const QString empty = dir.filePath("empty.facet");
    {
      QFile f(empty);
      QVERIFY(f.open(QIODevice::WriteOnly));
    }
    QVERIFY(!window.editor()->files()->openSession(empty));
    QVERIFY2(window.problemText().contains("the file is empty"), qPrintable(window.problemText()));
    QVERIFY(!window.problemText().contains("byte"));

    FACET_REQUIRE_FIXTURES_QT();
    window.editor()->models()->load(facet::test::fixtureModelFiles(false));
    QTRY_VERIFY_WITH_TIMEOUT(window.document()->models(), 20000);
    window.editor()->files()->openWplus(facet::test::fixturesDir() + "/stylegan2/wplus.npy");
    QTRY_VERIFY_WITH_TIMEOUT(window.document()->hasFace(), 20000);
    QVERIFY(window.problemText().isEmpty());  // a new face: the old problem no longer applies
  }

  // A first run with no models: the empty preview says what Facet does, how to start and what is missing; loading
  // finds no generator and the message bar offers the Models dialog (which fetches what can be fetched).
  void firstRunWelcomesAndPointsToTheModels() {
    MainWindow window;
    const QString welcome = window.preview()->message();
    QVERIFY2(welcome.contains("Open a photo") && welcome.contains("sample photo"), qPrintable(welcome));
    QVERIFY2(welcome.contains("Missing: the StyleGAN2 generator"), qPrintable(welcome));
    QSignalSpy loaded(&window, &MainWindow::modelsLoaded);
    window.editor()->models()->load(facet::models::find_model_files());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
    QVERIFY2(window.problemText().contains("No generator loaded"), qPrintable(window.problemText()));
    auto* bar = window.findChild<facet::ui::MessageBar*>("messageBar");
    QCOMPARE(bar->kind(), facet::ui::MessageBar::Kind::Warning);
    auto* action = bar->findChild<QPushButton*>("messageAction");
    QVERIFY(action && !action->isHidden());
    QCOMPARE(action->text(), QString("Models…"));
  }

  // With face-api alone (no generator) a photo's faces are boxed, numbered and read: age, gender, expression in the
  // Numbers dock, and the status corner says what is loaded.
  void faceApiAloneReadsThePhotosFaces() {
    const QString faceApi = facet::test::faceApiDir();
    if (faceApi.isEmpty()) QSKIP("the face-api.js models are not unpacked here (./facet.sh test fetches them from npm)");
    MainWindow window;
    facet::models::ModelFiles files;
    files.face_api_dir = faceApi.toStdString();
    QSignalSpy loaded(&window, &MainWindow::modelsLoaded);
    window.editor()->models()->load(files);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
    QVERIFY(!window.document()->models());
    QVERIFY2(window.statusCorner()->modelsText().contains("face-api only"), qPrintable(window.statusCorner()->modelsText()));
    QVERIFY2(!window.charts()->faceText().contains("need the face-api"), qPrintable(window.charts()->faceText()));
    QSignalSpy analyzed(&window, &MainWindow::photoFacesAnalyzed);
    window.editor()->files()->openPhoto(facet::app::OpenWorkflow::samplePhotoPath());
    QTRY_COMPARE_WITH_TIMEOUT(analyzed.count(), 1, 60000);
    QCOMPARE(window.preview()->faceMarks().size(), 1);
    const QRect box = window.preview()->faceMarks().front();
    QVERIFY(QRect(QPoint(0, 0), window.preview()->image().size()).contains(box));
    QVERIFY2(window.charts()->faceText().contains("Face 1: about"), qPrintable(window.charts()->faceText()));
    QVERIFY(window.charts()->expressionsVisible());
    window.resize(1366, 704);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    facet::test::saveShot(window, "editor_faceapi_only.png");
  }

  // A closed dock comes back from View ▸ Panels.
  void everyDockComesBackFromTheViewMenu() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* panels = window.findChild<QMenu*>("panelsMenu");
    QVERIFY(panels);
    const QList<QDockWidget*> docks = window.findChildren<QDockWidget*>();
    QVERIFY(docks.size() >= 4);
    int toggles = 0;
    for (const QAction* action : panels->actions()) toggles += action->isSeparator() ? 0 : 1;
    QCOMPARE(toggles, docks.size());
    for (QDockWidget* dock : docks) {
      dock->close();
      QVERIFY(!dock->isVisible());
      dock->toggleViewAction()->trigger();
      QVERIFY2(dock->isVisible(), qPrintable(dock->objectName()));
    }
  }

  // File dialogs start beside the file being edited and suggest names made from it.
  void fileDialogsSuggestNamesBesideTheFile() {
    MainWindow window;
    QCOMPARE(window.editor()->files()->suggestedPath(facet::app::OpenWorkflow::FileKind::EditedImage), QDir::home().filePath("face-edited.jpg"));
    FACET_REQUIRE_FIXTURES_QT();
    QTemporaryDir dir;
    const QString photo = dir.filePath("astronaut.png");
    QVERIFY(QFile::copy(facet::app::OpenWorkflow::samplePhotoPath(), photo));
    window.editor()->files()->openPhoto(photo);
    QCOMPARE(window.editor()->files()->suggestedPath(facet::app::OpenWorkflow::FileKind::EditedImage), dir.filePath("astronaut-edited.png"));
    QCOMPARE(window.editor()->files()->suggestedPath(facet::app::OpenWorkflow::FileKind::SideBySide), dir.filePath("astronaut-before-after.png"));
    QCOMPARE(window.editor()->files()->suggestedPath(facet::app::OpenWorkflow::FileKind::AlignedFace), dir.filePath("astronaut-aligned.png"));
    QCOMPARE(window.editor()->files()->suggestedPath(facet::app::OpenWorkflow::FileKind::Wplus), dir.filePath("astronaut-edited.npy"));
    QCOMPARE(window.editor()->files()->suggestedPath(facet::app::OpenWorkflow::FileKind::Session), dir.filePath("astronaut.facet"));
  }

 private:
  QTemporaryDir scratch_;
};

QTEST_MAIN(EditorUsabilityTest)
#include "test_editor_usability.moc"
