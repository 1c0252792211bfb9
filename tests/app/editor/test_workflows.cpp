// The editor's workflows without any widget (app::Editor: the document, the job runner, the photo, file, two-face
// and model workflows), on the fixture generator (tests/data/fixtures) and the bundled sample photo. Networks run
// only on the runner's threads: the guard is armed on this test's main thread, as in every editor test.
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <torch/torch.h>

#include "app/editor/autosave.h"
#include "app/editor/edit_document.h"
#include "app/editor/editor.h"
#include "app/editor/job_runner.h"
#include "app/editor/photo_face.h"
#include "app/editor/tune_workflow.h"
#include "app/editor/model_loader.h"
#include "app/editor/open_workflow.h"
#include "app/editor/photo_workflow.h"
#include "app/editor/preview_settings.h"
#include "app/editor/refinement_settings.h"
#include "app/editor/render_controller.h"
#include "app/editor/session.h"
#include "app/editor/text_slider_set.h"
#include "app/editor/timeline_model.h"
#include "app/editor/two_face_state.h"
#include "app/editor/two_face_workflow.h"
#include "core/edit/text_direction.h"
#include "core/edit/two_faces.h"
#include "core/io/npy.h"
#include "core/io/sha256.h"
#include "core/nn/network_guard.h"
#include "tests/app/editor/document_test_support.h"
#include "tests/app/editor/fixture_models.h"
#include "tests/app/editor/image_compare.h"
#include "tests/support/allow_networks.h"
#ifdef FACET_WITH_VISION
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "core/pipeline/photo_pipeline.h"
#include "core/tune/tuned_change.h"
#include "tests/support/encoder_checkpoint.h"
#endif

using facet::test::sameRgb;
using facet::app::Editor;
using facet::app::PhotoWorkflow;

namespace {

QString samplePhoto() { return QString(FACET_SOURCE_DIR) + "/resources/astronaut.png"; }

// An editor on the fixture models (plus `extra` files), its models loaded; null when they do not load in 20 s.
std::unique_ptr<Editor> readyEditor(const QString& autosaveDir, const std::string& encoder = {}) {
  auto editor = std::make_unique<Editor>(facet::test::kAttributeCount, nullptr, autosaveDir);
  editor->document()->setPreviewSize(32);
  editor->document()->renderer()->setSettleMs(50);
  facet::models::ModelFiles files = facet::test::fixtureModelFiles(false);
  files.encoder = encoder;
  QSignalSpy loaded(editor->models(), &facet::app::ModelLoader::loaded);
  editor->models()->load(files);
  if (!loaded.wait(20000) || !loaded.at(0).at(0).toBool()) return nullptr;
  return editor;
}

}  // namespace

class WorkflowsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(scratch_.isValid());
    qputenv("XDG_STATE_HOME", scratch_.filePath("state").toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", scratch_.filePath("config").toLocal8Bit());
    qputenv("XDG_DATA_HOME", scratch_.filePath("data").toLocal8Bit());  // the record of model checksums
    qputenv("FACET_MODELS", scratch_.filePath("models").toLocal8Bit());
    QVERIFY(facet::nn::network_guard_armed() && facet::nn::networks_forbidden_on_this_thread());
  }

  // --- models ---------------------------------------------------------------------------------------------------------

  void modelsLoadOffTheGuiThreadOrSayWhyNot() {
    FACET_REQUIRE_FIXTURES_QT();
    auto editor = readyEditor(scratch_.filePath("autosave-models"));
    QVERIFY(editor);
    QVERIFY(editor->document()->models());
    QVERIFY(editor->models()->modelsText().startsWith("g_small_zip.pt 64"));
    QVERIFY(editor->models()->modelsText().contains("1 transformer"));

    Editor broken(facet::test::kAttributeCount, nullptr, scratch_.filePath("autosave-broken"));
    QSignalSpy loaded(broken.models(), &facet::app::ModelLoader::loaded);
    facet::models::ModelFiles files;
    files.generator = scratch_.filePath("missing.pt").toStdString();
    broken.models()->load(files);
    QVERIFY(loaded.wait(10000));
    QVERIFY(!loaded.at(0).at(0).toBool());
    QVERIFY2(loaded.at(0).at(1).toString().contains("missing.pt"), qPrintable(loaded.at(0).at(1).toString()));
    QVERIFY(!broken.document()->models());
  }

  // --- files ------------------------------------------------------------------------------------------------------------

  // The preview budget chosen in one editor is the next editor's (the settings), and reaches its document.
  void thePreviewBudgetIsKeptForTheNextStart() {
    QCOMPARE(facet::app::Editor(40, nullptr, scratch_.filePath("autosave-budget-0")).document()->previewBudget(),
             facet::app::PreviewSettings::kDefaultBudgetMs);
    {
      facet::app::Editor editor(40, nullptr, scratch_.filePath("autosave-budget-1"));
      editor.setPreviewBudget(0);
      QCOMPARE(editor.document()->previewBudget(), 0.0);
    }
    facet::app::Editor next(40, nullptr, scratch_.filePath("autosave-budget-2"));
    QCOMPARE(next.document()->previewBudget(), 0.0);
    next.setPreviewBudget(200);
    QCOMPARE(facet::app::PreviewSettings::budgetMs(), 200.0);
    next.setPreviewBudget(facet::app::PreviewSettings::kDefaultBudgetMs);
  }

  void aWplusFileARandomFaceAndASessionOpen() {
    FACET_REQUIRE_FIXTURES_QT();
    auto editor = readyEditor(scratch_.filePath("autosave-files"));
    QVERIFY(editor);
    facet::app::EditDocument* doc = editor->document();
    QVERIFY(editor->files()->openWplus(facet::test::fixturesDir() + "/stylegan2/wplus.npy"));
    QVERIFY(torch::equal(doc->wplus(), facet::test::fixtureWplus()));

    // The mapping network runs as a job (the guard would stop this test if it ran here).
    editor->files()->randomFace(7);
    QVERIFY(QTest::qWaitFor([&] { return !torch::equal(doc->wplus(), facet::test::fixtureWplus()); }, 10000));
    torch::Tensor expected;
    {
      facet::test::AllowNetworksHere expectedValues;
      expected = facet::app::randomFaceCode(*doc->models()->generator, 7);
    }
    QVERIFY(torch::allclose(doc->wplus(), expected));

    // A session: saved, then opened in another editor to the same code and α.
    std::vector<float> alphas(facet::test::kAttributeCount, 0.f);
    alphas[facet::test::kFixtureAttribute] = 1.5f;
    doc->commitAlphas(alphas);
    const QString session = scratch_.filePath("random.facet");
    QVERIFY(editor->files()->saveSession(scratch_.filePath("random")));  // ".facet" added
    QVERIFY(QFileInfo::exists(session));
    auto other = readyEditor(scratch_.filePath("autosave-files-2"));
    QVERIFY(other);
    QVERIFY(other->files()->openSession(session));
    QVERIFY(torch::equal(other->document()->wplus(), doc->wplus()));
    QCOMPARE(other->document()->alphas(), alphas);
    QVERIFY(!other->document()->isModified());

    // A bad W+ file: a plain message, the face unchanged.
    QFile bad(scratch_.filePath("bad.npy"));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("not an array");
    bad.close();
    QSignalSpy problems(other->files(), &facet::app::OpenWorkflow::problem);
    QSignalSpy editorProblems(other.get(), &Editor::problem);  // what the window shows, from one place
    QVERIFY(!other->files()->openWplus(bad.fileName()));
    QCOMPARE(problems.count(), 1);
    QVERIFY(problems.at(0).at(0).toString().startsWith("Cannot open bad.npy"));
    QCOMPARE(editorProblems.count(), 1);
    QCOMPARE(editorProblems.at(0).at(0).toString(), problems.at(0).at(0).toString());
    QVERIFY(torch::equal(other->document()->wplus(), doc->wplus()));
  }

  void unsavedEditsAreSavedDiscardedOrKept() {
    FACET_REQUIRE_FIXTURES_QT();
    auto editor = readyEditor(scratch_.filePath("autosave-unsaved"));
    QVERIFY(editor);
    facet::app::EditDocument* doc = editor->document();
    QVERIFY(editor->files()->openWplus(facet::test::fixturesDir() + "/stylegan2/wplus.npy"));
    QVERIFY(editor->files()->settleUnsavedChanges());  // nothing to settle
    std::vector<float> alphas(facet::test::kAttributeCount, 0.f);
    alphas[facet::test::kFixtureAttribute] = 2.f;
    doc->commitAlphas(alphas);
    QVERIFY(doc->isModified());
    using Choice = facet::app::OpenWorkflow::UnsavedChoice;
    Choice answer = Choice::Cancel;
    QString where;
    editor->files()->setUnsavedPrompt([&] { return answer; }, [&] { return where; });
    QVERIFY(!editor->files()->settleUnsavedChanges());
    QVERIFY(doc->isModified());
    answer = Choice::Save;  // never saved: asks where; an empty answer cancels
    QVERIFY(!editor->files()->settleUnsavedChanges());
    where = scratch_.filePath("kept");
    QVERIFY(editor->files()->settleUnsavedChanges());
    QVERIFY(QFileInfo::exists(scratch_.filePath("kept.facet")));
    QVERIFY(!doc->isModified());
    // Undoing back to the saved state is saved again; one more change is not.
    doc->commitAlphas(std::vector<float>(facet::test::kAttributeCount, 0.f));
    QVERIFY(doc->isModified());
    doc->undoStack()->undo();
    QVERIFY(!doc->isModified());
  }

  // The SHA-256 of each model file is recorded when it first loads; a later load of a file replaced under the same
  // name is reported through the editor's problems (the window's message bar), once.
  void aModelFileReplacedSinceItFirstLoadedIsReported() {
    FACET_REQUIRE_FIXTURES_QT();
    QVERIFY(QDir().mkpath(scratch_.filePath("checked")));
    const QString generator = scratch_.filePath("checked/stylegan2-ffhq-config-f.pt");
    QVERIFY(QFile::copy(facet::test::fixturesDir() + "/stylegan2/g_small_zip.pt", generator));
    facet::models::ModelFiles files = facet::test::fixtureModelFiles(false);
    files.generator = generator.toStdString();
    const auto loadAndCollectProblems = [&](const QString& autosave) {
      Editor editor(facet::test::kAttributeCount, nullptr, scratch_.filePath(autosave));
      QSignalSpy problems(&editor, &Editor::problem);
      QSignalSpy loaded(editor.models(), &facet::app::ModelLoader::loaded);
      editor.models()->load(files);
      if (!loaded.wait(20000) || !loaded.at(0).at(0).toBool()) return QStringList{"(the models did not load)"};
      QCoreApplication::processEvents();
      QStringList texts;
      for (const auto& p : problems) texts << p.at(0).toString();
      return texts;
    };
    QCOMPARE(loadAndCollectProblems("autosave-checksum-1"), QStringList{});
    QFile record(scratch_.filePath("data/facet/model-checksums.json"));
    QVERIFY(record.open(QIODevice::ReadOnly));
    const QJsonObject recorded = QJsonDocument::fromJson(record.readAll()).object().value("files").toObject();
    const QString key = QFileInfo(generator).canonicalFilePath();
    QCOMPARE(recorded.value(key).toObject().value("sha256").toString(),
             QString::fromStdString(facet::io::sha256_file(generator.toStdString())));
    QVERIFY(recorded.contains(facet::test::fixturesDir() + "/latent_transformer/latent_classifier.pth"));

    QCOMPARE(loadAndCollectProblems("autosave-checksum-2"), QStringList{});  // unchanged: nothing to say
    // Another generator under the same name (the legacy-format file of the same weights: other bytes, it loads).
    QVERIFY(QFile::remove(generator));
    QVERIFY(QFile::copy(facet::test::fixturesDir() + "/stylegan2/g_small_legacy.pt", generator));
    const QStringList replaced = loadAndCollectProblems("autosave-checksum-3");
    QCOMPARE(replaced.size(), 1);
    QVERIFY2(replaced[0].contains(key) && replaced[0].contains("changed since it first loaded"),
             qPrintable(replaced[0]));
    QCOMPARE(loadAndCollectProblems("autosave-checksum-4"), QStringList{});  // told once; the new one is recorded
  }

  // --- text sliders: every change an undo step of the document ------------------------------------------------------

  void textSlidersAreUndoneInTheDocument() {
    FACET_REQUIRE_FIXTURES_QT();
    auto editor = readyEditor(scratch_.filePath("autosave-text"));
    QVERIFY(editor);
    facet::app::EditDocument* doc = editor->document();
    QVERIFY(editor->files()->openWplus(facet::test::fixturesDir() + "/stylegan2/wplus.npy"));
    QTRY_VERIFY_WITH_TIMEOUT(doc->fullResultIsCurrent(), 10000);
    const QImage plain = doc->lastResult().image;
    auto direction = std::make_shared<facet::edit::TextDirection>();
    direction->prompt = "a test direction";
    direction->delta = torch::randn({doc->models()->generator->n_latent(), doc->models()->generator->style_dim()});
    facet::app::TextSliderSet* text = doc->textSliders();
    const int before = doc->undoStack()->count();
    const QString id = text->add(direction, 0.f);
    QCOMPARE(id, QString("text-1"));
    QCOMPARE(doc->undoStack()->count(), before + 1);
    text->move(id, 2.f);
    text->commit();
    QCOMPARE(doc->undoStack()->count(), before + 2);
    QTRY_VERIFY_WITH_TIMEOUT(doc->fullResultIsCurrent(), 10000);
    const QImage moved = doc->lastResult().image;
    QVERIFY(moved != plain);
    text->remove(id);
    QCOMPARE(int(text->sliders().size()), 0);
    QTRY_VERIFY_WITH_TIMEOUT(doc->fullResultIsCurrent(), 10000);
    QCOMPARE(doc->lastResult().image, plain);

    doc->undoStack()->undo();  // the removal
    QCOMPARE(text->ids(), QStringList{"text-1"});
    QCOMPARE(text->alphas(), std::vector<float>{2.f});
    QTRY_VERIFY_WITH_TIMEOUT(doc->fullResultIsCurrent(), 10000);
    QCOMPARE(doc->lastResult().image, moved);
    doc->undoStack()->undo();  // the value
    QCOMPARE(text->alphas(), std::vector<float>{0.f});
    doc->undoStack()->undo();  // the addition
    QVERIFY(text->sliders().empty());
    doc->undoStack()->redo();
    doc->undoStack()->redo();
    QCOMPARE(text->alphas(), std::vector<float>{2.f});

    // Sessions keep the sliders with their directions.
    QVERIFY(editor->files()->saveSession(scratch_.filePath("text.facet")));
    auto other = readyEditor(scratch_.filePath("autosave-text-2"));
    QVERIFY(other && other->files()->openSession(scratch_.filePath("text.facet")));
    QCOMPARE(other->document()->textSliders()->ids(), QStringList{"text-1"});
    QCOMPARE(other->document()->textSliders()->alphas(), std::vector<float>{2.f});
    QVERIFY(torch::equal(other->document()->textSliders()->sliders()[0].direction->delta, direction->delta));
    QTRY_VERIFY_WITH_TIMEOUT(other->document()->fullResultIsCurrent(), 10000);
    QCOMPARE(other->document()->lastResult().image, moved);
  }

