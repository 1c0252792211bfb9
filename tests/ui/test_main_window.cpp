#include <QMenu>
#include <QMenuBar>
#include <QLabel>
#include <QTemporaryDir>
#include <QtTest>

#include <QSlider>
#include <QUndoStack>

#include "tests/ui/editor_access.h"
#include "app/editor/edit_document.h"
#include "app/editor/editor.h"
#include "app/editor/render_controller.h"
#include "tests/app/editor/scripted_backend.h"
#include "ui/main_window.h"
#include "ui/preview_widget.h"

namespace {
QVector<facet::ui::AttributeSlot> twoAttributes() {
  return {{"Smiling", "Smiling", "Expression", true}, {"Young", "Young", "Age and gender", false}};
}
}  // namespace

class MainWindowTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() {
    // Autosave and settings go to a scratch folder, not the user's.
    QVERIFY(scratch_.isValid());
    qputenv("XDG_STATE_HOME", scratch_.filePath("state").toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", scratch_.filePath("config").toLocal8Bit());
  }

  void hasMenusPreviewAndStatus() {
    facet::ui::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList menus;
    for (QAction* a : window.menuBar()->actions()) menus << a->text();
    QCOMPARE(menus, QStringList({"&File", "&Edit", "&View", "&Tools", "&Help"}));
    QVERIFY(window.findChild<facet::ui::PreviewWidget*>("preview"));
    QVERIFY(window.statusText().contains("Open a photo"));
    const QByteArray shots = qgetenv("FACET_SCREENSHOTS");
    if (!shots.isEmpty()) QVERIFY(window.grab().save(QString::fromLocal8Bit(shots) + "/main_window.png"));
  }

  // View ▸ Preview speed shows the budget in use and sets the one chosen, for this editor and the next start.
  void previewSpeedMenuChoosesTheBudget() {
    facet::ui::MainWindow window;
    auto* menu = window.findChild<QMenu*>("previewSpeedMenu");
    QVERIFY(menu);
    QStringList checked;
    for (QAction* a : menu->actions())
      if (a->isChecked()) checked << a->objectName();
    QCOMPARE(checked, QStringList{"previewBudget_100"});
    auto* fullSize = window.findChild<QAction*>("previewBudget_0");
    QVERIFY(fullSize);
    fullSize->trigger();
    QCOMPARE(window.editor()->document()->previewBudget(), 0.0);
    facet::ui::MainWindow next;
    QVERIFY(next.findChild<QAction*>("previewBudget_0")->isChecked());
    next.findChild<QAction*>("previewBudget_100")->trigger();
    QCOMPARE(next.editor()->document()->previewBudget(), 100.0);
  }

  void corruptPhotoIsReportedNotFatal() {
    QTemporaryDir dir;
    const QString path = dir.filePath("broken.jpg");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a jpeg at all");
    f.close();
    facet::ui::MainWindow window;
    window.editor()->files()->openPhoto(path);  // decoded off the GUI thread: the message comes a moment later
    QTRY_VERIFY2_WITH_TIMEOUT(window.statusText().startsWith("Cannot open broken.jpg"), qPrintable(window.statusText()),
                              10000);
    QVERIFY(window.problemText().startsWith("Cannot open broken.jpg"));
  }

  // Move a slider from code: a preview arrives, then the full image; the image and probabilities follow the
  // slider; undo brings the old values and image back.
  void sliderDrivesPreviewAndUndo() {
    facet::ui::MainWindow window;
    window.document()->renderer()->setSettleMs(50);
    window.setAttributes(twoAttributes());
    auto backend = std::make_unique<facet::test::ScriptedBackend>();
    backend->delayMs = 5;
    window.setRenderBackend(std::move(backend));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.document()->lastResult().ok(), 3000);
    QCOMPARE(facet::test::greyOf(window.document()->lastResult()), 128);
    QCOMPARE(window.sliderPanel()->probabilityText(0), QString("0.50"));
    const QImage before = window.preview()->rendered();

    QSlider* smile = window.findChild<QWidget*>("attribute_Smiling")->findChild<QSlider*>();
    smile->setValue(200);  // α = 2
    QTRY_VERIFY_WITH_TIMEOUT(window.document()->lastResult().quality == facet::app::RenderQuality::Full &&
                                 window.document()->lastResult().sequence == window.document()->renderer()->lastSubmitted(), 3000);
    QCOMPARE(facet::test::greyOf(window.document()->lastResult()), 208);
    QCOMPARE(window.sliderPanel()->probabilityText(0), QString("0.70"));
    QVERIFY(window.preview()->rendered() != before);
    QVERIFY(window.findChild<QLabel*>("timingLabel")->text().contains("ms/full"));

    Q_EMIT smile->sliderReleased();  // the user lets go: an undo point
    QCOMPARE(window.document()->undoStack()->count(), 1);
    window.document()->undoStack()->undo();
    QCOMPARE(window.sliderPanel()->alphas()[0], 0.0f);
    QTRY_COMPARE_WITH_TIMEOUT(facet::test::greyOf(window.document()->lastResult()), 128, 3000);
    window.document()->undoStack()->redo();
    QCOMPARE(window.sliderPanel()->alphas()[0], 2.0f);
    QTRY_COMPARE_WITH_TIMEOUT(facet::test::greyOf(window.document()->lastResult()), 208, 3000);

    const QByteArray shots = qgetenv("FACET_SCREENSHOTS");
    if (!shots.isEmpty()) QVERIFY(window.grab().save(QString::fromLocal8Bit(shots) + "/main_window_edit.png"));
  }

  void withoutGeneratorTheStatusSaysWhatToDo() {
    facet::ui::MainWindow window;
    window.setAttributes(twoAttributes());
    window.sliderPanel()->setAlpha(0, 1.0f);
    QTRY_VERIFY_WITH_TIMEOUT(window.statusText().contains("No generator"), 3000);
  }

 private:
  QTemporaryDir scratch_;
};

QTEST_MAIN(MainWindowTest)
#include "test_main_window.moc"
