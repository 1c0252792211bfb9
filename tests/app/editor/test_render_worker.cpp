// The render worker and its controller with a scripted backend: latest wins under a flood, preview then full
// size, errors reported and survived. No display needed.
#include <atomic>
#include <chrono>
#include <mutex>
#include <numeric>
#include <thread>
#include <vector>

#include <QSignalSpy>
#include <QtTest>

#include "app/editor/render_controller.h"
#include "app/editor/render_worker.h"
#include "core/io/error.h"
#include "tests/app/editor/scripted_backend.h"

using facet::app::RenderBackend;
using facet::app::RenderController;
using facet::app::RenderQuality;
using facet::app::RenderRequest;
using facet::app::RenderResult;

using facet::test::ScriptedBackend;
using facet::test::greyOf;

namespace {
// An edit of the attribute values alone.
facet::app::EditSnapshot snapshot(std::vector<float> alphas) {
  facet::app::EditSnapshot edit;
  edit.alphas = std::move(alphas);
  return edit;
}
}  // namespace

class RenderWorkerTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() { qRegisterMetaType<facet::app::RenderResult>(); }

  // 200 slider moves in one burst: the worker renders a handful, drops the rest, and the last image shown answers
  // the last request at full size.
  void floodRendersOnlyTheNewest() {
    auto backend = std::make_unique<ScriptedBackend>();
    auto shared = backend->shared;
    backend->delayMs = 20;
    RenderController controller(std::move(backend));
    controller.setSettleMs(60);
    std::vector<RenderResult> results;
    connect(&controller, &RenderController::resultReady, this, [&](const RenderResult& r) { results.push_back(r); });

    const int moves = 200;
    for (int i = 0; i < moves; ++i) controller.show(snapshot({-2.0f + 4.0f * i / (moves - 1), 0.0f}), true);
    QTRY_VERIFY_WITH_TIMEOUT(!results.empty() && results.back().quality == RenderQuality::Full, 10000);
    QTest::qWait(150);  // nothing more may arrive

    QVERIFY2(shared->calls <= 4, qPrintable(QString("rendered %1 of %2 requests").arg(shared->calls.load()).arg(moves)));
    QVERIFY(controller.worker().droppedCount() >= moves - 4);
    QCOMPARE(shared->maxConcurrent.load(), 1);
    QCOMPARE(results.back().sequence, controller.lastSubmitted());
    QCOMPARE(results.back().image.width(), 128);
    QCOMPARE(greyOf(results.back()), 128 + 80);  // α = 2 → the final request's image
    for (size_t i = 1; i < results.size(); ++i) QVERIFY(results[i].sequence > results[i - 1].sequence);
    QVERIFY(results.back().timings.total_ms >= 20.0);
  }

  // A drag that lasts: moves every 3 ms for 0.5 s against 25 ms renders. Renders keep pace with time, not with
  // events, and once the drag stops at most the render in progress and the full-size one follow.
  void sustainedDragNeverQueues() {
    auto backend = std::make_unique<ScriptedBackend>();
    auto shared = backend->shared;
    backend->delayMs = 25;
    RenderController controller(std::move(backend));
    controller.setSettleMs(100);
    int delivered = 0;
    connect(&controller, &RenderController::resultReady, this, [&](const RenderResult&) { ++delivered; });

    QElapsedTimer clock;
    clock.start();
    int moves = 0;
    while (clock.elapsed() < 500) {
      controller.show(snapshot({std::sin(moves * 0.05f)}), true);
      ++moves;
      QTest::qWait(3);
    }
    const int callsAtStop = shared->calls;
    QTRY_COMPARE_WITH_TIMEOUT(controller.lastDelivered(), controller.lastSubmitted(), 5000);
    QVERIFY2(moves > 3 * callsAtStop, qPrintable(QString("%1 moves, %2 renders").arg(moves).arg(callsAtStop)));
    QVERIFY(callsAtStop >= 3);  // the preview kept updating during the drag
    QVERIFY2(shared->calls - callsAtStop <= 2, qPrintable(QString::number(shared->calls - callsAtStop)));
    QVERIFY(delivered >= 3);
  }

  void previewFirstThenFullSize() {
    auto backend = std::make_unique<ScriptedBackend>();
    backend->delayMs = 4;
    RenderController controller(std::move(backend));
    controller.setSettleMs(80);
    std::vector<RenderResult> results;
    connect(&controller, &RenderController::resultReady, this, [&](const RenderResult& r) { results.push_back(r); });
    controller.show(snapshot({1.0f}), true);
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), size_t(2), 3000);
    QCOMPARE(results[0].quality, RenderQuality::Preview);
    QCOMPARE(results[0].image.width(), 32);
    QCOMPARE(results[1].quality, RenderQuality::Full);
    QCOMPARE(results[1].image.width(), 128);
    QCOMPARE(results[1].probabilities.size(), size_t(1));
    QCOMPARE(results[1].probabilities[0], 0.6f);
  }

  // A backend that checks superseded() gives up early; the abandoned render is not delivered.
  void supersededRenderIsAbandoned() {
    auto backend = std::make_unique<ScriptedBackend>();
    backend->delayMs = 200;
    backend->abortWhenSuperseded = true;
    RenderController controller(std::move(backend));
    controller.setSettleMs(10000);
    std::vector<RenderResult> results;
    connect(&controller, &RenderController::resultReady, this, [&](const RenderResult& r) { results.push_back(r); });
    controller.show(snapshot({0.0f}), true);
    QTest::qWait(30);  // the first render has started
    controller.show(snapshot({1.0f}), false);
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), size_t(1), 3000);
    QTest::qWait(50);
    QCOMPARE(results.size(), size_t(1));
    QCOMPARE(results[0].sequence, controller.lastSubmitted());
    QCOMPARE(controller.worker().abortedCount(), 1);
  }

  void backendErrorsAreReportedAndSurvived() {
    auto backend = std::make_unique<ScriptedBackend>();
    backend->delayMs = 2;
    backend->throwError = true;
    RenderController controller(std::move(backend));
    std::vector<RenderResult> results;
    connect(&controller, &RenderController::resultReady, this, [&](const RenderResult& r) { results.push_back(r); });
    controller.show(snapshot({0.5f}), false);
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), size_t(1), 3000);
    QVERIFY(!results[0].ok());
    QVERIFY(results[0].error.contains("Tools ▸ Models"));

    auto good = std::make_unique<ScriptedBackend>();
    good->delayMs = 2;
    controller.setBackend(std::move(good));
    controller.show(snapshot({0.5f}), false);
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), size_t(2), 3000);
    QVERIFY(results[1].ok());
    QCOMPARE(greyOf(results[1]), 148);
  }

  void noBackendSaysWhatToDo() {
    RenderController controller(nullptr);
    std::vector<RenderResult> results;
    connect(&controller, &RenderController::resultReady, this, [&](const RenderResult& r) { results.push_back(r); });
    controller.show(snapshot({}), false);
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), size_t(1), 3000);
    QVERIFY(results[0].error.contains("No generator"));
  }

  // Destroying the controller mid-render returns promptly (the render is told to give up) and does not crash.
  void shutdownDuringRender() {
    auto backend = std::make_unique<ScriptedBackend>();
    backend->delayMs = 2000;
    backend->abortWhenSuperseded = true;
    QElapsedTimer clock;
    {
      RenderController controller(std::move(backend));
      controller.show(snapshot({1.0f}), false);
      QTest::qWait(30);
      clock.start();
    }
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
  }
};

QTEST_GUILESS_MAIN(RenderWorkerTest)
#include "test_render_worker.moc"
