// The editor's photo flow end to end on the fixture generator (tests/data/fixtures) and the bundled sample photo:
// the layer-mask control (presets, per-request masks, sessions, timeline, W+ export), a pSp encoder made for the
// 64² fixture (tests/support/encoder_checkpoint) taking the photo to a W+ code, the in-photo preview composited
// off the GUI thread, the optional refinement after the encoder (with a random-weight VGG-16: progress, cancel
// keeps the best code, a plain message without the model), sessions that find their photo's face again, and
// File ▸ Open sample photo. Screenshots go to $FACET_SCREENSHOTS when set.
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDockWidget>
#include <QLabel>
#include <QProgressDialog>
#include <QSettings>
#include <QSignalSpy>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <torch/torch.h>

#include "tests/ui/editor_access.h"
#include "tests/support/allow_networks.h"
#include "app/editor/layer_mask.h"
#include "app/editor/render_controller.h"
#include "app/editor/session.h"
#include "core/io/npy.h"
#include "tests/app/editor/fixture_models.h"
#include "tests/app/editor/image_compare.h"
#include "tests/ui/window_test_support.h"
#include "ui/layer_mask_panel.h"
#include "ui/editor_docks.h"
#include "ui/main_window.h"
#include "ui/status_corner.h"
#include "ui/preview_widget.h"
#include "ui/refinement_dialog.h"
#ifdef FACET_WITH_VISION
#include "app/editor/timeline_model.h"
#include "ui/timeline_panel.h"
#endif
#ifdef FACET_WITH_VISION
#include "core/embed/vgg16_features.h"
#include "core/nn/state_dict.h"
#include "tests/support/encoder_checkpoint.h"
#include "core/pipeline/photo_pipeline.h"
#endif

using facet::ui::MainWindow;

using facet::test::fullAndCurrent;
using facet::test::sameRgb;
using facet::test::saveShot;

