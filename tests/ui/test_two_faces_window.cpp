// The "Two faces" dock in the editor window, as a user drives it: a random second face starts a morph, the λ slider
// moves it (one undo step per gesture) and the charts show the second face's numbers; the operation list switches
// to mixing with its layer boxes; a face from the Recent menu fills an expression slot. Screenshots with
// FACET_SCREENSHOTS=DIR. Runs on the fixture generator (tests/data/fixtures).
#include <QComboBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenu>
#include <QPainter>
#include <QSlider>
#include <QTemporaryDir>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

#include "tests/ui/editor_access.h"
#include "app/editor/edit_document.h"
#include "tests/app/editor/fixture_models.h"
#include "app/editor/editor.h"
#include "app/editor/two_face_workflow.h"
#include "tests/ui/window_test_support.h"
#include "ui/charts_panel.h"
#include "ui/layer_mask_panel.h"
#include "ui/main_window.h"
#include "ui/two_faces_panel.h"

using facet::edit::TwoFaceMode;
using facet::test::fullAndCurrent;
using facet::ui::MainWindow;
using facet::ui::TwoFacesPanel;

namespace {

// The action of a face slot's menu ("Recent faces" submenu included) whose text contains `text`.
QAction* menuAction(TwoFacesPanel& panel, const QString& role, const QString& text) {
  auto* button = panel.findChild<QToolButton*>(role + "FaceChoose");
  if (!button || !button->menu()) return nullptr;
  QList<QMenu*> menus{button->menu()};
  while (!menus.isEmpty()) {
    QMenu* menu = menus.takeFirst();
    for (QAction* action : menu->actions()) {
      if (action->menu()) menus << action->menu();
      else if (action->text().contains(text)) return action;
    }
  }
  return nullptr;
}

}  // namespace

class TwoFacesWindowTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(scratch_.isValid());
    facet::test::isolateUserFolders(scratch_);
  }

  void morphMixAndExpressionFromTheDock() {
    FACET_REQUIRE_FIXTURES_QT();
    auto window = facet::test::readyFixtureWindow();
    QVERIFY(window);
    const facet::test::EditorMessages said(*window);
    window->resize(1366, 768);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    auto* dock = window->findChild<QDockWidget*>("twoFacesDock");
    QVERIFY(dock);
    TwoFacesPanel* panel = window->twoFacesPanel();
    QVERIFY(panel);
    dock->raise();
    QVERIFY(panel->mode() == TwoFaceMode::None);
    QVERIFY(!panel->findChild<QWidget*>("secondFaceRow")->isVisible());
    auto* document = window->document();

    // A random second face: the morph starts half way and the second face's numbers join the charts.
    window->editor()->twoFaces()->fromSeed("second", 11);  // mapped as a job
    QTRY_VERIFY_WITH_TIMEOUT(panel->mode() == TwoFaceMode::Morph, 10000);
    QCOMPARE(panel->amount(), 0.5);
    QVERIFY(panel->faceText("second").contains("11"));
    QVERIFY(panel->findChild<QWidget*>("secondFaceRow")->isVisible());
    QVERIFY(panel->amountText().contains("0.50"));
    QCOMPARE(document->undoStack()->count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!window->charts()->shownSecond().empty(), 20000);
    facet::test::saveShot(*window, "two-faces-morph.png");

    // The slider: in view at 1366×768 (the dock grew to show the operation's rows); Home moves λ to 0 in one step,
    // an undo step of its own.
    auto* slider = panel->findChild<QSlider*>("twoFaceAmount");
    QVERIFY(slider);
    QTRY_COMPARE(slider->visibleRegion().boundingRect().height(), slider->height());
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Home);
    QTRY_COMPARE_WITH_TIMEOUT(document->undoStack()->count(), 2, 5000);
    QCOMPARE(document->twoFaces().amount, 0.0);
    QVERIFY(panel->amountText().contains("0.00"));
    document->undoStack()->undo();
    QCOMPARE(document->twoFaces().amount, 0.5);
    QCOMPARE(panel->amount(), 0.5);  // the panel follows the document

    // Mixing: the operation list shows the layer boxes, coarse ticked.
    auto* modes = panel->findChild<QComboBox*>("twoFaceMode");
    modes->setCurrentIndex(2);
    Q_EMIT modes->activated(2);
    QVERIFY(document->twoFaces().mode == TwoFaceMode::Mix);
    auto* layers = panel->findChild<facet::ui::LayerMaskPanel*>("mixLayers");
    QVERIFY(layers && layers->isVisible());
    QCOMPARE(layers->layerCount(), 10);
    QVERIFY(document->twoFaces().mixLayers == facet::edit::mix_layer_preset("coarse", 10));
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 20000);
    facet::test::saveShot(*window, "two-faces-mix.png");

    // Expression transfer from the Recent menu: the edited face (wplus.npy) as neutral, the random one as
    // expressive.
    QAction* neutral = menuAction(*panel, "neutral", "wplus.npy");
    QVERIFY(neutral);
    neutral->trigger();
    QVERIFY(document->twoFaces().mode == TwoFaceMode::Expression);
    QVERIFY(!document->twoFaces().active());  // the expressive face is still missing
    QVERIFY2(said.contains("expressive"), said.all());
    QAction* expressive = menuAction(*panel, "expressive", "random face 11");
    QVERIFY(expressive);
    expressive->trigger();
    QVERIFY(document->twoFaces().active());
    QVERIFY(panel->faceText("expressive").contains("11"));
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 20000);
    facet::test::saveShot(*window, "two-faces-expression.png");
  }

