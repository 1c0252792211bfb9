// The attribute slider panel: grouping, filter, values in −3…3, reset, probabilities, the "linear" badge.
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QToolButton>
#include <QtTest>

#include "ui/attribute_slider_panel.h"

using facet::ui::AttributeSlot;
using facet::ui::AttributeSliderPanel;

namespace {
QVector<AttributeSlot> sampleAttributes() {
  return {{"Smiling", "Smiling", "Expression", true},
          {"Mouth_Slightly_Open", "Mouth slightly open", "Expression", false},
          {"Blond_Hair", "Blond hair", "Hair", true},
          {"Bangs", "Bangs", "Hair", true},
          {"Eyeglasses", "Eyeglasses", "Accessories", true},
          {"Young", "Young", "Age and gender", false}};
}
}  // namespace

Q_DECLARE_METATYPE(std::vector<float>)

class AttributeSliderPanelTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() { qRegisterMetaType<std::vector<float>>(); }

  void buildsGroupsRowsAndBadges() {
    AttributeSliderPanel panel;
    panel.setAttributes(sampleAttributes());
    QCOMPARE(panel.attributeCount(), 6);
    QStringList groups;
    for (QGroupBox* box : panel.findChildren<QGroupBox*>()) groups << box->title();
    QCOMPARE(groups, QStringList({"Expression", "Hair", "Accessories", "Age and gender"}));
    QCOMPARE(panel.findChildren<QLabel*>("linearBadge").size(), 2);
    QVERIFY(panel.findChild<QWidget*>("attribute_Mouth_Slightly_Open")->findChild<QLabel*>("linearBadge"));
    QVERIFY(!panel.findChild<QWidget*>("attribute_Smiling")->findChild<QLabel*>("linearBadge"));
    QCOMPARE(panel.alphas(), std::vector<float>(6, 0.0f));
  }

  void movingASliderEmitsAllValues() {
    AttributeSliderPanel panel;
    panel.setAttributes(sampleAttributes());
    QSignalSpy changed(&panel, &AttributeSliderPanel::alphasChanged);
    panel.findChild<QWidget*>("attribute_Blond_Hair")->findChild<QSlider*>()->setValue(150);
    QCOMPARE(changed.count(), 1);
    const auto values = changed.at(0).at(0).value<std::vector<float>>();
    QCOMPARE(values.size(), size_t(6));
    QCOMPARE(values[2], 1.5f);
    panel.setAlpha(0, 9.0f);  // clamped to the range
    QCOMPARE(panel.alphas()[0], 3.0f);
  }

  void setAlphasIsQuietAndResetRestoresZero() {
    AttributeSliderPanel panel;
    panel.setAttributes(sampleAttributes());
    QSignalSpy changed(&panel, &AttributeSliderPanel::alphasChanged);
    QSignalSpy committed(&panel, &AttributeSliderPanel::editCommitted);
    panel.setAlphas({1.0f, -2.0f, 0.5f, 0.0f, 0.0f, -0.25f});
    QCOMPARE(changed.count(), 0);
    QCOMPARE(panel.alphas()[1], -2.0f);
    QCOMPARE(panel.alphas()[5], -0.25f);

    panel.findChild<QWidget*>("attribute_Mouth_Slightly_Open")->findChild<QToolButton*>()->click();
    QCOMPARE(panel.alphas()[1], 0.0f);
    QCOMPARE(panel.alphas()[0], 1.0f);
    QCOMPARE(committed.count(), 1);

    panel.findChild<QToolButton*>("resetAll")->click();
    QCOMPARE(panel.alphas(), std::vector<float>(6, 0.0f));
    QCOMPARE(committed.count(), 2);
  }

  void filterHidesRowsAndEmptyGroups() {
    AttributeSliderPanel panel;
    panel.setAttributes(sampleAttributes());
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.findChild<QLineEdit*>("attributeFilter")->setText("hair");
    QVERIFY(panel.isRowVisible(2));
    QVERIFY(panel.isRowVisible(3));  // matched by its group
    QVERIFY(!panel.isRowVisible(0));
    QVERIFY(!panel.isRowVisible(4));
    panel.setFilter("MOUTH");
    QVERIFY(panel.isRowVisible(1));
    QVERIFY(!panel.isRowVisible(0));
    panel.setFilter("");
    for (int i = 0; i < panel.attributeCount(); ++i) QVERIFY(panel.isRowVisible(i));
  }

  void showsProbabilities() {
    AttributeSliderPanel panel;
    panel.setAttributes(sampleAttributes());
    QCOMPARE(panel.probabilityText(0), QString("–"));
    panel.setProbabilities({0.91f, 0.1f, 0.333f, 0.f, 1.f, 0.5f});
    QCOMPARE(panel.probabilityText(0), QString("0.91"));
    QCOMPARE(panel.probabilityText(2), QString("0.33"));
    panel.setProbabilities({});
    QCOMPARE(panel.probabilityText(0), QString("–"));

    const QByteArray shots = qgetenv("FACET_SCREENSHOTS");
    if (!shots.isEmpty()) {
      panel.setAlphas({1.2f, 0, -0.8f, 0, 2.0f, 0});
      panel.setProbabilities({0.91f, 0.1f, 0.333f, 0.f, 1.f, 0.5f});
      panel.resize(420, 520);
      panel.show();
      QVERIFY(QTest::qWaitForWindowExposed(&panel));
      QVERIFY(panel.grab().save(QString::fromLocal8Bit(shots) + "/slider_panel.png"));
    }
  }
};

QTEST_MAIN(AttributeSliderPanelTest)
#include "test_attribute_slider_panel.moc"