namespace {

QByteArray sha(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

std::unique_ptr<MainWindow> windowWith(const facet::models::ModelFiles& files) {
  auto window = std::make_unique<MainWindow>();
  window->document()->setPreviewSize(32);
  window->document()->renderer()->setSettleMs(100);
  window->editor()->models()->load(files);
  if (!QTest::qWaitFor([&] { return window->document()->models() != nullptr; }, 20000)) return nullptr;
  return window;
}

// The fixture's W+ open, first full render in.
std::unique_ptr<MainWindow> readyWindow() {
  auto window = windowWith(facet::test::fixtureModelFiles(false));
  if (!window) return nullptr;
  window->editor()->files()->openWplus(facet::test::fixturesDir() + "/stylegan2/wplus.npy");
  if (!QTest::qWaitFor([&] { return fullAndCurrent(*window); }, 10000)) return nullptr;
  return window;
}

QString samplePhoto() { return QString(FACET_SOURCE_DIR) + "/resources/astronaut.png"; }

// The W+ the photo flow gives for the largest face of `photo` with the encoder alone, from the core pipeline.
torch::Tensor encoderCode(const facet::models::ModelSet& models, const QString& photo) {
  facet::test::AllowNetworksHere expectedValue;
  const auto found = facet::pipeline::find_faces(photo.toStdString());
  facet::pipeline::EmbedModels embedModels;
  embedModels.generator = models.generator;
  embedModels.encoder = models.encoder;
  return facet::pipeline::embed_face(found.photo, found.faces.at(0), embedModels).wplus;
}

}  // namespace

class PhotoFlowTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(scratch_.isValid());
    facet::test::isolateUserFolders(scratch_);
  }

  // --- layer mask -------------------------------------------------------------------------------------------

  void layerPresetsAndNames() {
    using facet::app::LayerPreset;
    const auto coarse = facet::app::layerPresetMask(LayerPreset::Coarse, 18);
    QCOMPARE(facet::app::describeLayers(coarse), std::string("0\u20133"));
    QCOMPARE(facet::app::describeLayers(facet::app::layerPresetMask(LayerPreset::Fine, 18)), std::string("8\u201317"));
    QCOMPARE(facet::app::describeLayers(facet::app::layerPresetMask(LayerPreset::Default, 18)), std::string("0\u201310"));
    QCOMPARE(facet::app::describeLayers(facet::app::layerPresetMask(LayerPreset::Fine, 10)), std::string("8\u20139"));
    QVERIFY(facet::app::layerPresetOf({}, 18) == LayerPreset::Default);
    QVERIFY(facet::app::layerPresetOf(coarse, 18) == LayerPreset::Coarse);
    std::vector<bool> custom = coarse;
    custom[8] = true;
    QVERIFY(facet::app::layerPresetOf(custom, 18) == LayerPreset::Custom);
    QCOMPARE(facet::app::describeLayers(custom), std::string("0\u20133, 8"));
    QCOMPARE(facet::app::describeLayers(std::vector<bool>(5, false)), std::string("none"));
  }

  void layerPanelPresetsAndBoxes() {
    facet::ui::LayerMaskPanel panel;
    panel.setLayerCount(18);
    QCOMPARE(panel.mask(), facet::app::layerPresetMask(facet::app::LayerPreset::Default, 18));
    QSignalSpy changed(&panel, &facet::ui::LayerMaskPanel::maskChanged);
    auto* presets = panel.findChild<QComboBox*>("layerPreset");
    QVERIFY(presets);
    presets->setCurrentIndex(1);  // Coarse
    Q_EMIT presets->activated(1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(panel.mask(), facet::app::layerPresetMask(facet::app::LayerPreset::Coarse, 18));
    panel.findChild<QCheckBox*>("layer_12")->setChecked(true);  // by hand: Custom
    QCOMPARE(changed.count(), 2);
    QCOMPARE(presets->currentText(), QString("Custom"));
    QVERIFY(panel.summary().contains(QString::fromUtf8("0\u20133, 12")));
    panel.setMask(facet::app::layerPresetMask(facet::app::LayerPreset::All, 18));  // from code: no signal
    QCOMPARE(changed.count(), 2);
    QVERIFY(presets->currentText().startsWith("All"));
    panel.setLayerCount(10);
    QCOMPARE(panel.layerCount(), 10);
    QVERIFY(panel.findChild<QCheckBox*>("layer_9") && !panel.findChild<QCheckBox*>("layer_10"));
  }

  // The mask travels with each request: the same α renders differently with other layers; no layer = no edit.
  // Sessions keep it, the timeline records it, the W+ export applies it.
  void layerMaskDrivesRenderSessionTimelineAndExport() {
    FACET_REQUIRE_FIXTURES_QT();
    auto window = readyWindow();
    QVERIFY(window);
    QCOMPARE(window->layerPanel()->layerCount(), 10);  // the fixture generator's n_latent
    const QImage unedited = window->document()->lastResult().image;
    window->sliderPanel()->setAlpha(facet::test::kFixtureAttribute, 2.5f);
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 10000);
    const QImage defaultEdit = window->document()->lastResult().image;
    QVERIFY(defaultEdit != unedited);

    window->document()->setEditedLayers(facet::app::layerPresetMask(facet::app::LayerPreset::Coarse, 10));
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 10000);
    const QImage coarseEdit = window->document()->lastResult().image;
    QVERIFY(coarseEdit != defaultEdit && coarseEdit != unedited);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    saveShot(*window->findChild<QDockWidget*>("layersDock"), "layer_mask_dock.png");
    saveShot(*window, "layer_mask_window.png");

    QTemporaryDir dir;
    // W+ export: the unmasked layers keep the original code exactly.
    QVERIFY(window->document()->exportWplus(dir.filePath("coarse.npy")));
    QVERIFY(facet::test::exported(dir.filePath("coarse.npy")));
    const torch::Tensor edited = facet::io::read_npy(dir.filePath("coarse.npy").toStdString());
    const torch::Tensor original = facet::test::fixtureWplus();
    QVERIFY(torch::equal(edited.slice(1, 4), original.slice(1, 4)));
    QVERIFY(!torch::allclose(edited.slice(1, 0, 4), original.slice(1, 0, 4)));

