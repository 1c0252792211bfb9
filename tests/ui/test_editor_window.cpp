// The editor window on the fixture generator (tests/data/fixtures): a slider moved from code changes the face and
// the numbers (preview first, then full size), export writes valid files, sessions round-trip, autosave appears
// and restores, the model manager lists the manifest. Screenshots go to $FACET_SCREENSHOTS when set.
#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include "tests/ui/editor_access.h"
#include "app/editor/autosave.h"
#include "app/editor/render_controller.h"
#include "core/io/npy.h"
#include "core/models/device.h"
#include "tests/app/editor/fixture_models.h"
#include "tests/ui/window_test_support.h"
#include "ui/charts_panel.h"
#include "app/editor/model_manifest.h"
#include "ui/main_window.h"
#include "ui/status_corner.h"
#ifdef FACET_WITH_VISION
#include "ui/timeline_panel.h"
#endif
#include "ui/model_manager_dialog.h"
#include "ui/preview_widget.h"

using facet::ui::MainWindow;

using facet::test::fullAndCurrent;
using facet::test::saveShot;

namespace {


QSlider* sliderOf(MainWindow& window, const QString& id) {
  return window.findChild<QWidget*>("attribute_" + id)->findChild<QSlider*>();
}

// A window with the fixture models and the fixture's first W+ open, its first full render shown.
std::unique_ptr<MainWindow> readyWindow() {
  auto window = std::make_unique<MainWindow>();
  window->document()->setPreviewSize(32);
  window->document()->renderer()->setSettleMs(150);
  window->editor()->models()->load(facet::test::fixtureModelFiles());
  if (!QTest::qWaitFor([&] { return window->document()->models() != nullptr; }, 10000)) return nullptr;
  window->editor()->files()->openWplus(facet::test::fixturesDir() + "/stylegan2/wplus.npy");
  if (!QTest::qWaitFor([&] { return fullAndCurrent(*window); }, 10000)) return nullptr;
  return window;
}
}  // namespace

class EditorWindowTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(scratch_.isValid());
    facet::test::isolateUserFolders(scratch_);
  }

  void sliderChangesFaceAndNumbers() {
    FACET_REQUIRE_FIXTURES_QT();
    auto window = readyWindow();
    QVERIFY(window);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    const auto base = window->document()->lastResult();
    QCOMPARE(base.image.size(), QSize(64, 64));
    // The fixture files ask for the CPU (fixtureModelFiles), whatever the machine has.
    QVERIFY2(window->statusCorner()->deviceText().contains(QString::fromStdString(facet::models::describe_device(torch::kCPU))),
             qPrintable(window->statusCorner()->deviceText()));
    QVERIFY2(window->statusCorner()->modelsText().contains("g_small_zip.pt 64²"), qPrintable(window->statusCorner()->modelsText()));
    QVERIFY(window->statusCorner()->modelsText().contains("1 transformer"));
    // Eyeglasses has its transformer; Smiling has neither a transformer nor a direction: its row is disabled and
    // says what to install.
    QVERIFY(!window->findChild<QWidget*>("attribute_Eyeglasses")->findChild<QLabel*>("linearBadge"));
    QVERIFY(window->sliderPanel()->isRowEnabled(facet::test::kFixtureAttribute));
    auto* smiling = window->findChild<QWidget*>("attribute_Smiling");
    QVERIFY(smiling->findChild<QLabel*>("unavailableBadge"));
    QVERIFY(!smiling->findChild<QSlider*>()->isEnabled());
    QVERIFY2(smiling->findChild<QLabel*>("unavailableBadge")->toolTip().contains("tnet_31.pth.tar"),
             qPrintable(smiling->findChild<QLabel*>("unavailableBadge")->toolTip()));
    const QString probabilityBefore = window->sliderPanel()->probabilityText(facet::test::kFixtureAttribute);
    const QImage shownBefore = window->preview()->rendered();

    QList<facet::app::RenderResult> results;
    connect(window.get(), &MainWindow::previewUpdated, this, [&] { results << window->document()->lastResult(); });
    sliderOf(*window, "Eyeglasses")->setValue(250);  // α = 2.5, as a drag would
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 10000);
    // A preview (the 32² skip output) came first, then the full 64² image.
    QVERIFY(!results.isEmpty());
    QCOMPARE(results.first().quality, facet::app::RenderQuality::Preview);
    QCOMPARE(results.first().image.size(), QSize(32, 32));
    QCOMPARE(window->document()->lastResult().image.size(), QSize(64, 64));
    QVERIFY(window->document()->lastResult().image != base.image);
    QVERIFY(window->preview()->rendered() != shownBefore);
    QVERIFY(window->sliderPanel()->probabilityText(facet::test::kFixtureAttribute) != probabilityBefore ||
            window->document()->lastResult().probabilities != base.probabilities);
    QVERIFY(window->document()->lastResult().probabilities != base.probabilities);
    // The charts follow: edited bars differ from the original ones, identity plotted when face-api is there.
    const auto edited = window->charts()->shownEdited();
    const auto original = window->charts()->shownOriginal();
    QCOMPARE(edited.size(), size_t(facet::ui::ChartsPanel::kShownAttributes));
    QVERIFY(edited != original);
    if (!facet::test::faceApiDir().isEmpty()) {
      QVERIFY(window->charts()->identityPoints() >= 2);
      QVERIFY(window->charts()->expressionsVisible());
    }
    QVERIFY(window->statusCorner()->timingText().contains("ms/full"));
    qInfo("fixture generator (64², CPU): %.1f ms per preview, %.1f ms per full render (edit %.2f, synthesis %.1f, "
          "scoring %.1f)",
          results.first().timings.total_ms, window->document()->lastResult().timings.total_ms,
          window->document()->lastResult().timings.edit_ms, window->document()->lastResult().timings.synthesis_ms,
          window->document()->lastResult().timings.scoring_ms);
    saveShot(*window, "editor_fixture.png");

    window->findChild<QAction*>("splitAction")->setChecked(true);
    QVERIFY(window->preview()->splitEnabled());
    saveShot(*window, "editor_fixture_split.png");

    // Reset all: back to the unedited face.
    window->findChild<QAction*>("resetAllAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 10000);
    QCOMPARE(window->document()->lastResult().image, base.image);
  }

  void floodOfSliderMovesDropsStaleRenders() {
    FACET_REQUIRE_FIXTURES_QT();
    auto window = readyWindow();
    QVERIFY(window);
    int shown = 0;
    connect(window.get(), &MainWindow::previewUpdated, this, [&] { ++shown; });
    QSlider* slider = sliderOf(*window, "Eyeglasses");
    for (int v = -300; v <= 300; v += 3) slider->setValue(v);  // 201 moves, no event loop between them
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 10000);
    QVERIFY2(shown < 20, qPrintable(QString::number(shown)));
    QCOMPARE(window->sliderPanel()->alphas()[facet::test::kFixtureAttribute], 3.0f);
  }

  void exportWritesValidFiles() {
    FACET_REQUIRE_FIXTURES_QT();
    auto window = readyWindow();
    QVERIFY(window);
    window->sliderPanel()->setAlpha(facet::test::kFixtureAttribute, 2.0f);
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 10000);
    QTemporaryDir dir;
    QVERIFY(window->document()->exportEdited(dir.filePath("edited.png")));
    QVERIFY(facet::test::exported(dir.filePath("edited.png")));
    QCOMPARE(QImage(dir.filePath("edited.png")), window->document()->lastResult().image.convertToFormat(QImage::Format_RGB32));
    QVERIFY(window->document()->exportEdited(dir.filePath("edited.jpg"), 80));
    QVERIFY(facet::test::exported(dir.filePath("edited.jpg")));
    QCOMPARE(QImage(dir.filePath("edited.jpg")).size(), QSize(64, 64));
    QVERIFY(window->document()->exportSideBySide(dir.filePath("both.png")));
    QVERIFY(facet::test::exported(dir.filePath("both.png")));
    QCOMPARE(QImage(dir.filePath("both.png")).size(), QSize(128, 64));
    QVERIFY(window->document()->exportWplus(dir.filePath("edited.npy")));
    QVERIFY(facet::test::exported(dir.filePath("edited.npy")));
    const torch::Tensor edited = facet::io::read_npy(dir.filePath("edited.npy").toStdString());
    QCOMPARE(edited.sizes().vec(), (std::vector<int64_t>{1, 10, 128}));
    QVERIFY(!torch::allclose(edited, facet::test::fixtureWplus()));
  }

  void sessionRoundTrips() {
    FACET_REQUIRE_FIXTURES_QT();
    QTemporaryDir dir;
    const QString path = dir.filePath("edit.facet");
    std::vector<float> alphas;
    QImage image;
    {
      auto window = readyWindow();
      QVERIFY(window);
      window->sliderPanel()->setAlpha(facet::test::kFixtureAttribute, -1.5f);
      QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 10000);
      alphas = window->sliderPanel()->alphas();
      image = window->document()->lastResult().image;
#ifdef FACET_WITH_VISION
      // A recorded take travels in the session too.
      auto* timeline = window->findChild<facet::ui::TimelinePanel*>()->model();
      double now = 0;
      timeline->setClock([&now] { return now; });
      timeline->startRecording(alphas);
      now = 1.5;
      std::vector<float> later = alphas;
      later[facet::test::kFixtureAttribute] = 2.f;
      timeline->recordChange(later);
      timeline->stopRecording();
      QCOMPARE(timeline->timeline().keyframes().size(), size_t(2));
#endif
      QVERIFY(window->editor()->files()->saveSession(path));
    }
    QVERIFY(QFileInfo::exists(dir.filePath("edit.wplus.npy")));
    auto window = std::make_unique<MainWindow>();
    window->editor()->models()->load(facet::test::fixtureModelFiles());
    QTRY_VERIFY_WITH_TIMEOUT(window->document()->models(), 10000);
    QVERIFY2(window->editor()->files()->openSession(path), qPrintable(window->statusText()));
    QCOMPARE(window->sliderPanel()->alphas(), alphas);
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 10000);
    QCOMPARE(window->document()->lastResult().image, image);