#ifdef FACET_WITH_VISION
  // --- autosave and crash restore ------------------------------------------------------------------------------------

  // The whole edit in one autosave: two faces (the edited code and a morph's second face), attribute and text
  // sliders, and a recorded timeline holding all three kinds of value. The editor is then dropped without a clean
  // exit, as after a crash, and a new editor on the same autosave folder restores every part of it.
  void autosaveRestoresTwoFacesTheTimelineAndTextSlidersAfterACrash() {
    FACET_REQUIRE_FIXTURES_QT();
    const QString autosaveDir = scratch_.filePath("autosave-crash");
    torch::Tensor edited, second;
    QJsonObject timelineBefore;
    std::vector<float> alphasBefore;
    std::vector<std::shared_ptr<facet::edit::TextDirection>> directions;
    QImage imageBefore;
    {
      auto editor = readyEditor(autosaveDir);
      QVERIFY(editor);
      facet::app::EditDocument* doc = editor->document();
      QVERIFY(doc->autosaver()->active());
      QVERIFY(!doc->autosaver()->hasRecoverable());
      doc->autosaver()->setDelayMs(50);
      QSignalSpy saved(doc->autosaver(), &facet::app::Autosaver::saved);
      double now = 0;
      facet::app::TimelineModel* timeline = facet::test::timelineOnClock(*doc, now);

      QVERIFY(editor->files()->openWplus(facet::test::fixturesDir() + "/stylegan2/wplus.npy"));
      edited = doc->wplus().clone();
      editor->twoFaces()->fromSeed("second", 11);
      QVERIFY(QTest::qWaitFor([&] { return doc->twoFaces().second.has_value(); }, 10000));
      second = doc->twoFaces().second->wplus.clone();
      QVERIFY(!torch::allclose(second, edited));
      torch::manual_seed(3);
      for (const char* prompt : {"a smiling face", "a face with curly hair"}) {
        auto direction = std::make_shared<facet::edit::TextDirection>();
        direction->prompt = prompt;
        direction->delta = torch::randn({doc->models()->generator->n_latent(), doc->models()->generator->style_dim()});
        directions.push_back(direction);
        doc->textSliders()->add(direction, 0.f);
      }
      const QStringList ids = doc->textSliders()->ids();
      QCOMPARE(ids.size(), 2);

      // A take on the timeline: attribute, text and morph values, each a keyframe of its own.
      std::vector<float> alphas(facet::test::kAttributeCount, 0.f);
      timeline->startRecording(alphas);
      now = 1.0;
      alphas[facet::test::kFixtureAttribute] = 1.5f;
      doc->setAlphas(alphas);
      doc->commitAlphas(alphas);
      now = 2.0;
      doc->textSliders()->move(ids[0], 1.25f);
      doc->textSliders()->commit();
      now = 3.0;
      editor->twoFaces()->moveAmount(0.35);
      editor->twoFaces()->releaseAmount();
      now = 4.0;
      doc->textSliders()->move(ids[1], -0.75f);
      doc->textSliders()->commit();
      timeline->stopRecording();
      QVERIFY(timeline->timeline().keyframes().size() >= 4);
      timelineBefore = timeline->toJson();
      QVERIFY(timelineBefore.contains("two_faces"));
      alphasBefore = doc->alphas();
      QCOMPARE(doc->textSliders()->alphas(), (std::vector<float>{1.25f, -0.75f}));
      QCOMPARE(doc->twoFaces().amount, 0.35);

      // The next autosave after the last change holds it all.
      const int savesSoFar = saved.count();
      QVERIFY(QTest::qWaitFor([&] { return saved.count() > savesSoFar; }, 5000));
      QTRY_VERIFY_WITH_TIMEOUT(doc->fullResultIsCurrent(), 10000);
      imageBefore = doc->lastResult().image;
      // Dropped without closing: the autosave stays, as after a crash.
    }

    auto editor = readyEditor(autosaveDir);
    QVERIFY(editor);
    facet::app::EditDocument* doc = editor->document();
    QVERIFY(doc->autosaver()->hasRecoverable());
    double now = 0;
    facet::test::timelineOnClock(*doc, now);
    QVERIFY(editor->files()->restoreAutosave());
    QVERIFY(doc->isModified());  // in no file of the user's

    QVERIFY(torch::equal(doc->wplus(), edited));
    QCOMPARE(doc->twoFaces().mode, facet::edit::TwoFaceMode::Morph);
    QVERIFY(doc->twoFaces().second.has_value());
    QVERIFY(torch::equal(doc->twoFaces().second->wplus, second));
    QCOMPARE(doc->twoFaces().second->label, QString("random face 11"));
    QCOMPARE(doc->twoFaces().amount, 0.35);
    QCOMPARE(doc->alphas(), alphasBefore);
    QCOMPARE(doc->textSliders()->alphas(), (std::vector<float>{1.25f, -0.75f}));
    const auto& sliders = doc->textSliders()->sliders();
    QCOMPARE(int(sliders.size()), 2);
    for (size_t i = 0; i < sliders.size(); ++i) {
      QCOMPARE(sliders[i].direction->prompt, directions[i]->prompt);
      QVERIFY(torch::equal(sliders[i].direction->delta, directions[i]->delta));
    }
    QCOMPARE(doc->timeline()->toJson(), timelineBefore);
    QCOMPARE(doc->timeline()->textSliderIds(), doc->textSliders()->ids());
    // And it renders as it did before the crash.
    QTRY_VERIFY_WITH_TIMEOUT(doc->fullResultIsCurrent(), 10000);
    QCOMPARE(doc->lastResult().image, imageBefore);
  }