#ifdef FACET_WITH_VISION
    auto* timeline = window->findChild<facet::ui::TimelinePanel*>()->model();
    double now = 0;
    timeline->setClock([&now] { return now; });
    timeline->startRecording(window->sliderPanel()->alphas());
    now = 1;
    window->document()->setEditedLayers(facet::app::layerPresetMask(facet::app::LayerPreset::Fine, 10));
    timeline->stopRecording();
    const auto& keys = timeline->timeline().keyframes();
    QCOMPARE(keys.size(), size_t(2));
    QCOMPARE(keys[0].state.edited_layers, facet::app::layerPresetMask(facet::app::LayerPreset::Coarse, 10));
    QCOMPARE(keys[1].state.edited_layers, facet::app::layerPresetMask(facet::app::LayerPreset::Fine, 10));
    // Scrubbing brings the recorded layers back into the control and the renders.
    timeline->seek(0.0);
    QCOMPARE(window->layerPanel()->mask(), facet::app::layerPresetMask(facet::app::LayerPreset::Coarse, 10));
    QCOMPARE(window->document()->editedLayers(), facet::app::layerPresetMask(facet::app::LayerPreset::Coarse, 10));
    timeline->seek(1.0);
    QCOMPARE(window->layerPanel()->mask(), facet::app::layerPresetMask(facet::app::LayerPreset::Fine, 10));
    QCOMPARE(window->document()->editedLayers(), facet::app::layerPresetMask(facet::app::LayerPreset::Fine, 10));
    window->document()->setEditedLayers(facet::app::layerPresetMask(facet::app::LayerPreset::Coarse, 10));
#endif
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 10000);
    QVERIFY(window->editor()->files()->saveSession(dir.filePath("masked.facet")));
    QCOMPARE(facet::app::loadSession(dir.filePath("masked.facet")).editedLayers,
             facet::app::layerPresetMask(facet::app::LayerPreset::Coarse, 10));

    // No layer edited: the sliders change nothing.
    window->document()->setEditedLayers(std::vector<bool>(10, false));
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 10000);
    QCOMPARE(window->document()->lastResult().image, unedited);

    auto reopened = windowWith(facet::test::fixtureModelFiles(false));
    QVERIFY(reopened);
    QVERIFY2(reopened->editor()->files()->openSession(dir.filePath("masked.facet")), qPrintable(reopened->statusText()));
    QCOMPARE(reopened->layerPanel()->mask(), facet::app::layerPresetMask(facet::app::LayerPreset::Coarse, 10));
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*reopened), 10000);
    QCOMPARE(reopened->document()->lastResult().image, coarseEdit);
  }

  void samplePhotoIsFound() {
    const QString path = facet::app::OpenWorkflow::samplePhotoPath();
    QVERIFY2(!path.isEmpty(), "resources/astronaut.png not found");
    QVERIFY(QImage(path).width() >= 256);
    MainWindow window;
    const facet::test::EditorMessages said(window);
    QAction* action = window.findChild<QAction*>("openSampleAction");
    QVERIFY(action);
    action->trigger();  // decoded off the GUI thread: the message comes a moment later
    QTRY_VERIFY2_WITH_TIMEOUT(said.contains("astronaut.png"), said.all(), 20000);
  }

