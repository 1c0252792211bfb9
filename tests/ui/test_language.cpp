// Translations: the shipped .qm resources load and translate the menus; unknown languages are refused.
#include <QMenuBar>
#include <QtTest>

#include "ui/language.h"
#include "ui/main_window.h"

class LanguageTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void koreanAndChineseTranslateTheMenus() {
    QVERIFY(facet::ui::installLanguage("ko"));
    {
      facet::ui::MainWindow window;
      QCOMPARE(window.menuBar()->actions().first()->text(), QString("파일(&F)"));
    }
    QVERIFY(facet::ui::installLanguage("zh_CN"));
    {
      facet::ui::MainWindow window;
      QCOMPARE(window.menuBar()->actions().first()->text(), QString("文件(&F)"));
    }
    QVERIFY(facet::ui::installLanguage("en"));
    facet::ui::MainWindow window;
    QCOMPARE(window.menuBar()->actions().first()->text(), QString("&File"));
  }

  void unknownLanguageIsRefused() { QVERIFY(!facet::ui::installLanguage("xx")); }
};

QTEST_MAIN(LanguageTest)
#include "test_language.moc"
