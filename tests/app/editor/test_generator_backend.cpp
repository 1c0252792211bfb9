// The real render backend on the fixture generator: edits change the image and the probabilities, previews are
// the small skip output, the worker drops stale requests, bad W+ codes are refused with a message.
#include <QtTest>

#include "app/editor/generator_backend.h"
#include "app/editor/render_worker.h"
#include "core/io/error.h"
#include "core/nn/network_guard.h"
#include "tests/app/editor/fixture_models.h"

using facet::app::GeneratorBackend;
using facet::app::RenderQuality;
using facet::app::RenderRequest;
using facet::app::RenderResult;

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