#ifdef FACET_WITH_VISION
  // A photo as the second face goes through the photo pipeline: with two faces in it the user is asked which one,
  // and the slot names the photo and the face (here refined from the average face: the fixtures have no encoder).
  void aPhotoWithTwoFacesAsksWhichOne() {
    FACET_REQUIRE_FIXTURES_QT();
    const QImage astronaut(facet::app::OpenWorkflow::samplePhotoPath());
    QVERIFY(!astronaut.isNull());
    QImage pair(astronaut.width() * 2, astronaut.height(), QImage::Format_RGB888);
    QPainter painter(&pair);
    painter.drawImage(0, 0, astronaut);
    painter.drawImage(astronaut.width(), 0, astronaut.mirrored(true, false));
    painter.end();
    const QString path = scratch_.filePath("pair.png");
    QVERIFY(pair.save(path));

    auto window = facet::test::readyFixtureWindow();
    QVERIFY(window);
    facet::app::RefinementSettings::setSteps(2);
    int offered = 0;
    window->editor()->photos()->setFaceChooser([&offered](const QVector<QRect>& boxes, const QString&) {
      offered = static_cast<int>(boxes.size());
      return 1;
    });
    window->editor()->twoFaces()->fromPhoto("second", path);
    QTRY_VERIFY_WITH_TIMEOUT(window->document()->twoFaces().second.has_value(), 60000);
    QVERIFY2(offered >= 2, qPrintable(QString::number(offered)));  // both astronauts (the seam may add a false one)
    const facet::app::OtherFace& second = *window->document()->twoFaces().second;
    QCOMPARE(second.origin.face_index, 1);
    QVERIFY(second.origin.kind == "photo");
    QCOMPARE(QString::fromStdString(second.origin.path), QFileInfo(path).absoluteFilePath());
    QCOMPARE(second.origin.photo_sha256.size(), size_t(64));
    QCOMPARE(window->twoFacesPanel()->faceText("second"), QString("pair.png, face 2"));
    QVERIFY(window->document()->twoFaces().mode == TwoFaceMode::Morph);

    // A photo without a face: a plain message, the slot unchanged.
    QImage blank(256, 256, QImage::Format_RGB888);
    blank.fill(Qt::gray);
    QVERIFY(blank.save(scratch_.filePath("blank.png")));
    window->editor()->twoFaces()->fromPhoto("neutral", scratch_.filePath("blank.png"));
    QTRY_VERIFY_WITH_TIMEOUT(window->problemText().contains("blank.png"), 30000);
    QVERIFY(!window->document()->twoFaces().neutral.has_value());
  }
#endif

 private:
  QTemporaryDir scratch_;
};

QTEST_MAIN(TwoFacesWindowTest)
#include "test_two_faces_window.moc"
