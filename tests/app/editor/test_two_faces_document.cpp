// The edit document's two-face operation without widgets, on the fixture generator: a morph at λ = 0 and 1 renders
// the two faces themselves, mixing and expression transfer reach the render and the exported W+, each change is one
// undo step, a session brings back the operation with where its faces came from, and a recording timeline keeps λ.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <torch/torch.h>

#include "app/editor/edit_document.h"
#include "app/editor/generator_backend.h"
#include "app/editor/render_controller.h"
#include "app/editor/two_face_state.h"
#include "core/edit/edit_stack.h"
#include "core/io/npy.h"
#include "tests/app/editor/document_test_support.h"
#include "tests/support/allow_networks.h"
#include "tests/app/editor/fixture_models.h"
#include "tests/app/editor/image_compare.h"
#ifdef FACET_WITH_VISION
#include "app/editor/timeline_model.h"
#include "core/edit/attributes.h"
#endif

using facet::app::EditDocument;
using facet::app::TwoFaceState;
using facet::edit::TwoFaceMode;
using facet::test::sameRgb;

namespace {

constexpr int kAttributes = facet::test::kAttributeCount;
using facet::test::readyDocument;

std::shared_ptr<const facet::models::ModelSet> fixtureModels() { return facet::test::fixtureModelSet(); }

// The fixture's second W+ as a face chosen from a file.
facet::app::OtherFace secondFixtureFace() {
  const torch::Tensor all =
      facet::io::read_npy((facet::test::fixturesDir() + "/stylegan2/wplus.npy").toStdString()).to(torch::kFloat32);
  facet::session::OtherFace origin;
  origin.kind = "wplus";
  origin.path = (facet::test::fixturesDir() + "/stylegan2/wplus.npy").toStdString();
  return facet::app::otherFaceOf(origin, all.slice(0, 1, 2).contiguous());
}

// The generator's full-size image of a code, as the document's renders make it.
QImage rendered(const torch::Tensor& w) {
  facet::test::AllowNetworksHere expectedValue;
  torch::InferenceMode guard;
  return facet::app::tensorToImage(fixtureModels()->generator->synthesis(w, facet::nn::SynthesisOptions{}));
}

bool settle(EditDocument& doc) {
  doc.renderFull();
  return QTest::qWaitFor([&] { return doc.fullResultIsCurrent(); }, 20000);
}

}  // namespace

class TwoFacesDocumentTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(scratch_.isValid());
    qputenv("XDG_STATE_HOME", scratch_.filePath("state").toLocal8Bit());
  }

  // λ = 0 renders the second face and λ = 1 the edited one, pixel for pixel; the charts get the second face's
  // probabilities; undo and redo step through the choices.
  void morphEndsRenderTheTwoFacesAndUndo() {
    FACET_REQUIRE_FIXTURES_QT();
    auto doc = readyDocument(scratch_.filePath("autosave-morph"));
    QVERIFY(doc);
    const QImage original = doc->lastResult().image;
    const facet::app::OtherFace second = secondFixtureFace();
    QVERIFY(sameRgb(original, rendered(doc->wplus())));
    QVERIFY(!sameRgb(original, rendered(second.wplus)));

    TwoFaceState state;
    state.mode = TwoFaceMode::Morph;
    state.amount = 0.0;
    state.second = second;
    QVERIFY(doc->setTwoFaces(state));
    doc->commitTwoFaces("Choose the second face");
    QCOMPARE(doc->undoStack()->count(), 1);
    QVERIFY(settle(*doc));
    const facet::app::RenderResult& atZero = doc->lastResult();
    QVERIFY(sameRgb(atZero.image, rendered(second.wplus)));
    QCOMPARE(atZero.secondProbabilities.size(), atZero.probabilities.size());
    QVERIFY(!atZero.secondProbabilities.empty());
    for (size_t k = 0; k < atZero.probabilities.size(); ++k)
      QVERIFY(std::abs(atZero.secondProbabilities[k] - atZero.probabilities[k]) < 1e-6f);

    state.amount = 1.0;
    QVERIFY(doc->setTwoFaces(state));
    doc->commitTwoFaces("Change morph");
    QVERIFY(settle(*doc));
    QVERIFY(sameRgb(doc->lastResult().image, original));
    state.amount = 0.5;
    QVERIFY(doc->setTwoFaces(state));
    doc->commitTwoFaces("Change morph");
    QVERIFY(settle(*doc));
    QVERIFY(sameRgb(doc->lastResult().image, rendered(facet::edit::morph(doc->wplus(), second.wplus, 0.5))));

    QSignalSpy changed(doc.get(), &EditDocument::twoFacesChanged);
    doc->undoStack()->undo();
    QVERIFY(changed.count() >= 1);
    QCOMPARE(doc->twoFaces().amount, 1.0);
    doc->undoStack()->undo();
    doc->undoStack()->undo();
    QVERIFY(doc->twoFaces().mode == TwoFaceMode::None);
    QVERIFY(settle(*doc));
    QVERIFY(sameRgb(doc->lastResult().image, original));
    QVERIFY(doc->lastResult().secondProbabilities.empty());
    doc->undoStack()->redo();
    QVERIFY(settle(*doc));
    QVERIFY(sameRgb(doc->lastResult().image, rendered(second.wplus)));
    // A code of another generator is refused, plainly, and nothing changes.
    TwoFaceState foreign = state;
    foreign.second->wplus = torch::zeros({1, 18, 512});
    QSignalSpy messages(doc.get(), &EditDocument::message);
    QVERIFY(!doc->setTwoFaces(foreign));
    QVERIFY(messages.last().at(0).toString().contains("another generator"));
    QCOMPARE(doc->twoFaces().amount, 0.0);
  }

  // Mixing takes exactly the ticked layers (the exported W+ shows it); an expression from a face to itself changes
  // nothing; the attribute edits apply on top of the mixed face.
  void mixAndExpressionReachTheRenderAndTheExport() {
    FACET_REQUIRE_FIXTURES_QT();
    auto doc = readyDocument(scratch_.filePath("autosave-mix"));
    QVERIFY(doc);
    const QImage original = doc->lastResult().image;
    const facet::app::OtherFace second = secondFixtureFace();
    TwoFaceState state;
    state.mode = TwoFaceMode::Mix;
    state.amount = 1.0;
    state.mixLayers = {true, true, true, true, false, false, false, false, true, false};
    state.second = second;
    QVERIFY(doc->setTwoFaces(state));
    doc->commitTwoFaces("Mix");
    QSignalSpy finished(doc.get(), &EditDocument::exportFinished);
    const QString npy = scratch_.filePath("mixed.npy");
    QVERIFY(doc->exportWplus(npy));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    const torch::Tensor mixed = facet::io::read_npy(npy.toStdString());
    for (int64_t l = 0; l < 10; ++l) {
      const torch::Tensor& from = state.mixLayers[size_t(l)] ? second.wplus : doc->wplus();
      QVERIFY2(torch::equal(mixed.select(1, l), from.select(1, l)), qPrintable(QString("layer %1").arg(l)));
    }
    QVERIFY(settle(*doc));
    QVERIFY(sameRgb(doc->lastResult().image, rendered(mixed)));

    // The attribute edit acts on the mixed face: the export is the transformer applied to the mixed code.
    std::vector<float> alphas(kAttributes, 0.f);
    alphas[facet::test::kFixtureAttribute] = 1.5f;
    doc->commitAlphas(alphas);
    QVERIFY(doc->exportWplus(scratch_.filePath("mixed-edited.npy")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 20000);
    const torch::Tensor edited = facet::io::read_npy(scratch_.filePath("mixed-edited.npy").toStdString());
    torch::Tensor expected;
    {
      facet::test::AllowNetworksHere expectedValue;
      expected = facet::app::editedWplus(*fixtureModels(), mixed, alphas, doc->editedLayers());
    }
    QVERIFY(torch::allclose(edited, expected, 1e-6, 1e-6));
    doc->commitAlphas(std::vector<float>(kAttributes, 0.f));

    state = TwoFaceState{};
    state.mode = TwoFaceMode::Expression;
    state.amount = 1.0;
    state.neutral = second;
    state.expressive = second;
    QVERIFY(doc->setTwoFaces(state));
    doc->commitTwoFaces("Expression");
    QVERIFY(settle(*doc));
    QVERIFY(sameRgb(doc->lastResult().image, original));
  }

  // A session keeps the operation, its amount and layers, and each face with where it came from; a second
  // document opens it to the same render.
  void sessionRoundTripsTheSecondFace() {
    FACET_REQUIRE_FIXTURES_QT();
    auto doc = readyDocument(scratch_.filePath("autosave-session"));
    QVERIFY(doc);
    TwoFaceState state;
    state.mode = TwoFaceMode::Morph;
    state.amount = 0.3;
    {
      facet::test::AllowNetworksHere aFaceMadeHere;  // the editor maps seeds as a job (tests/app/editor/test_workflows)
      state.second = facet::app::otherFaceFromSeed(*fixtureModels()->generator, 7);
    }
    QVERIFY(doc->setTwoFaces(state));
    doc->commitTwoFaces("Morph");
    QVERIFY(settle(*doc));
    const QImage morphed = doc->lastResult().image;
    const QString path = scratch_.filePath("two.facet");
    QVERIFY(doc->saveSession(path));
    QVERIFY(QFileInfo::exists(scratch_.filePath("two.second.npy")));
    const auto saved = doc->session();
    QVERIFY(saved);
    QCOMPARE(saved->session.twoFaces.faces.size(), size_t(1));
    QVERIFY(saved->session.twoFaces.faces[0].kind == "random");
    QVERIFY(saved->session.twoFaces.faces[0].seed == 7);

    EditDocument other(kAttributes, nullptr, scratch_.filePath("autosave-other"));
    other.setPreviewSize(32);
    other.setModels(fixtureModels());
    QVERIFY(other.openSession(path));
    QVERIFY(other.twoFaces().mode == TwoFaceMode::Morph);
    QCOMPARE(other.twoFaces().amount, 0.3);
    QVERIFY(other.twoFaces().second);
    QCOMPARE(other.twoFaces().second->label, state.second->label);
    QVERIFY(torch::equal(other.twoFaces().second->wplus, state.second->wplus));
    QVERIFY(!other.recentFaces().empty());
    QVERIFY(QTest::qWaitFor([&] { return other.fullResultIsCurrent(); }, 20000));
    QVERIFY(sameRgb(other.lastResult().image, morphed));
    const auto reopened = other.session();
    QVERIFY(reopened);
    QVERIFY(reopened->session == saved->session);
  }

#ifdef FACET_WITH_VISION
  // While recording, λ is a keyframe of its own; playback moves the document's λ and renders it.
  void theTimelineRecordsAndPlaysLambda() {
    FACET_REQUIRE_FIXTURES_QT();
    auto doc = readyDocument(scratch_.filePath("autosave-timeline"));
    QVERIFY(doc);
    double now = 0;
    facet::app::TimelineModel* timeline = facet::test::timelineOnClock(*doc, now);
    TwoFaceState state;
    state.mode = TwoFaceMode::Morph;
    state.amount = 1.0;
    state.second = secondFixtureFace();
    QVERIFY(doc->setTwoFaces(state));
    timeline->startRecording(doc->alphas());
    now = 1.0;
    state.amount = 0.0;
    QVERIFY(doc->setTwoFaces(state));
    timeline->stopRecording();
    const auto& keys = timeline->timeline().keyframes();
    QCOMPARE(keys.size(), size_t(2));
    QVERIFY(keys.front().state.two_face == std::vector<float>{1.0f});
    QVERIFY(keys.back().state.two_face == std::vector<float>{0.0f});
    QVERIFY(timeline->toJson().contains("two_faces"));
    timeline->seek(0.5);
    QVERIFY(std::abs(doc->twoFaces().amount - 0.5) < 1e-6);
    QVERIFY(settle(*doc));
    QVERIFY(sameRgb(doc->lastResult().image,
                    rendered(facet::edit::morph(doc->wplus(), state.second->wplus, doc->twoFaces().amount))));
  }
#endif

 private:
  QTemporaryDir scratch_;
};

QTEST_GUILESS_MAIN(TwoFacesDocumentTest)
#include "test_two_faces_document.moc"
