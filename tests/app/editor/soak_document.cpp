// Soak test of the edit document and its render worker: a long scripted session of slider moves, gestures ending
// (undo steps), undo and redo, and face changes, as a user's afternoon would make them. Every request must get its
// render (none lost, none stuck) and the process's memory must stay flat once warm: a leak of one preview image or
// one undo snapshot per move shows as tens of megabytes over the run.
//
// FACET_SOAK_MOVES sets the length (default 300, the suite's short run that keeps this test working);
// `./facet.sh soak` runs 10,000. FACET_SOAK_GROWTH_MB sets the bound on memory growth after the warm-up
// (default 24 MB). Prints the figures the README gives.
#include <cmath>
#include <cstdio>

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <torch/torch.h>

#include "app/editor/edit_document.h"
#include "app/editor/render_controller.h"
#include "tests/app/editor/document_test_support.h"
#include "tests/app/editor/fixture_models.h"

namespace {

// The memory a leak shows in, in MB: the process's resident memory (Linux: /proc/self/statm's second field, in
// pages); under AddressSanitizer the heap bytes still allocated instead, since its quarantine keeps freed blocks
// resident (up to 256 MB) and they would read as growth.
#if defined(__SANITIZE_ADDRESS__)
extern "C" size_t __sanitizer_get_current_allocated_bytes();  // the sanitizer runtime's (GCC ships no header)
constexpr const char* kMemoryKind = "live heap (AddressSanitizer)";
double memoryMb() { return static_cast<double>(__sanitizer_get_current_allocated_bytes()) / (1024.0 * 1024.0); }
#else
constexpr const char* kMemoryKind = "resident memory";
double memoryMb() {
  QFile statm("/proc/self/statm");
  if (!statm.open(QIODevice::ReadOnly)) return -1;
  const QList<QByteArray> fields = statm.readAll().split(' ');
  return fields.size() > 1 ? fields[1].toDouble() * 4096.0 / (1024.0 * 1024.0) : -1;
}
#endif

int envInt(const char* name, int fallback) {
  bool ok = false;
  const int value = qEnvironmentVariableIntValue(name, &ok);
  return ok && value > 0 ? value : fallback;
}

// The sliders at move `i`: the fixture's transformer attribute sweeps back and forth, and one other slider moves
// per step, so every move changes the edit.
std::vector<float> alphasAt(int i) {
  std::vector<float> alphas(facet::test::kAttributeCount, 0.f);
  alphas[facet::test::kFixtureAttribute] = static_cast<float>(3.0 * std::sin(i * 0.05));
  alphas[i % facet::test::kAttributeCount == facet::test::kFixtureAttribute ? 0 : i % facet::test::kAttributeCount] =
      static_cast<float>((i % 7) - 3) * 0.5f;
  return alphas;
}

}  // namespace

class SoakDocumentTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    FACET_REQUIRE_FIXTURES_QT();
    QVERIFY(scratch_.isValid());
    qputenv("XDG_STATE_HOME", scratch_.filePath("state").toLocal8Bit());
  }

  void everyRenderArrivesAndMemoryStaysFlat() {
    const int moves = envInt("FACET_SOAK_MOVES", 300);
    const int boundMb = envInt("FACET_SOAK_GROWTH_MB", 24);
    auto doc = facet::test::readyDocument(scratch_.filePath("autosave"));
    QVERIFY2(doc, "the fixture face did not render");
    facet::app::RenderController* renderer = doc->renderer();
    const torch::Tensor face = facet::test::fixtureWplus();
    torch::manual_seed(0);

    // Waits until the newest request's render has arrived (every one does: the worker answers each request it
    // takes, and a newer one supersedes the rest).
    auto arrived = [&](int move, const char* what) {
      if (QTest::qWaitFor([&] { return renderer->lastDelivered() == renderer->lastSubmitted(); }, 20000)) return true;
      qWarning("move %d: the render after %s never arrived (submitted %llu, delivered %llu)", move, what,
               static_cast<unsigned long long>(renderer->lastSubmitted()),
               static_cast<unsigned long long>(renderer->lastDelivered()));
      return false;
    };

    int results = 0, failed = 0, undos = 0, redos = 0, faces = 0;
    connect(doc.get(), &facet::app::EditDocument::resultReady, this, [&](const facet::app::RenderResult& r) {
      ++results;
      if (!r.error.isEmpty()) ++failed;  // a superseded render comes back without an image, not as a failure
    });
    const int warmup = std::max(1, moves / 10);
    const int faceEvery = std::min(500, std::max(1, moves / 3));  // the short run changes faces too
    double warmMb = -1, peakMb = 0;
    QElapsedTimer clock;
    clock.start();
    for (int i = 1; i <= moves; ++i) {
      doc->setAlphas(alphasAt(i));
      QVERIFY(arrived(i, "a slider move"));
      if (i % 10 == 0) {  // the hand lets go: an undo step and the full-size render
        doc->commitAlphas(alphasAt(i));
        QVERIFY(QTest::qWaitFor([&] { return doc->fullResultIsCurrent(); }, 20000));
      }
      if (i % 50 == 0) {
        doc->undoStack()->undo();
        doc->undoStack()->undo();
        doc->undoStack()->redo();
        undos += 2;
        redos += 1;
        QVERIFY(arrived(i, "undo and redo"));
      }
      if (i % faceEvery == 0) {  // another face, as opening the next photo does
        QVERIFY(doc->setFace(face + 0.1 * torch::randn_like(face)));
        ++faces;
        QVERIFY(arrived(i, "a face change"));
      }
      if (i == warmup) warmMb = memoryMb();
      peakMb = std::max(peakMb, memoryMb());
    }
    QVERIFY(QTest::qWaitFor([&] { return doc->fullResultIsCurrent(); }, 20000));
    const double endMb = memoryMb();
    const double seconds = clock.elapsed() / 1000.0;
    std::printf("soak: %d moves, %d undo, %d redo, %d face changes in %.1f s (%.1f ms per move); %d renders "
                "delivered, %d failed, %llu requests; %s %.1f MB after %d moves, %.1f MB at the end "
                "(growth %.1f MB, bound %d MB), peak %.1f MB\n",
                moves, undos, redos, faces, seconds, 1000.0 * seconds / moves, results, failed,
                static_cast<unsigned long long>(renderer->lastSubmitted()), kMemoryKind, warmMb, warmup, endMb,
                endMb - warmMb, boundMb, peakMb);
    std::fflush(stdout);
    QCOMPARE(failed, 0);
    QVERIFY2(results >= moves, "fewer renders than slider moves reached the document");
    QCOMPARE(renderer->lastDelivered(), renderer->lastSubmitted());
    QVERIFY2(warmMb > 0 && endMb > 0, "no memory figure (/proc/self/statm)");
    QVERIFY2(endMb - warmMb <= boundMb,
             qPrintable(QString("memory grew %1 MB after the warm-up").arg(endMb - warmMb, 0, 'f', 1)));
  }

 private:
  QTemporaryDir scratch_;
};

QTEST_GUILESS_MAIN(SoakDocumentTest)
#include "soak_document.moc"