#endif

  // --- the faces beside the edited one -----------------------------------------------------------------------------

  void aSeededSecondFaceIsMappedOnTheRunnerAndUndone() {
    FACET_REQUIRE_FIXTURES_QT();
    auto editor = readyEditor(scratch_.filePath("autosave-two"));
    QVERIFY(editor);
    facet::app::EditDocument* doc = editor->document();
    QVERIFY(editor->files()->openWplus(facet::test::fixturesDir() + "/stylegan2/wplus.npy"));
    editor->twoFaces()->fromSeed("second", 11);
    QVERIFY(QTest::qWaitFor([&] { return doc->twoFaces().second.has_value(); }, 10000));
    QCOMPARE(doc->twoFaces().mode, facet::edit::TwoFaceMode::Morph);
    QCOMPARE(doc->twoFaces().second->label, QString("random face 11"));
    {
      facet::test::AllowNetworksHere expectedValues;
      QVERIFY(torch::allclose(doc->twoFaces().second->wplus, facet::app::randomFaceCode(*doc->models()->generator, 11)));
    }
    editor->twoFaces()->moveAmount(0.25);
    editor->twoFaces()->releaseAmount();
    QCOMPARE(doc->twoFaces().amount, 0.25);
    doc->undoStack()->undo();
    QVERIFY(doc->twoFaces().amount != 0.25);
    doc->undoStack()->undo();
    QVERIFY(!doc->twoFaces().second.has_value());
    QCOMPARE(doc->twoFaces().mode, facet::edit::TwoFaceMode::None);
  }

  // Choosing a recent face moves it to the top of the list, as it was: the face chosen is one of the list's own.
  void aRecentFaceChosenAgainComesFirstUnchanged() {
    FACET_REQUIRE_FIXTURES_QT();
    auto editor = readyEditor(scratch_.filePath("autosave-recent"));
    QVERIFY(editor);
    facet::app::EditDocument* doc = editor->document();
    QVERIFY(editor->files()->openWplus(facet::test::fixturesDir() + "/stylegan2/wplus.npy"));
    for (const uint64_t seed : {11, 12, 13}) {
      editor->twoFaces()->fromSeed("second", seed);
      const QString label = QString("random face %1").arg(seed);
      const auto arrived = [&] { return doc->twoFaces().second && doc->twoFaces().second->label == label; };
      QVERIFY(QTest::qWaitFor(arrived, 10000));
    }
    const auto labels = [&] {
      QStringList out;
      for (const auto& face : doc->recentFaces()) out << face.label;
      return out;
    };
    const QStringList before = labels();  // the three seeds first, then the faces opened earlier
    QCOMPARE(before.mid(0, 3), (QStringList{"random face 13", "random face 12", "random face 11"}));
    const torch::Tensor code12 = doc->recentFaces()[1].wplus.clone();
    editor->twoFaces()->fromRecent("second", 1);
    QCOMPARE(doc->twoFaces().second->label, QString("random face 12"));
    QStringList expected = before;
    expected.swapItemsAt(0, 1);
    QCOMPARE(labels(), expected);
    QVERIFY(torch::equal(doc->recentFaces()[0].wplus, code12));
    QVERIFY(torch::equal(doc->twoFaces().second->wplus, code12));
  }

