// Translations: the shipped .qm resources load and translate the menus; unknown languages are refused.
#include <QAction>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QtTest>

#include "ui/language.h"
#include "ui/main_window.h"

class LanguageTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(scratch_.isValid());
    qputenv("XDG_CONFIG_HOME", scratch_.path().toLocal8Bit());  // no language chosen by anyone
  }

  void koreanAndChineseTranslateTheMenus() {
    QVERIFY(facet::ui::installLanguage("ko"));
    {
      facet::ui::MainWindow window;
      QCOMPARE(window.menuBar()->actions().first()->text(), QString("파일(&F)"));
      // View ▸ Language shows the language in use, though none was ever chosen (it came from the system).
      QCOMPARE(facet::ui::savedLanguage(), QString());
      QVERIFY(window.findChild<QAction*>("language_ko")->isChecked());
      QVERIFY(!window.findChild<QAction*>("language_en")->isChecked());
      // Qt's own buttons follow (Debian's qt6-translations-l10n, installed by facet.sh).
      QDialogButtonBox buttons(QDialogButtonBox::Cancel);
      QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QString("취소"));
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

 private:
  QTemporaryDir scratch_;
};

QTEST_MAIN(LanguageTest)
#include "test_language.moc"
