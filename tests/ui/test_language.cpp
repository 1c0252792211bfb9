// Translations: the shipped .qm resources load and translate the menus; unknown languages are refused.
#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QPushButton>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QtTest>

#include "app/editor/editor.h"
#include "app/editor/open_workflow.h"
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

  // What went wrong is in the interface language too, the core's part of it included (its file name kept).
  void theCoresErrorsAreTranslated() {
#ifndef FACET_WITH_VISION
    QSKIP("built without core/face: photos are read by Qt");
#else
    const QString path = scratch_.filePath("broken.jpg");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a jpeg at all");
    file.close();
    QVERIFY(facet::ui::installLanguage("ko"));
    {
      facet::ui::MainWindow window;
      window.editor()->files()->openPhoto(path);
      QTRY_VERIFY_WITH_TIMEOUT(!window.problemText().isEmpty(), 10000);
      QVERIFY2(window.problemText().contains("broken.jpg"), qPrintable(window.problemText()));
      QVERIFY2(!window.problemText().contains("not a readable image"), qPrintable(window.problemText()));
      QVERIFY2(window.problemText().contains("읽을 수 없는"), qPrintable(window.problemText()));
    }
    QVERIFY(facet::ui::installLanguage("en"));
#endif
  }

 private:
  QTemporaryDir scratch_;
};

QTEST_MAIN(LanguageTest)
#include "test_language.moc"