#ifdef FACET_WITH_VISION
  // --- photos ---------------------------------------------------------------------------------------------------------

  // With an encoder: the document gets exactly the W+ the core pipeline gives for the largest face, with its
  // paste-back; the photo was shown as decoded.
  void aPhotoIsFoundAlignedAndEncodedOffTheGuiThread() {
    FACET_REQUIRE_FIXTURES_QT();
    auto editor = readyEditor(scratch_.filePath("autosave-photo"), writeEncoder().toStdString());
    QVERIFY(editor);
    QSignalSpy shown(editor->photos(), &PhotoWorkflow::photoShown);
    QSignalSpy ready(editor->photos(), &PhotoWorkflow::faceReady);
    editor->files()->openPhoto(samplePhoto());
    QVERIFY(editor->photos()->busy());
    QVERIFY(ready.wait(120000));
    QCOMPARE(shown.count(), 1);
    QCOMPARE(shown.at(0).at(0).value<QImage>().size(), QSize(512, 512));
    QVERIFY(editor->document()->hasPhotoFace());
    QCOMPARE(editor->document()->openedPath(), samplePhoto());
    torch::Tensor expected;
    {
      facet::test::AllowNetworksHere expectedValues;
      const auto found = facet::pipeline::find_faces(samplePhoto().toStdString());
      facet::pipeline::EmbedModels models;
      models.generator = editor->document()->models()->generator;
      models.encoder = editor->document()->models()->encoder;
      expected = facet::pipeline::embed_face(found.photo, found.faces.at(0), models).wplus;
    }
    QVERIFY(torch::equal(editor->document()->wplus(), expected));
  }

  // Without an encoder the face is aligned and every way forward is offered at once; refining from the average
  // face then gives it a code.
  void withoutAnEncoderThePhotoOffersRefinementFromTheAverageFace() {
    FACET_REQUIRE_FIXTURES_QT();
    auto editor = readyEditor(scratch_.filePath("autosave-noenc"));
    QVERIFY(editor);
    facet::app::RefinementSettings::setSteps(0);
    QSignalSpy problems(editor->photos(), &PhotoWorkflow::problem);
    QSignalSpy aligned(editor->photos(), &PhotoWorkflow::alignedShown);
    editor->files()->openPhoto(samplePhoto());
    QVERIFY(problems.wait(60000));
    QCOMPARE(problems.at(0).at(1).value<PhotoWorkflow::Remedy>(), PhotoWorkflow::Remedy::RefineOrChooseModels);
    QVERIFY(problems.at(0).at(0).toString().contains("Refine it from the average face"));
    QCOMPARE(aligned.count(), 1);
    QVERIFY(editor->photos()->hasAlignedFace());
    QVERIFY(!editor->document()->hasFace());

    facet::app::RefinementSettings::setSteps(3);
    QSignalSpy ready(editor->photos(), &PhotoWorkflow::faceReady);
    editor->photos()->refineFromAverage();
    QVERIFY(ready.wait(120000));
    QVERIFY(editor->document()->hasFace());
    QVERIFY(editor->document()->hasPhotoFace());
    QVERIFY(facet::app::RefinementSettings::msPerStep(editor->document()->models().get()) > 0);
    facet::app::RefinementSettings::setSteps(0);
  }

  // Tuning the generator to the photo: the tuned copy renders the same face and edits closer to the photo than the
  // generator as loaded (which is left unchanged), Cancel keeps the best weights, and another face goes back to
  // the loaded generator.
  void tuningMatchesTheGeneratorToThePhotoAndAnotherFaceUndoesIt() {
    FACET_REQUIRE_FIXTURES_QT();
    auto editor = readyEditor(scratch_.filePath("autosave-tune"), writeEncoder().toStdString());
    QVERIFY(editor);
    facet::app::EditDocument* doc = editor->document();
    facet::app::TuneWorkflow* tuning = editor->tuning();
    QVERIFY(!tuning->available());  // no photo yet
    QSignalSpy ready(editor->photos(), &PhotoWorkflow::faceReady);
    editor->files()->openPhoto(samplePhoto());
    QVERIFY(ready.wait(120000));
    QVERIFY(tuning->available());
    const auto loaded = doc->models();
    const torch::Tensor pivot = doc->wplus().clone();
    const std::string baseHash = facet::tune::weights_sha256(*loaded->generator);
    const auto photoError = [&](const facet::models::ModelSet& models) {
      facet::test::AllowNetworksHere measuring;
      const QImage aligned = doc->photoFace()->aligned;
      const torch::Tensor target = facet::pipeline::generator_target(facet::app::imageToMat(aligned),
                                                                     models.generator->size(), models.device);
      facet::nn::SynthesisOptions options;
      options.noise = facet::nn::NoiseMode::Const;
      const torch::Tensor image = models.generator->synthesis(pivot, options);
      return torch::mse_loss(image, target).item<double>();
    };
    const double before = photoError(*loaded);

    QSignalSpy tuned(tuning, &facet::app::TuneWorkflow::tunedChanged);
    tuning->tune(100);  // measured: photo MSE 0.31 → 0.15 at the recipe's learning rate
    QVERIFY(tuned.wait(240000));
    QVERIFY(tuning->tuned());
    QVERIFY(doc->models() != loaded);
    QCOMPARE(doc->models()->encoder, loaded->encoder);  // only the generator is replaced
    QVERIFY(torch::equal(doc->wplus(), pivot));         // the same face
    const double after = photoError(*doc->models());
    QVERIFY2(after < 0.8 * before, qPrintable(QString("photo MSE %1 → %2").arg(before).arg(after)));
    QCOMPARE(facet::tune::weights_sha256(*loaded->generator), baseHash);  // the loaded generator is unchanged
    QTRY_VERIFY_WITH_TIMEOUT(doc->fullResultIsCurrent(), 20000);

    // Cancel keeps the best weights so far: the tuned generator is still used.
    facet::app::JobRunner* jobs = editor->jobs();
    QSignalSpy tunedAgain(tuning, &facet::app::TuneWorkflow::tunedChanged);
    QSignalSpy started(jobs, &facet::app::JobRunner::started);
    tuning->tune(1000);
    QVERIFY(started.count() == 1 || started.wait(5000));
    QTest::qWait(500);
    jobs->cancel(started.at(0).at(0).value<facet::app::JobInfo>().id);
    QVERIFY(tunedAgain.wait(60000));
    QVERIFY(tuning->tuned());

    // A session keeps the tuning beside it, and opening it tunes the generator again (to within bfloat16).
    const QString session = scratch_.filePath("tuned.facet");
    QVERIFY(editor->files()->saveSession(session));
    QVERIFY(QFileInfo::exists(scratch_.filePath("tuned.tuned")));
    auto other = readyEditor(scratch_.filePath("autosave-tune-2"), writeEncoder().toStdString());
    QVERIFY(other);
    QSignalSpy otherTuned(other->tuning(), &facet::app::TuneWorkflow::tunedChanged);
    QVERIFY(other->files()->openSession(session));
    QVERIFY(otherTuned.wait(60000));
    QVERIFY(other->tuning()->tuned());
    const double restored = photoError(*other->document()->models());
    QVERIFY2(std::abs(restored - photoError(*doc->models())) < 0.05 * before,
             qPrintable(QString("photo MSE tuned %1, restored %2").arg(photoError(*doc->models())).arg(restored)));

    // Another face: back to the generator as loaded; saved again, the session has no tuning left beside it.
    QVERIFY(editor->files()->openWplus(facet::test::fixturesDir() + "/stylegan2/wplus.npy"));
    QVERIFY(!tuning->tuned());
    QCOMPARE(doc->models(), loaded);
    QVERIFY(editor->files()->saveSession(session));
    QVERIFY(!QFileInfo::exists(scratch_.filePath("tuned.tuned")));
  }

  // A crash keeps the tuning: the autosave writes the change beside it (once: not again while it is the same), and
  // restoring the autosave in the next editor tunes the generator to the face again.
  void aCrashKeepsTheTuning() {
    FACET_REQUIRE_FIXTURES_QT();
    const QString autosave = scratch_.filePath("autosave-crash-tune");
    QString change;
    QImage untuned, tuned;
    {
      auto editor = readyEditor(autosave, writeEncoder().toStdString());
      QVERIFY(editor);
      facet::app::EditDocument* doc = editor->document();
      doc->autosaver()->setDelayMs(10);
      QSignalSpy ready(editor->photos(), &PhotoWorkflow::faceReady);
      editor->files()->openPhoto(samplePhoto());
      QVERIFY(ready.wait(120000));
      QTRY_VERIFY_WITH_TIMEOUT(doc->fullResultIsCurrent(), 20000);
      untuned = doc->lastResult().image;
      QSignalSpy saved(doc->autosaver(), &facet::app::Autosaver::saved);
      QSignalSpy tunedChanged(editor->tuning(), &facet::app::TuneWorkflow::tunedChanged);
      editor->tuning()->tune(20);
      QVERIFY(tunedChanged.wait(240000));
      QTRY_VERIFY_WITH_TIMEOUT(doc->fullResultIsCurrent(), 20000);
      tuned = doc->lastResult().image;
      QTRY_VERIFY_WITH_TIMEOUT(!saved.isEmpty() && QFileInfo::exists(facet::app::TuneWorkflow::changePath(
                                                       saved.last().at(0).toString())),
                               10000);
      change = facet::app::TuneWorkflow::changePath(saved.last().at(0).toString());
      const QDateTime written = QFileInfo(change).lastModified();
      // Another edit is autosaved without writing the same change again.
      const int saves = saved.count();
      std::vector<float> alphas(facet::test::kAttributeCount, 0.f);
      alphas[facet::test::kFixtureAttribute] = 1.f;
      doc->commitAlphas(alphas);
      QTRY_VERIFY_WITH_TIMEOUT(saved.count() > saves, 10000);
      QCOMPARE(QFileInfo(change).lastModified(), written);
      doc->commitAlphas(std::vector<float>(facet::test::kAttributeCount, 0.f));
      QTRY_VERIFY_WITH_TIMEOUT(saved.count() > saves + 1, 10000);
    }  // gone without a clean exit: the autosave stays, as after a crash
    QVERIFY(!sameRgb(untuned, tuned));
    auto next = readyEditor(autosave, writeEncoder().toStdString());
    QVERIFY(next);
    QVERIFY(next->document()->autosaver()->hasRecoverable());
    QSignalSpy restored(next->tuning(), &facet::app::TuneWorkflow::tunedChanged);
    QVERIFY(next->files()->restoreAutosave());
    QVERIFY(restored.wait(60000));
    QVERIFY(next->tuning()->tuned());
    QTRY_VERIFY_WITH_TIMEOUT(next->document()->fullResultIsCurrent(), 20000);
    // The change is kept in bfloat16: the restored render is the tuned one to within that, far from the untuned.
    const QImage again = next->document()->lastResult().image;
    const double toTuned = facet::test::psnrDb(again, tuned), toUntuned = facet::test::psnrDb(again, untuned);
    QVERIFY2(toTuned > toUntuned + 10, qPrintable(QString("PSNR to tuned %1, to untuned %2").arg(toTuned).arg(toUntuned)));
    QVERIFY(QFileInfo::exists(change));
  }

  void aPhotoWithSeveralFacesAsksWhichAndOneWithoutSaysSo() {
    FACET_REQUIRE_FIXTURES_QT();
    auto editor = readyEditor(scratch_.filePath("autosave-faces"), writeEncoder().toStdString());
    QVERIFY(editor);
    const cv::Mat astronaut = cv::imread(samplePhoto().toStdString());
    cv::Mat pair;
    cv::hconcat(astronaut, astronaut, pair);
    const QString two = scratch_.filePath("two.png");
    QVERIFY(cv::imwrite(two.toStdString(), pair));
    int offered = 0;
    editor->photos()->setFaceChooser([&](const QVector<QRect>& boxes, const QString&) {
      offered = boxes.size();
      return -1;  // the user declines
    });
    QSignalSpy messages(editor->photos(), &PhotoWorkflow::message);
    editor->files()->openPhoto(two);
    QVERIFY(QTest::qWaitFor([&] { return offered > 0; }, 60000));
    QVERIFY(offered >= 2);
    QVERIFY(editor->jobs()->waitForIdle(10000));
    QVERIFY(!editor->document()->hasFace());
    QCOMPARE(messages.last().at(0).toString(), QString("No face chosen."));

    const cv::Mat blank(200, 200, CV_8UC3, cv::Scalar(128, 128, 128));
    const QString none = scratch_.filePath("blank.png");
    QVERIFY(cv::imwrite(none.toStdString(), blank));
    QSignalSpy problems(editor->photos(), &PhotoWorkflow::problem);
    editor->files()->openPhoto(none);
    QVERIFY(problems.wait(30000));
    QVERIFY(problems.at(0).at(0).toString().startsWith("No face was found in blank.png"));

    QFile corrupt(scratch_.filePath("corrupt.jpg"));
    QVERIFY(corrupt.open(QIODevice::WriteOnly));
    corrupt.write("\xff\xd8\xff\xe0 not really a jpeg");
    corrupt.close();
    QSignalSpy failed(editor->jobs(), &facet::app::JobRunner::failed);
    editor->files()->openPhoto(corrupt.fileName());
    QVERIFY(failed.wait(30000));
    QVERIFY2(failed.at(0).at(1).toString().contains("corrupt.jpg"), qPrintable(failed.at(0).at(1).toString()));
  }

  // A session of a photo face finds the face again in the unchanged photo (paste-back), keeping the saved code.
  void aSessionFindsItsPhotoFaceAgain() {
    FACET_REQUIRE_FIXTURES_QT();
    auto editor = readyEditor(scratch_.filePath("autosave-restore"), writeEncoder().toStdString());
    QVERIFY(editor);
    QSignalSpy ready(editor->photos(), &PhotoWorkflow::faceReady);
    editor->files()->openPhoto(samplePhoto());
    QVERIFY(ready.wait(120000));
    QVERIFY(editor->files()->saveSession(scratch_.filePath("photo.facet")));
    auto other = readyEditor(scratch_.filePath("autosave-restore-2"));
    QVERIFY(other);
    QSignalSpy restored(other->photos(), &PhotoWorkflow::photoFaceRestored);
    QVERIFY(other->files()->openSession(scratch_.filePath("photo.facet")));
    QVERIFY(restored.wait(60000));
    QVERIFY(other->document()->hasPhotoFace());
    QVERIFY(torch::equal(other->document()->wplus(), editor->document()->wplus()));
  }
#endif

 private:
#ifdef FACET_WITH_VISION
  // A pSp checkpoint for the fixture generator (10 × 128), codes around the generator's latent_avg.
  QString writeEncoder() {
    const QString path = scratch_.filePath("psp_small.pt");
    if (QFileInfo::exists(path)) return path;
    facet::test::AllowNetworksHere loading;  // the generator may map z to estimate latent_avg
    const auto g = facet::nn::StyleGan2::load(facet::test::fixtureModelFiles(false).generator);
    facet::test::EncoderCheckpointSpec spec;
    spec.latent_avg = g->latent_avg();
    spec.style_scale = 0.2;
    facet::test::write_encoder_checkpoint(path.toStdString(), spec);
    return path;
  }
#endif
  QTemporaryDir scratch_;
};

QTEST_GUILESS_MAIN(WorkflowsTest)
#include "test_workflows.moc"