#ifdef FACET_WITH_VISION
  // The encoder path end to end: photo → faces → FFHQ crop → pSp (random weights, sized for the fixture) → W+,
  // then a slider move changes the preview, the in-photo preview shows the photo, and the export is pasted back
  // into a photo of the original size while the original file stays untouched.
  void encoderEndToEndWithInPhotoPreview() {
    FACET_REQUIRE_FIXTURES_QT();
    const QString encoder = writeEncoder();
    QVERIFY(!encoder.isEmpty());
    auto files = facet::test::fixtureModelFiles(false);
    files.encoder = encoder.toStdString();
    auto window = windowWith(files);
    QVERIFY(window);
    QVERIFY(window->statusCorner()->modelsText().contains("encoder"));
    const QString photo = copyOfSample("e2e.png");
    const QByteArray before = sha(photo);
    QSignalSpy changed(window.get(), &MainWindow::faceChanged);
    window->editor()->files()->openPhoto(photo);
    QTRY_VERIFY_WITH_TIMEOUT(window->document()->hasFace() && window->editor()->photos()->hasAlignedFace(), 60000);
    QVERIFY2(window->statusText().startsWith("Editing face 1 of e2e.png"), qPrintable(window->statusText()));
    // The W+ is the encoder's code for the aligned face (the same steps run directly).
    const auto models = window->document()->models();
    const torch::Tensor expected = encoderCode(*models, photo);
    const torch::Tensor got = window->document()->session()->wplus;
    QCOMPARE(got.sizes().vec(), (std::vector<int64_t>{1, 10, 128}));
    QVERIFY(torch::allclose(got, expected, 1e-5, 1e-5));
    QVERIFY(!torch::allclose(got, models->generator->latent_avg().view({1, 1, -1}).expand({1, 10, 128})));

    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 10000);
    const QImage face0 = window->document()->lastResult().image;
    window->sliderPanel()->setAlpha(facet::test::kFixtureAttribute, 2.0f);
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 10000);
    QVERIFY(window->document()->lastResult().image != face0);

    // Show in photo: the preview becomes the photo with the edited face; before is the photo itself.
    const QImage original(photo);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    window->findChild<QAction*>("showInPhotoAction")->trigger();
    QVERIFY(window->document()->showInPhoto());
    QTRY_COMPARE_WITH_TIMEOUT(window->preview()->image().size(), original.size(), 10000);
    QVERIFY(sameRgb(window->preview()->before(), original));
    // A flood of slider moves: the worker pastes each render it makes (newest wins) and the last full one is shown.
    const int compositesBefore = window->document()->photoComposites();
    for (int i = 1; i <= 12; ++i) window->sliderPanel()->setAlpha(facet::test::kFixtureAttribute, 2.0f - 0.3f * i);
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 10000);
    QTemporaryDir dir;
    QVERIFY2(window->document()->exportEdited(dir.filePath("pasted.png")), qPrintable(window->statusText()));
    QVERIFY(facet::test::exported(dir.filePath("pasted.png")));
    const QImage pasted(dir.filePath("pasted.png"));
    QTRY_VERIFY_WITH_TIMEOUT(sameRgb(window->preview()->image(), pasted), 10000);
    QVERIFY(window->document()->photoComposites() > compositesBefore);
    QVERIFY(window->document()->photoComposites() - compositesBefore <= 13);
    QCOMPARE(pasted.size(), original.size());
    QVERIFY(!sameRgb(pasted, original));
    QCOMPARE(pasted.pixelColor(1, 1).rgb(), original.pixelColor(1, 1).rgb());
    QCOMPARE(sha(photo), before);  // the original is untouched
    saveShot(*window, "show_in_photo.png");
    // Off again: the aligned face as generated.
    window->setShowInPhoto(false);
    QCOMPARE(window->preview()->image(), window->document()->lastResult().image);
  }

  // The editor and facet-cli apply run the same pipeline: for the same photo, models and edit they give the same
  // edited W+ and the same exported photo, pixel for pixel.
  void editorAndCliApplyGiveTheSameCodeAndPixels() {
    FACET_REQUIRE_FIXTURES_QT();
    const QString encoder = writeEncoder();
    auto files = facet::test::fixtureModelFiles(false);
    files.encoder = encoder.toStdString();
    auto window = windowWith(files);
    QVERIFY(window);
    const QString photo = copyOfSample("same.png");
    window->editor()->files()->openPhoto(photo);
    QTRY_VERIFY_WITH_TIMEOUT(window->document()->hasFace() && window->editor()->photos()->hasAlignedFace(), 60000);
    window->sliderPanel()->setAlpha(facet::test::kFixtureAttribute, 1.5f);
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 10000);
    QTemporaryDir dir;
    QVERIFY2(window->document()->exportEdited(dir.filePath("editor.png")), qPrintable(window->statusText()));
    QVERIFY(facet::test::exported(dir.filePath("editor.png")));
    QVERIFY2(window->document()->exportWplus(dir.filePath("editor.npy")), qPrintable(window->statusText()));
    QVERIFY(facet::test::exported(dir.filePath("editor.npy")));

    QProcess cli;
    cli.start(FACET_CLI, {"apply", photo, "--generator", QString::fromStdString(files.generator), "--encoder", encoder,
                          "--transformer", QString::fromStdString(files.transformers_dir) + "/tnet_15.pth.tar",
                          "--alpha", "1.5", "--save-wplus", dir.filePath("cli.npy"), "--out", dir.filePath("cli.png")});
    QVERIFY(cli.waitForFinished(120000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());

    const torch::Tensor editorCode = facet::io::read_npy(dir.filePath("editor.npy").toStdString());
    const torch::Tensor cliCode = facet::io::read_npy(dir.filePath("cli.npy").toStdString());
    QCOMPARE(editorCode.sizes().vec(), cliCode.sizes().vec());
    QVERIFY2(torch::allclose(editorCode, cliCode, 1e-5, 1e-6),
             qPrintable(QString("max W+ difference %1").arg((editorCode - cliCode).abs().max().item<double>())));
    const QImage fromEditor(dir.filePath("editor.png")), fromCli(dir.filePath("cli.png"));
    QCOMPARE(fromEditor.size(), QImage(photo).size());
    QVERIFY(sameRgb(fromEditor, fromCli));
    QVERIFY(!sameRgb(fromEditor, QImage(photo)));  // the edit is in both
  }

  // No encoder, refinement on: the code starts at latent_avg and is optimised; the status says how it went.
  void refinementWithoutEncoderEditsThePhoto() {
    FACET_REQUIRE_FIXTURES_QT();
    writeVgg();
    auto window = windowWith(facet::test::fixtureModelFiles(false));
    QVERIFY(window);
    facet::app::RefinementSettings::setSteps(6);
    QCOMPARE(facet::app::RefinementSettings::steps(), 6);
    window->editor()->files()->openPhoto(copyOfSample("refine.png"));
    QTRY_VERIFY_WITH_TIMEOUT(window->document()->hasFace() && window->editor()->photos()->hasAlignedFace(), 60000);
    QVERIFY2(window->statusText().contains("refined in 6 steps"), qPrintable(window->statusText()));
    const auto avg = window->document()->models()->generator->latent_avg().view({1, 1, -1}).expand({1, 10, 128});
    QVERIFY(!torch::allclose(window->document()->session()->wplus, avg));
    facet::app::RefinementSettings::setSteps(0);
  }

  // Encoder, then refinement: the refined code starts from the encoder's and moves away from it.
  void encoderThenRefinement() {
    FACET_REQUIRE_FIXTURES_QT();
    writeVgg();
    auto files = facet::test::fixtureModelFiles(false);
    files.encoder = writeEncoder().toStdString();
    auto window = windowWith(files);
    QVERIFY(window);
    facet::app::RefinementSettings::setSteps(4);
    const QString photo = copyOfSample("both.png");
    window->editor()->files()->openPhoto(photo);
    QTRY_VERIFY_WITH_TIMEOUT(window->document()->hasFace() && window->editor()->photos()->hasAlignedFace(), 60000);
    QVERIFY2(window->statusText().contains("refined in 4 steps"), qPrintable(window->statusText()));
    const torch::Tensor encoded = encoderCode(*window->document()->models(), photo);
    const torch::Tensor refined = window->document()->session()->wplus;
    QVERIFY(!torch::allclose(refined, encoded, 1e-5, 1e-5));
    // Four Adam steps of lr 0.01 from the encoder's code: still close to it.
    QVERIFY((refined - encoded).abs().max().item<double>() < 0.1);
    facet::app::RefinementSettings::setSteps(0);
  }

  // Cancel during the refinement keeps the best code so far (the face is still set); the dialog shows progress.
  void cancellingTheRefinementKeepsTheBestCode() {
    FACET_REQUIRE_FIXTURES_QT();
    writeVgg();
    auto window = windowWith(facet::test::fixtureModelFiles(false));
    QVERIFY(window);
    facet::app::RefinementSettings::setSteps(2000);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    window->editor()->files()->openPhoto(copyOfSample("cancel.png"));
    QProgressDialog* progress = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((progress = window->findChild<QProgressDialog*>("jobProgress")) &&
                                 progress->maximum() == 2000 && progress->value() >= 3,
                             60000);
    QVERIFY(progress->labelText().contains("step"));
    saveShot(*progress, "refinement_progress.png");
    Q_EMIT progress->canceled();  // what the Cancel button sends
    QTRY_VERIFY_WITH_TIMEOUT(window->document()->hasFace(), 20000);
    QVERIFY2(window->statusText().contains("refinement stopped after"), qPrintable(window->statusText()));
    QVERIFY(window->editor()->photos()->hasAlignedFace());
    facet::app::RefinementSettings::setSteps(0);
  }

  // Without VGG-16 the refinement still runs, on the pixel loss alone (as facet-cli embed --perceptual auto), and
  // says which file would make it perceptual.
  void refinementWithoutThePerceptualModelUsesThePixelLoss() {
    FACET_REQUIRE_FIXTURES_QT();
    QFile::remove(scratch_.filePath("models") + "/vgg16-397923af.pth");
    auto window = windowWith(facet::test::fixtureModelFiles(false));
    QVERIFY(window);
    facet::app::RefinementSettings::setSteps(5);
    const facet::test::EditorMessages said(*window);
    window->editor()->files()->openPhoto(copyOfSample("novgg.png"));
    QTRY_VERIFY_WITH_TIMEOUT(window->document()->hasFace() && window->editor()->photos()->hasAlignedFace(), 60000);
    QVERIFY2(said.contains("refined in 5 steps"), said.all());
    QVERIFY2(said.contains("vgg16-397923af.pth not found: pixel loss only"), said.all());
    const auto avg = window->document()->models()->generator->latent_avg().view({1, 1, -1}).expand({1, 10, 128});
    QVERIFY(!torch::allclose(window->document()->session()->wplus, avg));
    facet::app::RefinementSettings::setSteps(0);
  }

  // Tools ▸ Photo refinement says how long the steps take before anything starts: measured as it opens (with the
  // loss the photo flow will use), then remembered; a refinement remembers its own time per step too.
  void refinementDialogEstimatesTheTimeBeforeItStarts() {
    FACET_REQUIRE_FIXTURES_QT();
    QCOMPARE(facet::app::RefinementSettings::durationText(40), QString("about 40 s"));
    QCOMPARE(facet::app::RefinementSettings::durationText(300), QString("about 5 min"));
    QCOMPARE(facet::app::RefinementSettings::durationText(4800), QString("about 80 min"));
    QCOMPARE(facet::app::RefinementSettings::durationText(6000), QString("about 1 h 40 min"));
    auto window = windowWith(facet::test::fixtureModelFiles(false));
    QVERIFY(window);
    QSettings().remove("photo/refinementStepMs");
    facet::app::RefinementSettings::setSteps(0);
    auto* dialog = facet::ui::openRefinementSettings(window.get(), window->editor(), {});
    QVERIFY(dialog->measuring());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->measuring(), 60000);
    QVERIFY2(dialog->msPerStep() > 0, qPrintable(dialog->estimateText()));
    QVERIFY2(dialog->estimateText().contains("off"), qPrintable(dialog->estimateText()));
    dialog->setSteps(300);
    QVERIFY2(dialog->estimateText().contains("300 steps take about"), qPrintable(dialog->estimateText()));
    saveShot(*dialog, "refinement_dialog.png");
    const double measured = dialog->msPerStep();
    dialog->accept();
    QCOMPARE(facet::app::RefinementSettings::steps(), 300);
    auto* again = facet::ui::openRefinementSettings(window.get(), window->editor(), {});
    QVERIFY(!again->measuring());
    QCOMPARE(again->msPerStep(), measured);
    again->reject();
    QCOMPARE(facet::app::RefinementSettings::steps(), 300);

    QSettings().remove("photo/refinementStepMs");
    facet::app::RefinementSettings::setSteps(3);
    window->editor()->files()->openPhoto(copyOfSample("timed.png"));
    QTRY_VERIFY_WITH_TIMEOUT(window->document()->hasFace() && window->editor()->photos()->hasAlignedFace(), 60000);
    auto* afterRefinement = facet::ui::openRefinementSettings(window.get(), window->editor(), {});
    QVERIFY(!afterRefinement->measuring());
    QVERIFY(afterRefinement->msPerStep() > 0);
    afterRefinement->reject();
    facet::app::RefinementSettings::setSteps(0);
  }

  // A session of a photo face: reopened, the face is found and aligned again and the saved W+ used as it is;
  // exports paste back. A changed photo: said so, the W+ alone is edited.
  void sessionFindsItsPhotoFaceAgain() {
    FACET_REQUIRE_FIXTURES_QT();
    const QString photo = copyOfSample("session.png");
    QTemporaryDir dir;
    const QString path = dir.filePath("photo.facet");
    torch::Tensor saved;
    {
      auto window = windowWith(facet::test::fixtureModelFiles(false));
      QVERIFY(window);
      window->editor()->files()->openPhoto(photo);
      QTRY_VERIFY_WITH_TIMEOUT(window->editor()->photos()->hasAlignedFace(), 60000);  // aligned; no encoder
      QVERIFY(window->editor()->photos()->useCode(facet::test::fixtureWplus()));
      window->sliderPanel()->setAlpha(facet::test::kFixtureAttribute, 1.5f);
      QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 10000);
      QVERIFY(window->editor()->files()->saveSession(path));
      saved = window->document()->session()->wplus;
    }
    QCOMPARE(facet::app::loadSession(path).faceIndex, 0);
    auto window = windowWith(facet::test::fixtureModelFiles(false));
    QVERIFY(window);
    QSignalSpy restored(window.get(), &MainWindow::photoFaceRestored);
    const facet::test::EditorMessages said(*window);
    QVERIFY2(window->editor()->files()->openSession(path), said.all());
    QVERIFY(torch::equal(window->document()->session()->wplus, saved));  // not re-embedded
    QTRY_COMPARE_WITH_TIMEOUT(restored.count(), 1, 60000);
    QVERIFY(window->editor()->photos()->hasAlignedFace());
    QVERIFY2(said.contains("restored from the session"), said.all());
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 10000);
    QVERIFY2(window->document()->exportEdited(dir.filePath("pasted.png")), qPrintable(window->statusText()));
    QVERIFY(facet::test::exported(dir.filePath("pasted.png")));
    QCOMPARE(QImage(dir.filePath("pasted.png")).size(), QImage(photo).size());
    // New models for the same face (Tools ▸ Models): the face keeps its photo and the session's record of it.
    QSignalSpy reloaded(window.get(), &MainWindow::modelsLoaded);
    window->editor()->models()->load(facet::test::fixtureModelFiles(false));
    QTRY_COMPARE_WITH_TIMEOUT(reloaded.count(), 1, 20000);
    QVERIFY(window->editor()->photos()->hasAlignedFace());
    QCOMPARE(window->document()->session()->session.photoSha256, facet::app::loadSession(path).photoSha256);

    // The photo changes: the session still opens, on the W+ alone.
    QImage changedPhoto(photo);
    changedPhoto.setPixelColor(0, 0, Qt::green);
    QVERIFY(changedPhoto.save(photo));
    auto third = windowWith(facet::test::fixtureModelFiles(false));
    QVERIFY(third);
    const facet::test::EditorMessages thirdSaid(*third);
    QVERIFY2(third->editor()->files()->openSession(path), thirdSaid.all());
    QVERIFY2(thirdSaid.contains("missing or has changed"), thirdSaid.all());
    QVERIFY(third->document()->hasFace());
    QVERIFY(!third->editor()->photos()->hasAlignedFace());
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*third), 10000);
    // Saved again, the session keeps the record of the photo the face came from, not the changed file's hash.
    const QString again = dir.filePath("again.facet");
    QVERIFY(third->editor()->files()->saveSession(again));
    const facet::app::Session first = facet::app::loadSession(path), second = facet::app::loadSession(again);
    QCOMPARE(second.photoPath, first.photoPath);
    QCOMPARE(second.photoSha256, first.photoSha256);
    QVERIFY(second.photoSha256 != facet::app::sha256OfFile(photo));
    QCOMPARE(second.faceIndex, first.faceIndex);
  }
