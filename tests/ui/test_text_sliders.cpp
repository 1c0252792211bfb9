// Text sliders (StyleCLIP directions) in the editor, on the fixture generator (tests/data/fixtures):
// the render backend applies latent and style directions exactly as the core functions do (full and preview
// size), sessions keep them, the window's "Text edits" panel moves the preview and undoes, and "Add text edit…"
// makes sliders through the real dialog with the tiny CLIP stand-in (global direction and optimisation).
#include <QElapsedTimer>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

#include <QJsonDocument>
#include <nlohmann/json.hpp>

#include "tests/ui/editor_access.h"
#include "tests/support/allow_networks.h"
#include "core/edit/global_directions.h"
#include "app/editor/generator_backend.h"
#include "core/io/error.h"
#include "app/editor/render_controller.h"
#include "app/editor/session.h"
#include "core/edit/latent_mapper.h"
#include "core/edit/text_edits.h"
#include "tests/app/editor/fixture_models.h"
#include "tests/ui/window_test_support.h"
#include "ui/editor_docks.h"
#include "ui/main_window.h"
#include "ui/text_edit_dialog.h"
#include "ui/text_slider_panel.h"
#ifdef FACET_WITH_VISION
#include "app/editor/timeline_model.h"
#include "ui/timeline_panel.h"
#endif

using facet::ui::MainWindow;
namespace edit = facet::edit;

using facet::test::fullAndCurrent;
using facet::test::saveShot;

namespace {


std::unique_ptr<MainWindow> readyWindow() {
  auto window = std::make_unique<MainWindow>();
  window->document()->setPreviewSize(32);
  window->document()->renderer()->setSettleMs(150);
  window->editor()->models()->load(facet::test::fixtureModelFiles(false));
  if (!QTest::qWaitFor([&] { return window->document()->models() != nullptr; }, 10000)) return nullptr;
  window->editor()->files()->openWplus(facet::test::fixturesDir() + "/stylegan2/wplus.npy");
  if (!QTest::qWaitFor([&] { return fullAndCurrent(*window); }, 10000)) return nullptr;
  return window;
}

std::shared_ptr<edit::TextDirection> latentDirection(const facet::nn::StyleGan2& g) {
  torch::manual_seed(11);
  auto d = std::make_shared<edit::TextDirection>();
  d->prompt = "a face with curly hair";
  d->method = "optimisation";
  d->kind = edit::TextDirectionKind::Latent;
  d->delta = torch::randn({g.n_latent(), g.style_dim()}) * 0.5;
  return d;
}

std::shared_ptr<edit::TextDirection> styleDirection(const facet::nn::StyleGan2& g) {
  torch::InferenceMode guard;
  torch::manual_seed(12);
  auto d = std::make_shared<edit::TextDirection>();
  d->prompt = "a face with glasses";
  d->neutral = "a face";
  d->method = "global";
  d->kind = edit::TextDirectionKind::Style;
  int64_t total = 0;
  for (const int64_t size : edit::style_sizes(g.config())) {  // from the shapes: no network on this thread
    d->style_sizes.push_back(size);
    total += size;
  }
  d->delta = torch::randn({total}) * 0.3;
  d->alpha_min = -10;
  d->alpha_max = 10;
  return d;
}

QString clipData(const char* name) { return QString(FACET_SOURCE_DIR) + "/tests/data/clip/" + name; }

bool sameImage(const QImage& a, const QImage& b) {
  return a.convertToFormat(QImage::Format_RGB888) == b.convertToFormat(QImage::Format_RGB888);
}
}  // namespace

class TextSlidersTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(scratch_.isValid());
    facet::test::isolateUserFolders(scratch_);
  }

  // Latent: w + α·Δ after the attribute edits; style: styles(w) + α·Δs. Same pixels as the core functions.
  void backendAppliesLatentAndStyleDirections() {
    FACET_REQUIRE_FIXTURES_QT();
    facet::test::AllowNetworksHere theWorkersPart;  // the backend runs here as the render worker runs it
    const auto models = facet::models::load_model_set(facet::test::fixtureModelFiles(false));
    const auto& g = *models->generator;
    const torch::Tensor w = facet::test::fixtureWplus();
    facet::app::GeneratorBackend::Options options;
    options.preview_size = 32;
    facet::app::GeneratorBackend backend(models, w, options);
    const auto never = [] { return false; };
    const std::vector<float> alphas(40, 0.f);
    const auto latent = latentDirection(g);
    const auto style = styleDirection(g);
    torch::InferenceMode guard;

    auto render = [&](std::vector<facet::app::TextSliderValue> text, facet::app::RenderQuality quality) {
      facet::app::RenderRequest request;
      request.alphas = alphas;
      request.quality = quality;
      request.textEdits = std::move(text);
      return backend.render(request, never);
    };
    const auto Full = facet::app::RenderQuality::Full;
    const auto Preview = facet::app::RenderQuality::Preview;
    const QImage base = render({}, Full).image;
    QVERIFY(sameImage(render({{latent, 0.f}, {style, 0.f}}, Full).image, base));  // α = 0 changes nothing

    const QImage lat = render({{latent, 1.5f}}, Full).image;
    QVERIFY(!sameImage(lat, base));
    const torch::Tensor wl = edit::apply_latent_direction(*latent, w, 1.5);
    QVERIFY(sameImage(lat, facet::app::tensorToImage(g.synthesis(wl))));

    const QImage sty = render({{style, 2.f}}, Full).image;
    QVERIFY(!sameImage(sty, base));
    QVERIFY(sameImage(sty, facet::app::tensorToImage(g.synthesis_from_styles(
                                edit::apply_style_direction(*style, g.styles(w), 2.0))))); 

    // Both at once, at preview size: latent first, then the styles of that W+.
    facet::nn::SynthesisOptions small;
    small.output_size = 32;
    const auto both = render({{latent, 1.5f}, {style, 2.f}}, Preview);
    QCOMPARE(both.image.size(), QSize(32, 32));
    QVERIFY(sameImage(both.image, facet::app::tensorToImage(g.synthesis_from_styles(
                                      edit::apply_style_direction(*style, g.styles(wl), 2.0), small))));
    // The classifier reads the latent-edited W+.
    QVERIFY(!both.probabilities.empty());
    QVERIFY(both.probabilities != render({}, Preview).probabilities);

    // Cost of the text sliders per render (reported, not asserted: shared machines vary).
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 20; ++i) render({}, Full);
    const double plain = timer.nsecsElapsed() / 20e6;
    timer.restart();
    for (int i = 0; i < 20; ++i) render({{latent, 1.5f}, {style, 2.f}}, Full);
    qInfo("full render on the fixture (CPU): %.2f ms plain, %.2f ms with a latent + a style text slider", plain,
          timer.nsecsElapsed() / 20e6);

    // A direction made for another generator is a clear error, not a crash.
    auto wrong = std::make_shared<edit::TextDirection>(*latent);
    wrong->delta = torch::zeros({18, 512});
    QVERIFY_THROWS_EXCEPTION(facet::Error, render({{wrong, 1.f}}, Full));
    // Export: latent sliders are part of the edited W+.
    QVERIFY(torch::allclose(facet::app::editedWplus(*models, w, alphas, {}, {{latent, 1.5f}, {style, 2.f}}), wl));
  }

  void sessionKeepsTextSliders() {
    QTemporaryDir dir;
    facet::app::Session s;
    s.wplusFile = "face.wplus.npy";
    s.alphas = {0.5f};
    s.attributeIds = {"Smiling"};
    edit::TextDirection d;
    d.prompt = "curly hair";
    d.kind = edit::TextDirectionKind::Latent;
    d.delta = torch::arange(6, torch::kFloat32).view({2, 3}) / 7;
    const QByteArray json = QByteArray::fromStdString(edit::text_direction_to_json(d).dump());
    s.textSliders.push_back({"text-1", 1.25f, QJsonDocument::fromJson(json).object()});
    const QString path = dir.filePath("a.facet");
    facet::app::saveSession(path, s);
    const facet::app::Session back = facet::app::loadSession(path);
    QVERIFY(back == s);
    const auto restored = edit::text_direction_from_json(
        nlohmann::json::parse(QJsonDocument(back.textSliders[0].direction).toJson().toStdString()), "x");
    QVERIFY(torch::equal(restored.delta, d.delta));
    // A session written before text sliders: none, and it still opens.
    QFile old(dir.filePath("old.facet"));
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write(R"({"format":"facet-session","version":1,"photo":{"path":"","sha256":""},"face":0,)"
              R"("wplus":"w.npy","alphas":[],"attributes":[],"models":[]})");
    old.close();
    QVERIFY(facet::app::loadSession(old.fileName()).textSliders.empty());
    // A malformed entry names the problem.
    QFile bad(dir.filePath("bad.facet"));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(R"({"format":"facet-session","version":1,"face":0,"wplus":"w.npy","alphas":[],"attributes":[],)"
              R"("models":[],"text_sliders":[{"id":"t"}]})");
    bad.close();
    QVERIFY_THROWS_EXCEPTION(facet::Error, facet::app::loadSession(bad.fileName()));
  }

  // A saved direction file → a slider; moving it changes the preview; undo brings the face back; sessions keep it.
  void windowLoadsDirectionAndSliderMovesFace() {
    FACET_REQUIRE_FIXTURES_QT();
    auto window = readyWindow();
    QVERIFY(window);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    const QImage base = window->document()->lastResult().image;
    const QString file = scratch_.filePath("curly.json");
    edit::save_text_direction(file.toStdString(), *latentDirection(*window->document()->models()->generator));
    QVERIFY(window->editor()->text()->load(file));
    auto* panel = window->textPanel();
    QCOMPARE(panel->count(), 1);
    QVERIFY(window->findChild<QWidget*>("textSlider_text-1"));
    const facet::test::EditorMessages said(*window);
    QVERIFY(!window->editor()->text()->load(scratch_.filePath("missing.json")));
    QVERIFY2(said.contains("Cannot load the text direction"), said.all());

    QSignalSpy previews(window.get(), &MainWindow::previewUpdated);
    panel->setAlpha(0, 2.f);  // as if the user dragged it
    Q_EMIT panel->released();
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 10000);
    QVERIFY(previews.count() >= 1);
    const QImage moved = window->document()->lastResult().image;
    QVERIFY(!sameImage(moved, base));
    window->textPanel()->setAlpha(0, 2.f);
    saveShot(*window, "text_sliders_window.png");

    // Undo: the slider and the face go back.
    window->document()->undoStack()->undo();
    QCOMPARE(panel->alphas(), std::vector<float>{0.f});
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 10000);
    QVERIFY(sameImage(window->document()->lastResult().image, base));
    window->document()->undoStack()->redo();
    QCOMPARE(panel->alphas(), std::vector<float>{2.f});
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 10000);
    QVERIFY(sameImage(window->document()->lastResult().image, moved));

    // Session round trip in a fresh window: the slider comes back with its α and the same face.
    const QString session = scratch_.filePath("text.facet");
    QVERIFY(window->editor()->files()->saveSession(session));
    auto other = readyWindow();
    QVERIFY(other);
    QVERIFY(other->editor()->files()->openSession(session));
    QCOMPARE(other->textPanel()->count(), 1);
    QCOMPARE(other->textPanel()->slider(0).id, QString("text-1"));
    QCOMPARE(other->textPanel()->alphas(), std::vector<float>{2.f});
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*other), 10000);
    QVERIFY(sameImage(other->document()->lastResult().image, moved));

    // Remove: the slider goes, the face returns to the unedited one.
    other->textPanel()->findChild<QWidget*>("textSlider_text-1")->findChild<QToolButton*>("textRemove")->click();
    QTRY_COMPARE(other->textPanel()->count(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*other) && sameImage(other->document()->lastResult().image, base), 10000);

    // A slider removed after an undo step: undoing that step still moves the slider it was made on (by id),
    // although that slider now sits one row higher.
    QVERIFY(window->editor()->text()->load(file));
    QCOMPARE(panel->count(), 2);
    const float initial = panel->alphas()[1];
    panel->setAlpha(1, 2.5f);
    Q_EMIT panel->released();
    panel->findChild<QWidget*>("textSlider_text-1")->findChild<QToolButton*>("textRemove")->click();
    QTRY_COMPARE(panel->count(), 1);
    QCOMPARE(panel->alphas(), std::vector<float>{2.5f});
    auto alphaOf = [&](const QString& id) { return panel->alphas()[static_cast<size_t>(panel->indexOf(id))]; };
    // Adding and removing sliders are undo steps too: the removed slider comes back with its id and value.
    window->document()->undoStack()->undo();
    QCOMPARE(panel->count(), 2);
    QCOMPARE(alphaOf("text-1"), 2.f);
    window->document()->undoStack()->undo();
    QCOMPARE(alphaOf("text-2"), initial);
    QCOMPARE(alphaOf("text-1"), 2.f);
    window->document()->undoStack()->undo();  // the second slider's "Add": it goes
    QCOMPARE(panel->count(), 1);
    QCOMPARE(panel->indexOf("text-2"), -1);
    window->document()->undoStack()->redo();
    QCOMPARE(panel->count(), 2);
    QCOMPARE(alphaOf("text-2"), initial);
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 10000);
  }

  // "Add text edit…" through the real dialog with the CLIP stand-in: a global direction (tiny statistics, cached)
  // and an optimisation of this face both become sliders that move the face.
  void dialogMakesSlidersWithClip() {
    FACET_REQUIRE_FIXTURES_QT();
    auto window = readyWindow();
    QVERIFY(window);
    window->show();
    const QImage base = window->document()->lastResult().image;
    window->editor()->text()->setClipFiles(clipData("clip_standin.pt"), clipData("tiny_merges.txt"));
    window->editor()->text()->setCacheDir(scratch_.filePath("relevance"));

    auto* dialog = facet::ui::openAddTextEdit(window.get(), window->editor());
    QVERIFY(dialog->clipAvailable());
    dialog->setPrompt("a face with glasses");
    dialog->setMethod(facet::ui::TextEditDialog::Global);
    edit::RelevanceOptions tiny;
    tiny.samples = 1;
    tiny.std_samples = 16;
    tiny.max_channels = 8;
    dialog->setRelevanceOptions(tiny);
    dialog->setBeta(0);
    saveShot(*dialog, "text_edit_dialog.png");
    dialog->start();
    QVERIFY(dialog->isRunning());  // off the GUI thread: start() returned at once
    QTRY_COMPARE_WITH_TIMEOUT(window->textPanel()->count(), 1, 60000);
    QCOMPARE(window->textPanel()->slider(0).direction->kind, edit::TextDirectionKind::Style);
    QVERIFY(!QDir(scratch_.filePath("relevance")).entryList(QDir::Files).isEmpty());  // statistics cached
    window->textPanel()->setAlpha(0, 3.f);
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 10000);
    QVERIFY(!sameImage(window->document()->lastResult().image, base));

    dialog = facet::ui::openAddTextEdit(window.get(), window->editor());
    dialog->setPrompt("a surprised face");
    dialog->setMethod(facet::ui::TextEditDialog::Optimisation);
    dialog->setSteps(3);
    dialog->start();
    QTRY_COMPARE_WITH_TIMEOUT(window->textPanel()->count(), 2, 60000);
    const auto& opt = *window->textPanel()->slider(1).direction;
    QCOMPARE(opt.kind, edit::TextDirectionKind::Latent);
    QVERIFY(opt.delta.abs().max().item<float>() > 0);
    saveShot(*window, "text_sliders_two.png");

    // Cancel: a long optimisation stops and adds nothing.
    dialog = facet::ui::openAddTextEdit(window.get(), window->editor());
    dialog->setPrompt("a smiling face");
    dialog->setMethod(facet::ui::TextEditDialog::Optimisation);
    dialog->setSteps(2000);
    QSignalSpy finished(dialog, &facet::ui::TextEditDialog::finishedJob);
    dialog->start();
    dialog->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(window->textPanel()->count(), 2);
    QVERIFY(dialog->statusText().contains("Cancelled"));
    dialog->close();
  }

