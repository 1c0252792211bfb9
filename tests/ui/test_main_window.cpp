#include <QMenuBar>
#include <QLabel>
#include <QTemporaryDir>
#include <QtTest>

#include "ui/main_window.h"

class MainWindowTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void hasMenusPreviewAndStatus() {
    facet::ui::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList menus;
    for (QAction* a : window.menuBar()->actions()) menus << a->text();
    QCOMPARE(menus, QStringList({"&File", "&Edit", "&View", "&Tools", "&Help"}));
    QVERIFY(window.findChild<QLabel*>("preview"));
    QVERIFY(window.statusText().contains("Open a photo"));
    const QByteArray shots = qgetenv("FACET_SCREENSHOTS");
    if (!shots.isEmpty()) QVERIFY(window.grab().save(QString::fromLocal8Bit(shots) + "/main_window.png"));
  }

  void corruptPhotoIsReportedNotFatal() {
    QTemporaryDir dir;
    const QString path = dir.filePath("broken.jpg");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a jpeg at all");
    f.close();
    facet::ui::MainWindow window;
    window.openPhoto(path);
    QVERIFY2(window.statusText().startsWith("Cannot open broken.jpg"), qPrintable(window.statusText()));
  }
};

QTEST_MAIN(MainWindowTest)
#include "test_main_window.moc"
