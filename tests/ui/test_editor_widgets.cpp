// The preview widget (split handle, press-and-hold, zoom, old image kept in place) and the charts panel, on
// synthetic images and results: no models needed.
#include <QtTest>

#include "app/editor/render_types.h"
#include "tests/ui/window_test_support.h"
#include "ui/charts_panel.h"
#include "ui/preview_widget.h"

using facet::ui::ChartsPanel;
using facet::ui::PreviewWidget;

using facet::test::saveShot;

namespace {
QImage flat(int side, QColor colour) {
  QImage image(side, side, QImage::Format_RGB32);
  image.fill(colour);
  return image;
}
QColor colourAt(const QImage& image, double fx, double fy) {
  return image.pixelColor(static_cast<int>(fx * image.width()), static_cast<int>(fy * image.height()));
}
}  // namespace

class EditorWidgetsTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void splitShowsBeforeLeftAfterRight() {
    PreviewWidget preview;
    preview.resize(400, 400);
    preview.setBefore(flat(100, Qt::black));
    preview.setImage(flat(100, Qt::white));
    QCOMPARE(colourAt(preview.rendered(), 0.25, 0.5), QColor(Qt::white));
    preview.setSplitEnabled(true);
    preview.setSplitPosition(0.5);
    const QImage shown = preview.rendered();
    QCOMPARE(colourAt(shown, 0.25, 0.5), QColor(Qt::black));
    QCOMPARE(colourAt(shown, 0.75, 0.5), QColor(Qt::white));

    // Dragging the handle moves the split.
    preview.show();
    QVERIFY(QTest::qWaitForWindowExposed(&preview));
    QTest::mousePress(&preview, Qt::LeftButton, {}, QPoint(200, 300));
    QTest::mouseMove(&preview, QPoint(300, 300));
    QTest::mouseRelease(&preview, Qt::LeftButton, {}, QPoint(300, 300));
    QVERIFY2(std::abs(preview.splitPosition() - 0.75) < 0.02, qPrintable(QString::number(preview.splitPosition())));
    QCOMPARE(colourAt(preview.rendered(), 0.6, 0.5), QColor(Qt::black));
  }

  void pressAndHoldShowsBefore() {
    PreviewWidget preview;
    preview.resize(300, 300);
    preview.setBefore(flat(64, Qt::black));
    preview.setImage(flat(64, Qt::white));
    preview.show();
    QVERIFY(QTest::qWaitForWindowExposed(&preview));
    QTest::mousePress(&preview, Qt::RightButton, {}, QPoint(150, 150));
    QVERIFY(preview.showingBefore());
    QCOMPARE(colourAt(preview.rendered(), 0.5, 0.5), QColor(Qt::black));
    QTest::mouseRelease(&preview, Qt::RightButton, {}, QPoint(150, 150));
    QVERIFY(!preview.showingBefore());
    QCOMPARE(colourAt(preview.rendered(), 0.5, 0.5), QColor(Qt::white));
    QTest::keyPress(&preview, Qt::Key_B);
    QVERIFY(preview.showingBefore());
    QTest::keyRelease(&preview, Qt::Key_B);
    QVERIFY(!preview.showingBefore());
  }

  // A small preview lands in the same rectangle as the full image; zoom and pan move it.
  void previewKeepsItsPlaceAndZooms() {
    PreviewWidget preview;
    preview.resize(400, 400);
    preview.setImage(flat(256, Qt::white));
    preview.setImage(flat(32, Qt::red));  // the preview of the next edit
    const QImage shown = preview.rendered();
    QCOMPARE(colourAt(shown, 0.02, 0.5), QColor(Qt::red));
    QCOMPARE(colourAt(shown, 0.98, 0.5), QColor(Qt::red));
    preview.setZoom(0.5);
    QVERIFY(colourAt(preview.rendered(), 0.02, 0.5) != QColor(Qt::red));  // background around the smaller image
    QWheelEvent wheel(QPointF(200, 200), QPointF(200, 200), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(&preview, &wheel);
    QVERIFY(preview.zoom() > 0.5);
    preview.resetView();
    QCOMPARE(preview.zoom(), 1.0);
  }

  void chartsShowWhatMovedMost() {
    ChartsPanel charts;
    charts.resize(380, 700);
    QStringList names;
    for (int i = 0; i < 40; ++i) names << QString("attr%1").arg(i);
    charts.setAttributeNames(names);
    facet::app::RenderResult result;
    result.originalProbabilities.assign(40, 0.5f);
    result.probabilities.assign(40, 0.5f);
    result.probabilities[15] = 0.95f;  // moved most
    result.probabilities[31] = 0.2f;   // second
    result.identity = 82.5;
    charts.showResult(result);
    const QStringList shown = charts.shownAttributes();
    QCOMPARE(shown.size(), ChartsPanel::kShownAttributes);
    QCOMPARE(shown.last(), QString("attr15"));  // horizontal bars: the last category is drawn on top
    QCOMPARE(shown[shown.size() - 2], QString("attr31"));
    QCOMPARE(charts.shownEdited().back(), double(0.95f));
    QCOMPARE(charts.shownOriginal().back(), 0.5);
    QCOMPARE(charts.identityPoints(), 1);
    QVERIFY(charts.identityText().contains("82.5"));
    QVERIFY(!charts.expressionsVisible());

    result.edited.valid = result.original.valid = true;
    result.original.age = 30;
    result.edited.age = 52;
    result.original.maleProbability = 0.9f;
    result.edited.maleProbability = 0.8f;
    result.original.expressions = {0.9f, 0.05f, 0, 0, 0, 0, 0.05f};
    result.edited.expressions = {0.1f, 0.85f, 0, 0, 0, 0, 0.05f};
    result.identity = 70;
    charts.showResult(result);
    QCOMPARE(charts.identityPoints(), 2);
    QVERIFY2(charts.faceText().contains("30 → 52"), qPrintable(charts.faceText()));
    QVERIFY(charts.expressionsVisible());
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    saveShot(charts, "charts_panel.png");
  }
};

QTEST_MAIN(EditorWidgetsTest)
#include "test_editor_widgets.moc"
