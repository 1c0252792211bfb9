// The edit document without any widget (a GUI-less QtTest): undo and redo of attribute edits, timeline playback
// changing the document, a session with every field round-tripping through a second document, exports made off
// the GUI thread that never overwrite the opened file, and the in-photo paste made by the render worker. Runs on
// the fixture generator (tests/data/fixtures).
#include <cmath>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <torch/torch.h>

#include "app/editor/edit_document.h"
#include "app/editor/generator_backend.h"
#include "app/editor/layer_mask.h"
#include "app/editor/photo_face.h"
#include "app/editor/render_controller.h"
#include "core/edit/attributes.h"
#include "core/io/npy.h"
#include "core/nn/stylegan2/cpu_features.h"
#include "tests/app/editor/document_test_support.h"
#include "tests/support/allow_networks.h"
#include "tests/app/editor/fixture_models.h"
#include "tests/app/editor/image_compare.h"
#ifdef FACET_WITH_VISION
#include "app/editor/timeline_model.h"
#endif

using facet::app::EditDocument;
using facet::test::sameRgb;

namespace {

constexpr int kAttributes = facet::test::kAttributeCount;
using facet::test::readyDocument;

std::shared_ptr<const facet::models::ModelSet> fixtureModels() { return facet::test::fixtureModelSet(); }

std::vector<float> edit(float alpha) {
  std::vector<float> alphas(kAttributes, 0.f);
  alphas[facet::test::kFixtureAttribute] = alpha;
  return alphas;
}

}  // namespace

class EditDocumentTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(scratch_.isValid());
    qputenv("XDG_STATE_HOME", scratch_.filePath("state").toLocal8Bit());
  }

  // Without models or a face the document refuses plainly and renders nothing.
  void noFaceNoRender() {
    EditDocument doc(kAttributes, nullptr, scratch_.filePath("autosave-none"));
    QSignalSpy messages(&doc, &EditDocument::message);
    QVERIFY(!doc.setFace(torch::zeros({1, 10, 128})));
    QVERIFY(messages.count() >= 1);
    QVERIFY(messages.last().at(0).toString().contains("No generator"));
    QVERIFY(!doc.session().has_value());
    QVERIFY(!doc.exportWplus(scratch_.filePath("none.npy")));
    QVERIFY(!doc.isModified());
  }

  // Slider moves render; the end of a gesture is one undo step; undo and redo give back the same pixels.
  void undoAndRedoRestoreTheEditAndItsPixels() {
    FACET_REQUIRE_FIXTURES_QT();
    auto doc = readyDocument(scratch_.filePath("autosave-undo"));
    QVERIFY(doc);
    const QImage original = doc->lastResult().image;
    QVERIFY(!doc->isModified());
    QSignalSpy alphas(doc.get(), &EditDocument::alphasChanged);
    doc->setAlphas(edit(1.f));
    doc->setAlphas(edit(2.f));
    doc->commitAlphas(edit(2.f));
    QCOMPARE(doc->undoStack()->count(), 1);
    QVERIFY(doc->isModified());
    QTRY_VERIFY_WITH_TIMEOUT(doc->fullResultIsCurrent(), 20000);
    const QImage edited = doc->lastResult().image;
    QVERIFY(!sameRgb(edited, original));

    doc->undoStack()->undo();
    QCOMPARE(doc->alphas(), edit(0.f));
    QVERIFY(alphas.count() >= 1);
    QCOMPARE(alphas.last().at(0).value<std::vector<float>>(), edit(0.f));
    QTRY_VERIFY_WITH_TIMEOUT(doc->fullResultIsCurrent(), 20000);
    QVERIFY(sameRgb(doc->lastResult().image, original));

    doc->undoStack()->redo();
    QCOMPARE(doc->alphas(), edit(2.f));
    QTRY_VERIFY_WITH_TIMEOUT(doc->fullResultIsCurrent(), 20000);
    QVERIFY(sameRgb(doc->lastResult().image, edited));
    // A commit equal to the last undo point adds no step.
    doc->commitAlphas(edit(2.f));
    QCOMPARE(doc->undoStack()->count(), 1);
  }

  // The edited layers travel with every request: an edit on the fine layers alone differs from the default one.
  void editedLayersChangeTheRender() {
    FACET_REQUIRE_FIXTURES_QT();
    auto doc = readyDocument(scratch_.filePath("autosave-layers"));
    QVERIFY(doc);
    QCOMPARE(doc->editedLayers(), facet::app::layerPresetMask(facet::app::LayerPreset::Default, 10));
    doc->commitAlphas(edit(3.f));
    doc->renderFull();
    QTRY_VERIFY_WITH_TIMEOUT(doc->fullResultIsCurrent(), 20000);
    const QImage defaultLayers = doc->lastResult().image;
    QSignalSpy layers(doc.get(), &EditDocument::editedLayersChanged);
    doc->setEditedLayers(facet::app::layerPresetMask(facet::app::LayerPreset::Fine, 10));
    QCOMPARE(layers.count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(doc->fullResultIsCurrent(), 20000);
    QVERIFY(!sameRgb(doc->lastResult().image, defaultLayers));
  }

  // The preview budget applies to the face being edited at once. Within a budget no preview can exceed, previews
  // are the float32 synthesis; without a budget they take the faster precision from the start (bfloat16, where the
  // CPU has AVX512_BF16); back within the budget, they are float32 again.
  void previewBudgetAppliesToTheFaceBeingEdited() {
    FACET_REQUIRE_FIXTURES_QT();
    auto doc = readyDocument(scratch_.filePath("autosave-budget"));
    QVERIFY(doc);
    doc->renderer()->setSettleMs(100000);  // previews only while the test drags
    const auto preview = [&](float alpha) {
      doc->setAlphas(edit(alpha));
      const quint64 asked = doc->renderer()->lastSubmitted();
      const bool arrived = QTest::qWaitFor([&] { return doc->lastResult().sequence == asked; }, 20000);
      return arrived && doc->lastResult().quality == facet::app::RenderQuality::Preview ? doc->lastResult().image
                                                                                       : QImage();
    };
    constexpr double kGenerous = 1e9;
    doc->setPreviewBudget(kGenerous);
    QCOMPARE(doc->previewBudget(), kGenerous);
    const QImage float32 = preview(1.f);
    QVERIFY(!float32.isNull());
    QCOMPARE(float32.width(), 32);

    doc->setPreviewBudget(0);
    const QImage fast = preview(1.f);
    QCOMPARE(fast.size(), float32.size());
    if (facet::nn::stylegan2::cpu_features().avx512_bf16) {
      QVERIFY(!sameRgb(fast, float32));
      QVERIFY2(facet::test::psnrDb(fast, float32) >= 35.0, "a bfloat16 preview far from float32");
    } else {
      QVERIFY(sameRgb(fast, float32));
    }

    doc->setPreviewBudget(kGenerous);
    QVERIFY(sameRgb(preview(1.f), float32));
  }

#ifdef FACET_WITH_VISION
  // The timeline records the document's slider changes and its playback changes the document (α values, with a
  // render), as the sliders do; without a face it only moves the values.
  void timelinePlaybackChangesTheDocument() {
    FACET_REQUIRE_FIXTURES_QT();
    auto doc = readyDocument(scratch_.filePath("autosave-timeline"));
    QVERIFY(doc);
    double now = 0;
    facet::app::TimelineModel* timeline = facet::test::timelineOnClock(*doc, now);
    timeline->startRecording(doc->alphas());
    now = 1.0;
    doc->setAlphas(edit(2.f));
    timeline->stopRecording();
    QCOMPARE(timeline->timeline().keyframes().size(), size_t(2));
    QVERIFY(doc->isModified());

    doc->resetAlphas(edit(0.f));
    QSignalSpy alphas(doc.get(), &EditDocument::alphasChanged);
    const quint64 before = doc->renderer()->lastSubmitted();
    timeline->seek(1.0);
    QVERIFY(alphas.count() >= 1);
    QCOMPARE(doc->alphas(), edit(2.f));
    QVERIFY(doc->renderer()->lastSubmitted() > before);  // playback renders, like a slider
    timeline->seek(0.5);
    // Half way between the keyframes (the smooth curve passes the middle at half the change).
    QVERIFY(std::abs(doc->alphas()[facet::test::kFixtureAttribute] - 1.f) < 1e-5f);
  }
#endif

  // Every field of a session comes back in a second document: α, layers, the W+, the timeline; the photo origin.
  void sessionRoundTripsThroughAnotherDocument() {
    FACET_REQUIRE_FIXTURES_QT();
    auto doc = readyDocument(scratch_.filePath("autosave-session"));
    QVERIFY(doc);
    doc->commitAlphas(edit(1.5f));
    const std::vector<bool> coarse = facet::app::layerPresetMask(facet::app::LayerPreset::Coarse, 10);
    doc->setEditedLayers(coarse);
#ifdef FACET_WITH_VISION
    double now = 0;
    facet::test::timelineOnClock(*doc, now);
    doc->timeline()->startRecording(doc->alphas());
    now = 0.75;
    doc->setAlphas(edit(-1.f));
    doc->timeline()->stopRecording();
    doc->commitAlphas(edit(-1.f));
#endif
    const QString path = scratch_.filePath("round.facet");
    QVERIFY(doc->isModified());
    QVERIFY(doc->saveSession(path));
    QVERIFY(!doc->isModified());
    const auto saved = doc->session();
    QVERIFY(saved);

    EditDocument other(kAttributes, nullptr, scratch_.filePath("autosave-other"));
    other.setModels(fixtureModels());
    QSignalSpy faces(&other, &EditDocument::faceChanged);
    QVERIFY(other.openSession(path));
    QCOMPARE(faces.count(), 1);
    QCOMPARE(other.alphas(), doc->alphas());
    QCOMPARE(other.editedLayers(), coarse);
    QVERIFY(torch::equal(other.wplus(), doc->wplus()));
    QVERIFY(!other.isModified());
    QCOMPARE(other.undoStack()->count(), 0);
    const auto reopened = other.session();
    QVERIFY(reopened);
    QVERIFY(reopened->session == saved->session);
#ifdef FACET_WITH_VISION
    QVERIFY(!reopened->session.timeline.isEmpty());
    QCOMPARE(other.timeline()->timeline().keyframes().size(), doc->timeline()->timeline().keyframes().size());
#endif
    // A session whose W+ file is gone: a clear message, the document unchanged.
    QFile::remove(scratch_.filePath("round.wplus.npy"));
    QSignalSpy messages(&other, &EditDocument::message);
    QVERIFY(!other.openSession(path));
    QVERIFY(messages.count() >= 1);
    QVERIFY2(messages.last().at(0).toString().contains("round.wplus.npy"), qPrintable(messages.last().at(0).toString()));
    QCOMPARE(other.alphas(), doc->alphas());
  }

  // Exports run on the pool and report through exportFinished; the W+ written is the edited code; the opened file
  // is never a target.
  void exportsWriteOffTheGuiThreadAndNeverOverTheOriginal() {
    FACET_REQUIRE_FIXTURES_QT();
    auto doc = readyDocument(scratch_.filePath("autosave-export"));
    QVERIFY(doc);
    doc->commitAlphas(edit(2.f));
    doc->renderFull();
    QTRY_VERIFY_WITH_TIMEOUT(doc->fullResultIsCurrent(), 20000);
    QSignalSpy finished(doc.get(), &EditDocument::exportFinished);
    const QString npy = scratch_.filePath("edited.npy");
    QVERIFY(doc->exportWplus(npy));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QVERIFY(finished.last().at(1).toBool());
    const torch::Tensor written = facet::io::read_npy(npy.toStdString());
    torch::Tensor expected;
    {
      facet::test::AllowNetworksHere expectedValue;
      expected = facet::app::editedWplus(*fixtureModels(), doc->wplus(), doc->alphas(), doc->editedLayers());
    }
    QVERIFY(torch::allclose(written.reshape_as(expected), expected, 1e-6, 1e-6));

    const QString png = scratch_.filePath("face.png");
    QVERIFY(doc->exportAlignedFace(png));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 20000);
    QVERIFY(sameRgb(QImage(png), doc->lastResult().image));

    doc->setOpenedPath(png);
    QVERIFY(!doc->exportEdited(png));
    QVERIFY(!doc->exportWplus(png));
    QCOMPARE(finished.count(), 2);
  }

  // Show in photo: the worker pastes every render into the photo with the photo face's own function, so the
  // result carries both; off again, nothing is pasted.
  void showInPhotoIsPastedByTheRenderWorker() {
    FACET_REQUIRE_FIXTURES_QT();
    auto doc = readyDocument(scratch_.filePath("autosave-photo"));
    QVERIFY(doc);
    auto photo = std::make_shared<facet::app::PhotoFace>();
    photo->path = scratch_.filePath("photo.png");
    photo->photo = QImage(96, 80, QImage::Format_RGB888);
    photo->photo.fill(Qt::darkGreen);
    const QImage background = photo->photo;
    photo->paste = [background](const QImage& face) {
      QImage out = background.copy();
      for (int y = 0; y < face.height() && y + 8 < out.height(); ++y)
        for (int x = 0; x < face.width() && x + 16 < out.width(); ++x) out.setPixel(x + 16, y + 8, face.pixel(x, y));
      return out;
    };
    QVERIFY(doc->setFace(facet::test::fixtureWplus(), photo));
    QVERIFY(doc->hasPhotoFace());
    doc->setShowInPhoto(true);
    QTRY_VERIFY_WITH_TIMEOUT(doc->fullResultIsCurrent() && !doc->lastResult().inPhoto.isNull(), 20000);
    const facet::app::RenderResult& r = doc->lastResult();
    QVERIFY(sameRgb(r.inPhoto, photo->paste(r.image)));
    QVERIFY(doc->photoComposites() >= 1);
    // The session records where the face came from.
    QCOMPARE(doc->session()->session.photoPath, photo->path);
    doc->setShowInPhoto(false);
    QTRY_VERIFY_WITH_TIMEOUT(doc->fullResultIsCurrent() && doc->lastResult().inPhoto.isNull(), 20000);
  }

 private:
  QTemporaryDir scratch_;
};

QTEST_GUILESS_MAIN(EditDocumentTest)
#include "test_edit_document.moc"