#endif

 private:
#ifdef FACET_WITH_VISION
  // A pSp checkpoint for the fixture generator (10 × 128), codes around the generator's latent_avg.
  QString writeEncoder() {
    const QString path = scratch_.filePath("psp_small.pt");
    if (QFileInfo::exists(path)) return path;
    const auto g = facet::nn::StyleGan2::load(facet::test::fixtureModelFiles(false).generator);
    facet::test::EncoderCheckpointSpec spec;
    spec.latent_avg = g->latent_avg();
    spec.style_scale = 0.2;
    facet::test::write_encoder_checkpoint(path.toStdString(), spec);
    return path;
  }
  // VGG-16's convolutions with LibTorch's random initialisation, in torchvision's key layout, in the models folder.
  void writeVgg() {
    const QString path = scratch_.filePath("models") + "/vgg16-397923af.pth";
    if (QFileInfo::exists(path)) return;
    torch::manual_seed(5);
    facet::embed::Vgg16Features vgg;
    facet::nn::save_state_dict(path.toStdString(), *vgg);
  }
#endif
  QString copyOfSample(const QString& name) {
    const QString path = scratch_.filePath(name);
    QFile::remove(path);
    if (!QFile::copy(samplePhoto(), path)) return {};
    QFile(path).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return path;
  }
  QTemporaryDir scratch_;
};

QTEST_MAIN(PhotoFlowTest)
#include "test_photo_flow.moc"
