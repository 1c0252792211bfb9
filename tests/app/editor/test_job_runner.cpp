// The editor's one job runner: results and errors come back on the GUI thread, Cancel drops a result (or, where the
// job says so, stops it early and keeps what it has), a newer job with the same key replaces the older, and the
// progress a job reports reaches the view.
#include <atomic>
#include <stdexcept>
#include <thread>

#include <QSignalSpy>
#include <QThread>
#include <QtTest>

#include "app/editor/job_runner.h"
#include "core/io/error.h"

using facet::app::JobContext;
using facet::app::JobInfo;
using facet::app::JobRunner;

class JobRunnerTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void resultArrivesOnTheGuiThread() {
    JobRunner jobs;
    const QThread* gui = QThread::currentThread();
    const QThread* workThread = nullptr;
    int result = 0;
    const QThread* doneThread = nullptr;
    jobs.run<int>("sum", [&](JobContext&) {
      workThread = QThread::currentThread();
      return 2 + 3;
    }, [&](int r) {
      result = r;
      doneThread = QThread::currentThread();
    });
    QVERIFY(jobs.waitForIdle(5000));
    QCOMPARE(result, 5);
    QVERIFY(workThread != nullptr && workThread != gui);
    QCOMPARE(doneThread, gui);
  }

  void anErrorIsReportedInPlainWordsAndNoResult() {
    JobRunner jobs;
    QSignalSpy failed(&jobs, &JobRunner::failed);
    bool delivered = false;
    jobs.run<int>("open", [](JobContext&) -> int { throw facet::Error("photo.jpg: not an image"); },
                  [&](int) { delivered = true; });
    QVERIFY(jobs.waitForIdle(5000));
    QVERIFY(!delivered);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).toString(), QString("open"));
    QCOMPARE(failed.at(0).at(1).toString(), QString("photo.jpg: not an image"));
  }

  void cancelDropsTheResult() {
    JobRunner jobs;
    std::atomic<bool> started{false};
    bool delivered = false;
    const quint64 id = jobs.run<int>("slow", [&](JobContext& c) {
      started = true;
      while (!c.cancelled()) QThread::msleep(1);
      return 1;
    }, [&](int) { delivered = true; });
    QVERIFY(QTest::qWaitFor([&] { return started.load(); }, 5000));
    QVERIFY(jobs.isRunning(id));
    jobs.cancel(id);
    QVERIFY(jobs.waitForIdle(5000));
    QVERIFY(!delivered);
  }

  // A refinement: once it says so, Cancel asks it to stop early and its best result is still delivered.
  void cancelCanStopAndKeepTheResult() {
    JobRunner jobs;
    std::atomic<bool> refining{false};
    int steps = -1;
    const quint64 id = jobs.run<int>("refine", [&](JobContext& c) {
      c.setCancelKeepsResult(true);
      refining = true;
      int done = 0;
      while (!c.stopped()) {
        ++done;
        QThread::msleep(1);
      }
      return done;
    }, [&](int r) { steps = r; });
    QVERIFY(QTest::qWaitFor([&] { return refining.load(); }, 5000));
    QTRY_VERIFY(jobs.info(id) && jobs.info(id)->cancelKeepsResult);
    jobs.cancel(id);
    QVERIFY(jobs.waitForIdle(5000));
    QVERIFY(steps > 0);
  }

  void aNewerJobWithTheSameKeyReplacesTheOlder() {
    JobRunner jobs;
    std::atomic<bool> firstStarted{false};
    QStringList results;
    jobs.run<QString>("first", [&](JobContext& c) {
      firstStarted = true;
      while (!c.cancelled()) QThread::msleep(1);
      return QString("first");
    }, [&](QString r) { results << r; }, {"photo", true});
    QVERIFY(QTest::qWaitFor([&] { return firstStarted.load(); }, 5000));
    jobs.run<QString>("second", [](JobContext&) { return QString("second"); }, [&](QString r) { results << r; },
                      {"photo", true});
    QVERIFY(jobs.waitForIdle(5000));
    QCOMPARE(results, QStringList{"second"});
  }

  void progressReachesTheView() {
    JobRunner jobs;
    QSignalSpy progressed(&jobs, &JobRunner::progressed);
    QSignalSpy started(&jobs, &JobRunner::started);
    std::atomic<bool> go{false};
    const quint64 id = jobs.run<int>("steps", [&](JobContext& c) {
      while (!go) QThread::msleep(1);
      c.progress(3, 10, "step 3 of 10");
      return 0;
    }, {}, {QString(), true});
    QCOMPARE(started.count(), 1);
    QCOMPARE(started.at(0).at(0).value<JobInfo>().id, id);
    QVERIFY(started.at(0).at(0).value<JobInfo>().blocking);
    go = true;
    QVERIFY(jobs.waitForIdle(5000));
    QVERIFY(progressed.count() >= 1);
    const JobInfo last = progressed.last().at(0).value<JobInfo>();
    QCOMPARE(last.value, 3);
    QCOMPARE(last.maximum, 10);
    QCOMPARE(last.text, QString("step 3 of 10"));
  }

  // Destroying the runner with a job still running waits for it and delivers nothing.
  void destroyingTheRunnerCancelsAndWaits() {
    std::atomic<bool> started{false}, finished{false};
    bool delivered = false;
    {
      JobRunner jobs;
      jobs.run<int>("long", [&](JobContext& c) {
        started = true;
        while (!c.cancelled()) QThread::msleep(1);
        finished = true;
        return 0;
      }, [&](int) { delivered = true; });
      QVERIFY(QTest::qWaitFor([&] { return started.load(); }, 5000));
    }
    QVERIFY(finished.load());
    QCoreApplication::processEvents();
    QVERIFY(!delivered);
  }
};

QTEST_GUILESS_MAIN(JobRunnerTest)
#include "test_job_runner.moc"
