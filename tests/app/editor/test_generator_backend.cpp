// The real render backend on the fixture generator: edits change the image and the probabilities, previews are
// the small skip output and fit their budget (on a fake clock), the worker drops stale requests, bad W+ codes are
// refused with a message.
#include <cmath>
#include <memory>

#include <QtTest>

#include "app/editor/generator_backend.h"
#include "app/editor/render_controller.h"
#include "app/editor/render_worker.h"
#include "core/io/error.h"
#include "core/nn/network_guard.h"
#include "core/nn/stylegan2/cpu_features.h"
#include "core/nn/stylegan2/synthesis_reuse.h"
#include "tests/app/editor/fixture_models.h"
#include "tests/app/editor/image_compare.h"
#include "tests/support/cpu_features_cap.h"

using facet::app::GeneratorBackend;
using facet::app::RenderQuality;
using facet::app::RenderRequest;
using facet::app::RenderResult;
using facet::test::psnrDb;

namespace {
std::shared_ptr<const facet::models::ModelSet> models(bool faceApi = true) {
  static std::shared_ptr<const facet::models::ModelSet> withApi, without;
  auto& slot = faceApi ? withApi : without;
  if (!slot) slot = facet::models::load_model_set(facet::test::fixtureModelFiles(faceApi));
  return slot;
}
RenderRequest request(float eyeglasses, RenderQuality quality) {
  RenderRequest r;
  r.alphas.assign(40, 0.f);
  r.alphas[facet::test::kFixtureAttribute] = eyeglasses;
  r.quality = quality;
  return r;
}
double meanAbsDiff(const QImage& a, const QImage& b) {
  double sum = 0;
  for (int y = 0; y < a.height(); ++y)
    for (int x = 0; x < a.width(); ++x) {
      const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
      sum += std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) + std::abs(qBlue(p) - qBlue(q));
    }
  return sum / (3.0 * a.width() * a.height());
}
const auto never = [] { return false; };

// The budget's clock in a test: a preview takes msAtFullSize · (side / 64)², halved in bfloat16, whatever the
// machine does. The backend reads the clock before and after each preview, so every second reading moves it on by
// the cost of the preview the backend is rendering.
struct FakeClock {
  const GeneratorBackend* backend = nullptr;
  double msAtFullSize = 0;
  double now = 1000;
  bool inPreview = false;
  double operator()() {
    if (inPreview) {
      const double side = backend->previewSize() / 64.0;
      now += msAtFullSize * side * side * (backend->previewBfloat16() ? 0.5 : 1.0);
    }
    inPreview = !inPreview;
    return now;
  }
};

GeneratorBackend::Options budgeted(const std::shared_ptr<FakeClock>& clock) {
  GeneratorBackend::Options options;
  options.preview_size = 64;
  options.min_preview_size = 16;
  options.preview_budget_ms = 100;
  options.clock = [clock] { return (*clock)(); };
  return options;
}
}  // namespace

class GeneratorBackendTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  // The backend is what the render worker runs: this test's thread plays the worker's part, where networks run.
  void initTestCase() { facet::nn::allow_networks_on_this_thread(); }

  void loadsTheFixtureModels() {
    FACET_REQUIRE_FIXTURES_QT();
    auto m = models(false);
    QCOMPARE(m->generator->size(), 64);
    QVERIFY(m->classifier);
    QVERIFY(m->editor->has_transformer(facet::test::kFixtureAttribute));
    QVERIFY(!m->editor->has_transformer(31));
    QVERIFY(!m->analyzer);
    QVERIFY(!m->notes.empty());  // says face-api is missing
  }

  void editChangesImageAndProbabilities() {
    FACET_REQUIRE_FIXTURES_QT();
    GeneratorBackend::Options options;
    options.preview_size = 32;
    GeneratorBackend backend(models(), facet::test::fixtureWplus(), options);
    const RenderResult base = backend.render(request(0, RenderQuality::Full), never);
    QVERIFY(base.ok());
    QCOMPARE(base.image.size(), QSize(64, 64));
    QCOMPARE(base.probabilities.size(), size_t(40));
    QCOMPARE(base.originalProbabilities, base.probabilities);  // unedited: the same W+

    const RenderResult edited = backend.render(request(2.5f, RenderQuality::Full), never);
    QVERIFY(edited.ok());
    const double diff = meanAbsDiff(base.image, edited.image);
    QVERIFY2(diff > 1.0, qPrintable(QString("mean pixel change %1").arg(diff)));
    float moved = 0;
    for (size_t k = 0; k < 40; ++k) moved = std::max(moved, std::abs(edited.probabilities[k] - base.probabilities[k]));
    QVERIFY2(moved > 1e-3f, qPrintable(QString("largest probability change %1").arg(moved)));
    QCOMPARE(edited.originalProbabilities, base.probabilities);
    QCOMPARE(edited.before, base.image);  // the unedited face travels with every result (before/after)
    QVERIFY(edited.timings.synthesis_ms > 0);

    // An attribute without a transformer leaves the face as it is (until the linear fallback).
    RenderRequest other = request(0, RenderQuality::Full);
    other.alphas[31] = 2.0f;
    QCOMPARE(backend.render(other, never).image, base.image);

    if (!facet::test::faceApiDir().isEmpty()) {
      QVERIFY(base.edited.valid && base.original.valid);
      QCOMPARE(base.identity, 100.0);  // the same image
      QVERIFY(edited.identity < 100.0 && edited.identity >= 0.0);
      QCOMPARE(edited.edited.expressions.size(), size_t(7));
      QVERIFY(edited.edited.age > 0);
    }
  }

  void previewIsTheSmallSkipOutput() {
    FACET_REQUIRE_FIXTURES_QT();
    GeneratorBackend::Options options;
    options.preview_size = 32;
    GeneratorBackend backend(models(false), facet::test::fixtureWplus(), options);
    const RenderResult preview = backend.render(request(1.0f, RenderQuality::Preview), never);
    QVERIFY(preview.ok());
    QCOMPARE(preview.image.size(), QSize(32, 32));
    // Asking for more than the generator makes gives its full size; odd sizes round down to a power of two.
    options.preview_size = 1000;
    QCOMPARE(GeneratorBackend(models(false), facet::test::fixtureWplus(), options).previewSize(), 64);
    options.preview_size = 40;
    QCOMPARE(GeneratorBackend(models(false), facet::test::fixtureWplus(), options).previewSize(), 32);
  }

  // An edit masked to the fine layers (W+ rows 6 and up, first read by the 32² block): the second preview of the
  // drag recomputes only the 32² and 64² blocks, and its image is the one a fresh backend renders whole.
  void previewsOfAFineLayerEditKeepTheUnchangedBlocks() {
    FACET_REQUIRE_FIXTURES_QT();
    GeneratorBackend::Options options;
    options.preview_size = 64;
    options.preview_budget_ms = 0;
    options.preview_bfloat16 = false;
    GeneratorBackend backend(models(false), facet::test::fixtureWplus(), options);
    auto fine = [](float alpha) {
      RenderRequest r = request(alpha, RenderQuality::Preview);
      r.editedLayers.assign(10, false);
      for (size_t layer = 6; layer < r.editedLayers.size(); ++layer) r.editedLayers[layer] = true;
      return r;
    };
    QVERIFY(backend.render(fine(1.0f), never).ok());
    const int64_t before = facet::nn::stylegan2::SynthesisReuse::stages_reused();
    const RenderResult second = backend.render(fine(2.0f), never);
    QCOMPARE(facet::nn::stylegan2::SynthesisReuse::stages_reused() - before, int64_t{3});
    QCOMPARE(second.image, GeneratorBackend(models(false), facet::test::fixtureWplus(), options)
                               .render(fine(2.0f), never).image);
    QVERIFY(second.image != backend.render(fine(1.0f), never).image);
  }

  // Without bfloat16 (forced off): a preview over twice the budget halves the side at once; at 32² it fits, and
  // 64² (4× as dear, as measured across the step) would not. The machine gets faster: back to 64². Full renders
  // stay at full size in float32 throughout.
  void previewSideFollowsTheBudget() {
    FACET_REQUIRE_FIXTURES_QT();
    facet::test::CpuFeaturesCap noBfloat16("avx512");
    auto clock = std::make_shared<FakeClock>();
    GeneratorBackend backend(models(false), facet::test::fixtureWplus(), budgeted(clock));
    clock->backend = &backend;
    QVERIFY(!backend.previewBfloat16());
    QCOMPARE(backend.previewSize(), 64);

    clock->msAtFullSize = 300;  // 75 ms at 32², 19 at 16²
    QList<int> sides;
    for (int i = 1; i <= 5; ++i) sides << backend.render(request(0.2f * i, RenderQuality::Preview), never).image.width();
    QCOMPARE(sides, (QList<int>{64, 32, 32, 32, 32}));
    QVERIFY(!backend.previewBfloat16());

    const RenderResult full = backend.render(request(1.0f, RenderQuality::Full), never);
    QCOMPARE(full.image.size(), QSize(64, 64));
    GeneratorBackend::Options plain;
    plain.preview_budget_ms = 0;
    plain.preview_bfloat16 = false;
    QCOMPARE(full.image, GeneratorBackend(models(false), facet::test::fixtureWplus(), plain)
                             .render(request(1.0f, RenderQuality::Full), never).image);

    // 5 ms at 32²: 32²'s running cost (half of each new figure) falls 75 → 40 → 22.5 → 13.75 → 9.4 ms; 64² is
    // expected at 4× that, within 0.8 · 100 from the third preview on, and two in a row step up.
    clock->msAtFullSize = 20;
    sides.clear();
    for (int i = 1; i <= 6; ++i) sides << backend.render(request(0.1f * i, RenderQuality::Preview), never).image.width();
    QCOMPARE(sides, (QList<int>{32, 32, 32, 32, 64, 64}));

    // A superseded preview was not whole: it teaches the budget nothing.
    clock->msAtFullSize = 1000;
    QVERIFY(backend.render(request(1.0f, RenderQuality::Preview), [] { return true; }).image.isNull());
    clock->inPreview = false;  // it read the clock once, at its start
    QCOMPARE(backend.previewSize(), 64);
  }

  // With AVX512_BF16: over budget in float32, previews turn to bfloat16 at the same side (within 35 dB of float32)
  // before any side is given up.
  void previewPrecisionComesBeforeItsSide() {
    FACET_REQUIRE_FIXTURES_QT();
    if (!facet::nn::stylegan2::cpu_features_capped("native").avx512_bf16) QSKIP("no AVX512_BF16 on this CPU");
    auto clock = std::make_shared<FakeClock>();
    GeneratorBackend backend(models(false), facet::test::fixtureWplus(), budgeted(clock));
    clock->backend = &backend;
    GeneratorBackend::Options plain;
    plain.preview_budget_ms = 0;
    plain.preview_bfloat16 = false;
    GeneratorBackend float32(models(false), facet::test::fixtureWplus(), plain);

    clock->msAtFullSize = 150;  // over budget in float32, 75 ms in bfloat16
    const RenderResult first = backend.render(request(1.0f, RenderQuality::Preview), never);
    QCOMPARE(first.image, float32.render(request(1.0f, RenderQuality::Preview), never).image);
    QVERIFY(backend.previewBfloat16());
    for (int i = 0; i < 4; ++i) {
      const RenderResult r = backend.render(request(1.5f, RenderQuality::Preview), never);
      QCOMPARE(r.image.size(), QSize(64, 64));
    }
    QVERIFY(backend.previewBfloat16());
    const QImage bfloat16 = backend.render(request(2.0f, RenderQuality::Preview), never).image;
    const QImage reference = float32.render(request(2.0f, RenderQuality::Preview), never).image;
    QVERIFY(bfloat16 != reference);  // bfloat16 ran
    const double psnr = psnrDb(bfloat16, reference);
    QVERIFY2(psnr >= 35.0, qPrintable(QString("preview PSNR %1 dB").arg(psnr)));
    // The render at rest is float32.
    QCOMPARE(backend.render(request(2.0f, RenderQuality::Full), never).image,
             float32.render(request(2.0f, RenderQuality::Full), never).image);
  }

  // Through the controller, as the editor drives it: previews shrink to the budget while the slider moves, each
  // result answers the newest request, and the edit at rest comes back at full size.
  void controllerPreviewsFitTheBudgetAndRestAtFullSize() {
    FACET_REQUIRE_FIXTURES_QT();
    qRegisterMetaType<facet::app::RenderResult>();
    facet::test::CpuFeaturesCap noBfloat16("avx512");
    auto clock = std::make_shared<FakeClock>();
    auto backend = std::make_unique<GeneratorBackend>(models(false), facet::test::fixtureWplus(), budgeted(clock));
    clock->backend = backend.get();
    clock->msAtFullSize = 1000;  // 250 ms at 32², 62.5 at 16²
    facet::app::RenderController controller(std::move(backend));
    controller.setSettleMs(100000);  // the drag's previews only, until show(…, false)
    QList<RenderResult> results;
    connect(&controller, &facet::app::RenderController::resultReady, this,
            [&](const RenderResult& r) { results << r; });
    for (int i = 1; i <= 4; ++i) {
      facet::app::EditSnapshot edit;
      edit.alphas.assign(40, 0.f);
      edit.alphas[facet::test::kFixtureAttribute] = 0.5f * i;
      controller.show(edit, true);
      QTRY_VERIFY_WITH_TIMEOUT(results.size() == i, 20000);  // one at a time: each preview is rendered
    }
    QList<int> sides;
    for (const RenderResult& r : results) {
      QCOMPARE(r.quality, RenderQuality::Preview);
      sides << r.image.width();
    }
    QCOMPARE(sides, (QList<int>{64, 32, 16, 16}));
    facet::app::EditSnapshot rest;
    rest.alphas.assign(40, 0.f);
    rest.alphas[facet::test::kFixtureAttribute] = 2.0f;
    controller.show(rest, false);
    QTRY_VERIFY_WITH_TIMEOUT(results.size() == 5, 20000);
    QCOMPARE(results.last().quality, RenderQuality::Full);
    QCOMPARE(results.last().image.size(), QSize(64, 64));
    QCOMPARE(results.last().sequence, controller.lastSubmitted());
  }

  void supersededRenderGivesUp() {
    FACET_REQUIRE_FIXTURES_QT();
    GeneratorBackend backend(models(false), facet::test::fixtureWplus());
    const RenderResult r = backend.render(request(1.0f, RenderQuality::Full), [] { return true; });
    QVERIFY(r.image.isNull());
    QVERIFY(r.error.isEmpty());
  }

  void wrongWplusIsRefused() {
    FACET_REQUIRE_FIXTURES_QT();
    try {
      GeneratorBackend backend(models(false), torch::zeros({1, 18, 512}));
      QFAIL("accepted a W+ of the wrong shape");
    } catch (const facet::Error& e) {
      QVERIFY2(QString(e.what()).contains("[1, 10, 128]"), e.what());
    }
  }

  // Flood the worker with the real backend: far fewer renders than requests, and the last one answered.
  void floodRendersOnlyTheNewest() {
    FACET_REQUIRE_FIXTURES_QT();
    QThread thread;
    auto* worker = new facet::app::RenderWorker(
        std::make_unique<GeneratorBackend>(models(false), facet::test::fixtureWplus()));
    worker->moveToThread(&thread);
    QList<RenderResult> results;
    connect(worker, &facet::app::RenderWorker::rendered, this, [&](const RenderResult& r) { results << r; });
    thread.start();
    constexpr int kRequests = 200;
    for (int i = 1; i <= kRequests; ++i) {
      RenderRequest r = request(-3.0f + 6.0f * i / kRequests, RenderQuality::Preview);
      r.sequence = static_cast<quint64>(i);
      worker->submit(r);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!results.isEmpty() && results.last().sequence == kRequests, 20000);
    QVERIFY2(worker->renderCount() < kRequests / 2, qPrintable(QString::number(worker->renderCount())));
    QVERIFY(worker->droppedCount() > 0);
    for (const RenderResult& r : results) QVERIFY(r.ok());
    thread.quit();
    thread.wait();
    delete worker;
  }

  void missingGeneratorIsAClearError() {
    facet::models::ModelFiles files;
    try {
      facet::models::load_model_set(files);
      QFAIL("loaded without a generator");
    } catch (const facet::Error& e) {
      QVERIFY2(QString(e.what()).contains("Tools ▸ Models"), e.what());
    }
  }

  void modelIdsNameTheManifestEntries() {
    facet::models::ModelFiles files;
    files.generator = "/x/stylegan2-ffhq-config-f.pt";
    files.classifier = "/x/latent_classifier_epoch_20.pth";
    files.transformers_dir = "/x/latent-transformer";
    const auto ids = facet::models::model_ids(files);
    QCOMPARE(ids, (std::vector<std::string>{"stylegan2-ffhq-1024", "latent-classifier", "latent-transformers"}));
  }
};

QTEST_GUILESS_MAIN(GeneratorBackendTest)
#include "test_generator_backend.moc"