#ifdef FACET_WITH_VISION
  // The timeline records text slider moves, plays them back into the panel, and the session keeps them.
  void timelineRecordsTextSliders() {
    FACET_REQUIRE_FIXTURES_QT();
    auto window = readyWindow();
    QVERIFY(window);
    auto* panel = window->textPanel();
    QVERIFY(window->editor()->text()->add(latentDirection(*window->document()->models()->generator)));
    auto* model = window->findChild<facet::ui::TimelinePanel*>()->model();
    double clock = 0;
    model->setClock([&clock] { return clock; });
    model->startRecording(window->sliderPanel()->alphas());
    clock = 1;
    panel->setAlpha(0, 1.f);
    clock = 2;
    panel->setAlpha(0, 2.f);
    model->stopRecording();
    const auto& t = model->timeline();
    QCOMPARE(t.text_ids(), std::vector<std::string>{"text-1"});
    QCOMPARE(t.size(), size_t(3));
    QCOMPARE(t.keyframes()[2].state.text_alphas, std::vector<float>{2.f});
    QCOMPARE(t.keyframes()[0].state.text_alphas, std::vector<float>{0.f});

    // Playback (seek) sets the panel quietly and renders the face with the recorded value.
    model->seek(1.0);
    QCOMPARE(panel->alphas(), std::vector<float>{1.f});
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 10000);
    QCOMPARE(window->document()->snapshot().textEdits.at(0).alpha, 1.f);

    // The session keeps the timeline with its text track; a fresh window gets both back.
    const QString session = scratch_.filePath("timeline_text.facet");
    QVERIFY(window->editor()->files()->saveSession(session));
    auto other = readyWindow();
    QVERIFY(other);
    QVERIFY(other->editor()->files()->openSession(session));
    auto* otherModel = other->findChild<facet::ui::TimelinePanel*>()->model();
    QCOMPARE(otherModel->timeline().text_ids(), std::vector<std::string>{"text-1"});
    QCOMPARE(otherModel->timeline().sample(2).text_alphas, std::vector<float>{2.f});
    otherModel->seek(2.0);
    QCOMPARE(other->textPanel()->alphas(), std::vector<float>{2.f});
    saveShot(*other, "text_sliders_timeline.png");
  }