#ifdef FACET_WITH_VISION
    const auto* timeline = window->findChild<facet::ui::TimelinePanel*>()->model();
    QCOMPARE(timeline->timeline().keyframes().size(), size_t(2));
    QCOMPARE(timeline->sampleAlphas(1.5)[facet::test::kFixtureAttribute], 2.f);
#endif
  }

  void autosaveAppearsAndRestores() {
    FACET_REQUIRE_FIXTURES_QT();
    std::vector<float> alphas;
    QString sessionPath;
    {
      auto window = readyWindow();
      QVERIFY(window);
      QVERIFY(window->document()->autosaver()->active());
      window->document()->autosaver()->setDelayMs(100);
      sessionPath = window->document()->autosaver()->sessionPath();
      QVERIFY(sessionPath.startsWith(scratch_.path()));
      QFile::remove(sessionPath);
      window->sliderPanel()->setAlpha(facet::test::kFixtureAttribute, 1.25f);
      QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(sessionPath), 5000);
      alphas = window->sliderPanel()->alphas();
      // The window is destroyed without closing: as after a crash, the autosave stays.
    }
    auto window = std::make_unique<MainWindow>();
    QVERIFY(window->document()->autosaver()->hasRecoverable());
    window->editor()->models()->load(facet::test::fixtureModelFiles());
    QTRY_VERIFY_WITH_TIMEOUT(window->document()->models(), 10000);
    QVERIFY2(window->editor()->files()->restoreAutosave(), qPrintable(window->statusText()));
    QCOMPARE(window->sliderPanel()->alphas(), alphas);
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 10000);
    // The restored work is in no file of the user's: quitting asks, and discarding it removes the autosave.
    int asked = 0;
    window->setUnsavedChangesPrompt([&asked] {
      ++asked;
      return MainWindow::UnsavedChoice::Discard;
    });
    QVERIFY(window->close());
    QCOMPARE(asked, 1);
    QVERIFY(!QFileInfo::exists(sessionPath));
  }

  void randomFaceFromTheGenerator() {
    FACET_REQUIRE_FIXTURES_QT();
    MainWindow window;
    window.editor()->models()->load(facet::test::fixtureModelFiles(false));
    QTRY_VERIFY_WITH_TIMEOUT(window.document()->models(), 10000);
    QSignalSpy changed(&window, &MainWindow::faceChanged);
    window.editor()->files()->randomFace(7);
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(window), 10000);
    QCOMPARE(window.document()->lastResult().image.size(), QSize(64, 64));
  }

  // A photo replaces the face being edited; until its faces are embedded the sliders say why nothing happens.
  void photoWithoutEmbeddingSaysSo() {
    FACET_REQUIRE_FIXTURES_QT();
    auto window = readyWindow();
    QVERIFY(window);
    QSignalSpy shown(window->editor()->photos(), &facet::app::PhotoWorkflow::photoShown);
    window->editor()->files()->openPhoto(QString(FACET_SOURCE_DIR) + "/tests/data/faceapi/astronaut_small.png");
    QVERIFY(!window->document()->hasFace());  // at once: the earlier face is gone
    QVERIFY(shown.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(!window->editor()->photos()->busy(), 20000);
    QVERIFY(!window->document()->hasFace());
    const quint64 submitted = window->document()->renderer()->lastSubmitted();
    const facet::test::EditorMessages said(*window);
    window->sliderPanel()->setAlpha(facet::test::kFixtureAttribute, 1.0f);
    QVERIFY2(said.contains("No face to edit yet"), said.all());
    QCOMPARE(window->document()->renderer()->lastSubmitted(), submitted);
    QVERIFY(!window->document()->session());  // nothing for autosave
  }

  // A photo: its face is found and aligned off the GUI thread; with no encoder installed the window says what to
  // get. A W+ for that face (from elsewhere) is edited and exported pasted back into the photo at full resolution.
  void photoFaceIsAlignedAndPastedBack() {
    FACET_REQUIRE_FIXTURES_QT();
#ifndef FACET_WITH_VISION
    QSKIP("built without core/face");
#else
    auto window = readyWindow();
    QVERIFY(window);
    const QString photo = QString(FACET_SOURCE_DIR) + "/resources/astronaut.png";  // the bundled sample
    const facet::test::EditorMessages said(*window);
    window->editor()->files()->openPhoto(photo);
    QTRY_VERIFY2_WITH_TIMEOUT(said.contains("no encoder is installed"), said.all(), 30000);
    QVERIFY(window->editor()->photos()->hasAlignedFace());
    // The aligned crop is shown, aligned at the generator's size as the photo pipeline aligns every face.
    QCOMPARE(window->preview()->image().size(), QSize(64, 64));
    QVERIFY(window->editor()->photos()->useCode(facet::test::fixtureWplus()));
    window->sliderPanel()->setAlpha(facet::test::kFixtureAttribute, 2.0f);
    QTRY_VERIFY_WITH_TIMEOUT(fullAndCurrent(*window), 10000);
    QTemporaryDir dir;
    QVERIFY2(window->document()->exportEdited(dir.filePath("pasted.png")), qPrintable(window->statusText()));
    QVERIFY(facet::test::exported(dir.filePath("pasted.png")));
    const QImage original(photo), pasted(dir.filePath("pasted.png"));
    QCOMPARE(pasted.size(), original.size());
    QVERIFY(pasted != original.convertToFormat(pasted.format()));
    // Far from the face (the top-left corner) the photo is untouched.
    QCOMPARE(pasted.pixelColor(1, 1), original.pixelColor(1, 1));
    QVERIFY(!window->document()->exportEdited(photo));  // never over the source
    // The aligned crop: the edited face as generated, at the generator's size.
    QVERIFY2(window->document()->exportAlignedFace(dir.filePath("aligned.png")), qPrintable(window->statusText()));
    QVERIFY(facet::test::exported(dir.filePath("aligned.png")));
    QCOMPARE(QImage(dir.filePath("aligned.png")),
             window->document()->lastResult().image.convertToFormat(QImage::Format_RGB32));
    QVERIFY(!window->document()->exportAlignedFace(photo));
    const QByteArray shots = qgetenv("FACET_SCREENSHOTS");
    if (!shots.isEmpty()) QVERIFY(pasted.save(QString::fromLocal8Bit(shots) + "/photo_pasted_back.png"));
#endif
  }

  void modelManagerListsTheManifest() {
    // A models folder with a damaged VGG file and an LPIPS file (no published checksum).
    const QString models = scratch_.filePath("models");
    QFile vgg(models + "/vgg16-397923af.pth");
    QVERIFY(vgg.open(QIODevice::WriteOnly));
    vgg.write("not the real weights");
    vgg.close();
    QFile lpips(models + "/lpips_vgg_v0.1.pth");
    QVERIFY(lpips.open(QIODevice::WriteOnly));
    lpips.write("x");
    lpips.close();

    facet::ui::ModelManagerDialog dialog;
    const QVector<facet::app::ManifestEntry> entries = facet::app::readManifest(facet::app::findManifest());
    QVERIFY(entries.size() >= 10);
    QCOMPARE(dialog.modelCount(), entries.size());
    int vggRow = -1, lpipsRow = -1;
    for (int row = 0; row < dialog.modelCount(); ++row) {
      if (dialog.cell(row, facet::ui::ModelManagerDialog::Model) == "vgg16-imagenet") vggRow = row;
      if (dialog.cell(row, facet::ui::ModelManagerDialog::Model) == "lpips-vgg") lpipsRow = row;
    }
    QVERIFY(vggRow >= 0 && lpipsRow >= 0);
    QCOMPARE(dialog.cell(vggRow, facet::ui::ModelManagerDialog::Status), QString("found"));
    QCOMPARE(dialog.cell(vggRow, facet::ui::ModelManagerDialog::Location), models + "/vgg16-397923af.pth");
    QVERIFY(!dialog.generatorFound());
    QVERIFY2(dialog.guidance().contains("still opens photos"), qPrintable(dialog.guidance()));

    QSignalSpy done(&dialog, &facet::ui::ModelManagerDialog::checksumsDone);
    dialog.verifyChecksums();
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 10000);
    // The stand-in is not the published file: its size gives it away before its checksum.
    QVERIFY2(dialog.cell(vggRow, facet::ui::ModelManagerDialog::Checksum).contains("WRONG SIZE"),
             qPrintable(dialog.cell(vggRow, facet::ui::ModelManagerDialog::Checksum)));
    QVERIFY2(dialog.cell(lpipsRow, facet::ui::ModelManagerDialog::Checksum).contains("WRONG SIZE"),
             qPrintable(dialog.cell(lpipsRow, facet::ui::ModelManagerDialog::Checksum)));

    // models/fetch runs as its own process; --list only reports (no network).
    QSignalSpy finished(&dialog, &facet::ui::ModelManagerDialog::fetchFinished);
    dialog.runFetch({"--list", "--only", "vgg16-imagenet", "--dest", models});
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QVERIFY2(dialog.fetchOutput().contains("vgg16-imagenet"), qPrintable(dialog.fetchOutput()));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    saveShot(dialog, "model_manager.png");
  }

 private:
  QTemporaryDir scratch_;
};

QTEST_MAIN(EditorWindowTest)
#include "test_editor_window.moc"