#endif

  // No CLIP model: the dialog says so plainly and offers only the file method, which still works.
  void noClipStillLoadsFiles() {
    FACET_REQUIRE_FIXTURES_QT();
    auto window = readyWindow();
    QVERIFY(window);
    window->editor()->text()->setClipFiles(scratch_.filePath("nope/ViT-B-32.pt"), scratch_.filePath("nope/vocab.txt.gz"));
    auto* dialog = facet::ui::openAddTextEdit(window.get(), window->editor());
    QVERIFY(!dialog->clipAvailable());
    auto* note = dialog->findChild<QLabel*>("textClipNote");
    QVERIFY(note && note->isVisible() && note->text().contains("No CLIP model"));
    saveShot(*dialog, "text_edit_dialog_no_clip.png");
    const QString file = scratch_.filePath("style.json");
    edit::save_text_direction(file.toStdString(), *styleDirection(*window->document()->models()->generator));
    dialog->setFile(file);
    dialog->start();
    QTRY_COMPARE_WITH_TIMEOUT(window->textPanel()->count(), 1, 5000);
    QCOMPARE(window->textPanel()->slider(0).direction->kind, edit::TextDirectionKind::Style);

    // A trained latent mapper file: its Δ for this face, 0.1·M(w) (the release's step) at α = 1.
    torch::manual_seed(4);
    edit::LevelsMapper mapper(128);
    const QString mapperFile = scratch_.filePath("purple.pt");
    edit::save_latent_mapper(mapperFile.toStdString(), mapper);
    dialog = facet::ui::openAddTextEdit(window.get(), window->editor());
    dialog->setMethod(facet::ui::TextEditDialog::LoadFile);
    dialog->setFile(mapperFile);
    dialog->setPrompt("purple hair");
    dialog->start();
    QTRY_COMPARE_WITH_TIMEOUT(window->textPanel()->count(), 2, 5000);
    const auto& mapped = *window->textPanel()->slider(1).direction;
    QCOMPARE(QString::fromStdString(mapped.prompt), QString("purple hair"));
    torch::NoGradGuard no_grad;
    const torch::Tensor w = facet::test::fixtureWplus();
    {
      facet::test::AllowNetworksHere expectedValue;
      QVERIFY(torch::allclose(mapped.delta, (edit::kMapperStep * mapper->forward(w))[0], 1e-5, 1e-6));
    }
    // A broken file is a message in the dialog, not a slider.
    dialog = facet::ui::openAddTextEdit(window.get(), window->editor());
    dialog->setMethod(facet::ui::TextEditDialog::LoadFile);
    dialog->setFile(scratch_.filePath("nothing.json"));
    dialog->start();
    QTRY_VERIFY(dialog->statusText().contains("Cannot load the direction"));
    QCOMPARE(window->textPanel()->count(), 2);
    dialog->close();
  }

 private:
  QTemporaryDir scratch_;
};

QTEST_MAIN(TextSlidersTest)
#include "test_text_sliders.moc"
