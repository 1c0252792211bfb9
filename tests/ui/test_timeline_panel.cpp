// The timeline dock: record slider changes with a controlled clock, scrub and play back into the sliders, edit
// keyframes from the panel, keep the timeline in the session file, and render it to a video with the fixture
// generator through the render dialog.
#include <memory>
#include <vector>

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSpinBox>
#include <QMainWindow>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <torch/torch.h>

#include "tests/ui/editor_access.h"
#include "app/editor/video_sources.h"
#include "app/editor/session.h"
#include "core/io/npy.h"
#include "core/nn/latent/latent_transformer.h"
#include "core/video/frame_source.h"
#include "tests/app/editor/fixture_models.h"
#include "tests/ui/window_test_support.h"
#include "ui/main_window.h"
#include "ui/timeline_panel.h"
#ifdef FACET_WITH_VISION
#include <opencv2/imgproc.hpp>

#include "core/video/face_ops.h"
#include "core/video/frame_refine.h"
#include "core/video/video_writer.h"
#endif

using facet::ui::AttributeSlot;
using facet::ui::AttributeSliderPanel;
using facet::ui::TimelinePanel;

using facet::test::saveShot;

namespace {
QVector<AttributeSlot> attributes() {
  return {{"Smiling", "Smiling", "Expression", true},
          {"Eyeglasses", "Eyeglasses", "Accessories", true},
          {"Young", "Young", "Age and gender", true}};
}

// Records `takes` one second apart (t = 0, 1, 2…) on the panel's timeline.
void recordOneASecond(TimelinePanel& panel, const std::vector<std::vector<float>>& takes) {
  auto clock = std::make_shared<double>(0);
  panel.model()->setClock([clock] { return *clock; });
  panel.model()->startRecording(takes.front());
  for (size_t i = 1; i < takes.size(); ++i) {
    *clock = static_cast<double>(i);
    panel.model()->recordChange(takes[i]);
  }
  panel.model()->stop();
}

QString fixturesDir() {
  const QByteArray env = qgetenv("FACET_FIXTURES");
  const QString dir = env.isEmpty() ? QString(FACET_SOURCE_DIR) + "/tests/data/fixtures" : QString::fromLocal8Bit(env);
  return QFileInfo::exists(dir + "/stylegan2/g_small_zip.pt") ? dir : QString();
}

}  // namespace

Q_DECLARE_METATYPE(std::vector<float>)

class TimelinePanelTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() { qRegisterMetaType<std::vector<float>>(); }

  // The main window carries the dock, wired to its sliders: recorded changes come back on scrubbing.
  void recordsSliderChangesAndScrubsThemBack() {
    facet::ui::MainWindow window;
    window.setAttributes(attributes());
    auto* panel = window.findChild<TimelinePanel*>("timelinePanel");
    QVERIFY(panel);
    double clock = 100.0;
    panel->model()->setClock([&clock] { return clock; });
    AttributeSliderPanel* sliders = window.sliderPanel();
    sliders->setAlpha(2, 0.5f);  // before recording: the take starts from here

    panel->recordButton()->click();
    QVERIFY(panel->model()->isRecording());
    clock = 101.0;
    sliders->setAlpha(0, 1.0f);
    clock = 102.0;
    sliders->setAlpha(0, 2.0f);
    sliders->setAlpha(1, -1.0f);  // same instant: replaces the keyframe at t = 2
    panel->recordButton()->click();
    QVERIFY(!panel->model()->isRecording());
    sliders->setAlpha(0, -3.0f);  // not recording: ignored

    const auto& keys = panel->model()->timeline().keyframes();
    QCOMPARE(keys.size(), size_t(3));
    QCOMPARE(keys[0].state.alphas, (std::vector<float>{0.f, 0.f, 0.5f}));
    QCOMPARE(keys[2].state.alphas, (std::vector<float>{2.f, -1.f, 0.5f}));
    QCOMPARE(panel->keyframeTable()->rowCount(), 3);

    // Linear: halfway between t = 1 and t = 2.
    panel->findChild<QComboBox*>("timelineInterpolation")->setCurrentIndex(1);
    QCOMPARE(panel->model()->timeline().interpolation(), facet::video::Interpolation::Linear);
    panel->scrubber()->setValue(1500);
    QCOMPARE(sliders->alphas()[0], 1.5f);
    QCOMPARE(sliders->alphas()[1], -0.5f);
    QCOMPARE(sliders->alphas()[2], 0.5f);
    // Smooth (Catmull-Rom) passes through keyframes and differs from the chord between them.
    panel->findChild<QComboBox*>("timelineInterpolation")->setCurrentIndex(0);
    panel->scrubber()->setValue(1000);
    QCOMPARE(sliders->alphas()[0], 1.0f);
    panel->scrubber()->setValue(1500);  // Eyeglasses 0, 0, −1: the curve eases out of the middle key
    QVERIFY(std::abs(sliders->alphas()[1] - (-0.5f)) > 0.04);
    QVERIFY(sliders->alphas()[1] < 0 && sliders->alphas()[1] > -1);

    window.resize(1200, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    panel->keyframeTable()->selectRow(1);
    saveShot(window, "timeline_dock.png");
  }

  // Until a take is recorded the dock is one transport row; the keyframe list and editor appear with keyframes.
  void keyframeListAppearsWithKeyframes() {
    TimelinePanel panel;
    panel.setAttributes(attributes());
    auto* area = panel.findChild<QWidget*>("timelineKeyframesArea");
    QVERIFY(area && area->isHidden());
    panel.model()->startRecording({0, 0, 0});
    QVERIFY(area->isHidden());  // while recording the dock keeps its one row: Record and Stop stay put
    panel.model()->stop();
    QVERIFY(!area->isHidden());
    panel.model()->deleteKeyframe(0);
    QVERIFY(area->isHidden());
  }

  // A drag sends a change per mouse move: recording keeps one keyframe per 100 ms at most, at distinct times, and
  // the take ends on the value the drag stopped at.
  void recordingADragCoalescesItsKeyframes() {
    TimelinePanel panel;
    panel.setAttributes(attributes());
    double clock = 0;
    panel.model()->setClock([&clock] { return clock; });
    panel.model()->startRecording({0, 0, 0});
    for (int i = 1; i <= 35; ++i) {  // 35 moves, 10 ms apart; two of them in the same millisecond
      clock = 0.01 * i;
      panel.model()->recordChange({0.08f * static_cast<float>(i), 0, 0});
      if (i == 20) panel.model()->recordChange({0.08f * static_cast<float>(i), 0.5f, 0});
    }
    panel.model()->stop();
    const auto& keys = panel.model()->timeline().keyframes();
    QVERIFY2(keys.size() >= 4 && keys.size() <= 5, qPrintable(QString::number(keys.size())));
    for (size_t k = 1; k + 1 < keys.size(); ++k)
      QVERIFY2(keys[k].time - keys[k - 1].time >= facet::app::TimelineModel::kMinKeyframeGap - 1e-9,
               qPrintable(QString("%1 → %2").arg(keys[k - 1].time).arg(keys[k].time)));
    for (size_t k = 1; k < keys.size(); ++k) QVERIFY(keys[k].time > keys[k - 1].time);
    QCOMPARE(keys.back().time, 0.35);
    QCOMPARE(keys.back().state.alphas[0], 0.08f * 35);
  }

  void editsKeyframesFromThePanel() {
    TimelinePanel panel;
    panel.setAttributes(attributes());
    recordOneASecond(panel, {{0, 0, 0}, {1, 0, 0}, {2, 0, 0}});

    panel.keyframeTable()->selectRow(1);
    auto* time = panel.findChild<QDoubleSpinBox*>("keyframeTime");
    QCOMPARE(time->value(), 1.0);
    time->setValue(3.0);
    Q_EMIT time->editingFinished();  // move t = 1 → 3: it becomes the last keyframe
    QCOMPARE(panel.model()->timeline().keyframes().back().time, 3.0);
    QCOMPARE(panel.model()->timeline().keyframes().back().state.alphas[0], 1.0f);

    panel.keyframeTable()->selectRow(2);
    panel.findChild<QComboBox*>("keyframeAttribute")->setCurrentIndex(1);
    auto* alpha = panel.findChild<QDoubleSpinBox*>("keyframeAlpha");
    alpha->setValue(-2.5);
    Q_EMIT alpha->editingFinished();
    QCOMPARE(panel.model()->timeline().keyframes()[2].state.alphas[1], -2.5f);

    panel.keyframeTable()->selectRow(0);
    panel.findChild<QPushButton*>("keyframeDelete")->click();
    QCOMPARE(panel.model()->timeline().size(), size_t(2));
    QCOMPARE(panel.keyframeTable()->rowCount(), 2);
  }

  // Selecting a keyframe shows the attribute it recorded, not the first one; the user can still pick another.
  void theKeyframeEditorOpensOnTheRecordedAttribute() {
    TimelinePanel panel;
    panel.setAttributes(attributes());
    recordOneASecond(panel, {{0, 0, 0}, {0, 0, 1.5f}, {0, -1, 1.5f}});
    auto* attribute = panel.findChild<QComboBox*>("keyframeAttribute");
    auto* alpha = panel.findChild<QDoubleSpinBox*>("keyframeAlpha");
    panel.keyframeTable()->selectRow(1);
    QCOMPARE(attribute->currentIndex(), 2);
    QCOMPARE(alpha->value(), 1.5);
    panel.keyframeTable()->selectRow(2);
    QCOMPARE(attribute->currentIndex(), 1);
    QCOMPARE(alpha->value(), -1.0);
    attribute->setCurrentIndex(2);  // another attribute of the same keyframe
    QCOMPARE(attribute->currentIndex(), 2);
    QCOMPARE(alpha->value(), 1.5);
  }

  void playbackRunsToTheEnd() {
    TimelinePanel panel;
    panel.setAttributes(attributes());
    panel.model()->startRecording({0, 0, 0});
    panel.model()->stop();
    panel.model()->fromJson(QJsonObject{});  // clears
    QVERIFY(panel.model()->timeline().empty());
    QJsonObject json = QJsonDocument::fromJson(R"({"version":1,"interpolation":"linear",
        "attributes":["Smiling","Eyeglasses","Young"],
        "keyframes":[{"time":0,"alphas":[0,0,0]},{"time":0.3,"alphas":[3,0,0]}]})").object();
    panel.model()->fromJson(json);
    QSignalSpy at(panel.model(), &facet::app::TimelineModel::alphasAt);
    panel.model()->setPlaybackIntervalMs(10);
    panel.model()->play();
    QVERIFY(panel.model()->isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(!panel.model()->isPlaying(), 3000);
    QVERIFY(at.count() >= 3);
    QCOMPARE(at.last().at(0).value<std::vector<float>>()[0], 3.0f);
  }

  void timelineLivesInTheSessionFile() {
    TimelinePanel panel;
    panel.setAttributes(attributes());
    double clock = 0;
    panel.model()->setClock([&clock] { return clock; });
    panel.model()->startRecording({0, 1, 0});
    clock = 0.75;
    panel.model()->recordChange({1, 1, 0});
    panel.model()->stop();
    QTemporaryDir dir;
    facet::app::Session session;
    session.photoPath = "/photos/a.jpg";
    session.alphas = {1, 1, 0};
    session.attributeIds = {"Smiling", "Eyeglasses", "Young"};
    session.timeline = panel.model()->toJson();
    facet::app::saveSession(dir.filePath("s.facet"), session);
    const facet::app::Session loaded = facet::app::loadSession(dir.filePath("s.facet"));
    QVERIFY(loaded == session);
    TimelinePanel other;
    other.setAttributes(attributes());
    other.model()->fromJson(loaded.timeline);
    QCOMPARE(other.model()->timeline().size(), size_t(2));
    QCOMPARE(other.model()->sampleAlphas(0.75), (std::vector<float>{1, 1, 0}));
    QCOMPARE(other.keyframeTable()->rowCount(), 2);
  }

  void renderDialogWritesAVideoWithTheFixtureGenerator() {
    const QString fixtures = fixturesDir();
    if (fixtures.isEmpty()) QFAIL("tests/data/fixtures not found");
    std::shared_ptr<const facet::nn::StyleGan2> g =
        facet::nn::StyleGan2::load((fixtures + "/stylegan2/g_small_zip.pt").toStdString());
    auto editor = std::make_shared<facet::edit::Editor>();
    torch::manual_seed(1);
    editor->set_transformer(31, facet::nn::LatentTransformer(g->n_latent(), g->style_dim()));
    const torch::Tensor w =
        facet::io::read_npy((fixtures + "/stylegan2/wplus.npy").toStdString()).to(torch::kFloat32).narrow(0, 0, 1);
    facet::video::Timeline timeline({"Smiling"});
    timeline.add(0, {{0}, {}});
    timeline.add(1, {{2}, {}});
    QTemporaryDir dir;
    facet::ui::TimelineRenderDialog dialog(
        timeline, [&]() -> std::shared_ptr<const facet::app::TimelineRenderSource> {
          return std::make_shared<facet::app::TimelineRenderSource>(facet::app::TimelineRenderSource{g, editor, w, nullptr});
        });
    dialog.setOutputPath(dir.filePath("timeline.mp4"));
    dialog.findChild<QSpinBox*>("renderFps")->setValue(12);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy finished(&dialog, &facet::ui::TimelineRenderDialog::finished);
    auto* closeButton = dialog.findChild<QPushButton*>("renderCancel");
    QCOMPARE(closeButton->text(), QString("Close"));
    dialog.startRender();
    QCOMPARE(closeButton->text(), QString("Cancel"));  // while it renders
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(dialog.statusText()));
    QCOMPARE(closeButton->text(), QString("Close"));  // done: nothing left to cancel
    QVERIFY(dialog.statusText().startsWith("Wrote 13 frames"));
    saveShot(dialog, "timeline_render_dialog.png");
    facet::video::FrameSource video(dir.filePath("timeline.mp4").toStdString());
    QCOMPARE(video.size().width, 64);
    QVERIFY(std::abs(video.fps() - 12) < 0.01);
  }

  // "Pasted into the photo": offered once the editor's face comes from a photo (the main window hands the dialog
  // the photo and its alignment); every frame is rendered at full size and pasted in, so the video has the photo's
  // (even) size, the background is the photo's and the face changes along the timeline. A face not from a photo
  // leaves the choice disabled.
  void renderDialogPastesIntoThePhotoTheFaceCameFrom() {
    FACET_REQUIRE_FIXTURES_QT();
#ifndef FACET_WITH_VISION
    QSKIP("built without core/face");
#else
    facet::ui::MainWindow window;
    window.editor()->models()->load(facet::test::fixtureModelFiles(false));
    QTRY_VERIFY_WITH_TIMEOUT(window.document()->models(), 10000);
    auto* panel = window.findChild<TimelinePanel*>();
    QVERIFY(panel);
    facet::video::Timeline timeline({"Eyeglasses"});  // the fixture's transformer
    timeline.add(0, {{0}, {}});
    timeline.add(0.5, {{3}, {}});

    window.editor()->files()->openWplus(facet::test::fixturesDir() + "/stylegan2/wplus.npy");
    QTRY_VERIFY_WITH_TIMEOUT(window.document()->hasFace(), 10000);
    {
      facet::ui::TimelineRenderDialog notFromAPhoto(timeline, panel->renderSource());
      QVERIFY(!notFromAPhoto.choosePastedIntoPhoto());
    }

    const QString photo = QString(FACET_SOURCE_DIR) + "/resources/astronaut.png";
    window.editor()->files()->openPhoto(photo);
    QTRY_VERIFY_WITH_TIMEOUT(window.editor()->photos()->hasAlignedFace(), 30000);
    QVERIFY(window.editor()->photos()->useCode(facet::test::fixtureWplus()));
    QTemporaryDir dir;
    facet::ui::TimelineRenderDialog dialog(timeline, panel->renderSource());
    QVERIFY(dialog.choosePastedIntoPhoto());
    dialog.setOutputPath(dir.filePath("pasted.mp4"));
    dialog.findChild<QSpinBox*>("renderFps")->setValue(6);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy finished(&dialog, &facet::ui::TimelineRenderDialog::finished);
    dialog.startRender();
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(dialog.statusText()));
    const cv::Mat original = cv::imread(photo.toStdString(), cv::IMREAD_COLOR);
    const cv::Size even(original.cols & ~1, original.rows & ~1);
    QVERIFY2(dialog.statusText().startsWith(QString("Wrote 4 frames")), qPrintable(dialog.statusText()));
    QVERIFY2(dialog.statusText().contains(QString("%1 × %2").arg(even.width).arg(even.height)), qPrintable(dialog.statusText()));
    saveShot(dialog, "timeline_render_pasted.png");

    facet::video::FrameSource video(dir.filePath("pasted.mp4").toStdString());
    QCOMPARE(video.size(), even);
    std::vector<cv::Mat> frames;
    cv::Mat f;
    while (video.read(f)) frames.push_back(f.clone());
    QCOMPARE(int(frames.size()), 4);
    auto meanDiff = [](const cv::Mat& a, const cv::Mat& b, const cv::Rect& r) {
      cv::Mat d;
      cv::absdiff(a(r), b(r), d);
      return cv::mean(d)[0];
    };
    const cv::Mat photoEven = original(cv::Rect(0, 0, even.width, even.height));
    // The face in resources/astronaut.png (512²) lies within x 170…290, y 60…190.
    const cv::Rect corner(0, 0, even.width / 8, even.height / 8),
        centre(even.width * 180 / 512, even.height * 80 / 512, even.width * 90 / 512, even.height * 90 / 512);
    if (!qgetenv("FACET_SCREENSHOTS").isEmpty())
      QVERIFY(cv::imwrite(qgetenv("FACET_SCREENSHOTS").toStdString() + "/timeline_pasted_frame.png", frames[3]));
    qInfo() << "pasted frame vs photo: corner" << meanDiff(frames[0], photoEven, corner) << "centre"
            << meanDiff(frames[0], photoEven, centre) << "; first vs last frame, centre" << meanDiff(frames[0], frames[3], centre);
    QVERIFY2(meanDiff(frames[0], photoEven, corner) < 8, "the photo around the face is kept");
    QVERIFY2(meanDiff(frames[0], photoEven, centre) > 10, "the generated face is pasted in");
    QVERIFY2(meanDiff(frames[0], frames[3], centre) > 1, "the face follows the timeline");
    QVERIFY(meanDiff(frames[0], frames[3], corner) < 2);
#endif
  }

  void renderDialogWithoutModelsSaysSo() {
    facet::video::Timeline timeline({"Smiling"});
    timeline.add(0, {{0}, {}});
    facet::ui::TimelineRenderDialog dialog(timeline, {});
    QVERIFY(!dialog.findChild<QPushButton*>("renderStart")->isEnabled());
    QVERIFY(dialog.statusText().contains("No face model"));
  }

  void videoEditDialogStartsFromTheSliders() {
    facet::ui::VideoEditDialog dialog(attributes(), {1.5f, 0.f, -1.f}, {});
    QCOMPARE(dialog.editRowCount(), 2);
    QVERIFY(!dialog.findChild<QPushButton*>("videoStart")->isEnabled());
    dialog.resize(640, 520);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    saveShot(dialog, "video_edit_dialog.png");
  }

  // The edit-video dialog with per-frame optimisation and no encoder (dlib, the fixture generator): it first says
  // optimisation is needed, then optimises every frame; cancelled after the first batch, it keeps those frames and
  // "Resume" finishes the video with the rest.
  void videoEditDialogOptimisesFramesAndResumes() {
    FACET_REQUIRE_FIXTURES_QT();
#ifndef FACET_WITH_VISION
    QSKIP("built without core/face");
#else
    QTemporaryDir dir;
    const std::string in = dir.filePath("moving.mp4").toStdString(), out = dir.filePath("edited.mp4").toStdString();
    {
      cv::Mat photo = cv::imread(std::string(FACET_SOURCE_DIR) + "/tests/data/faceapi/astronaut_square.png");
      QVERIFY(!photo.empty());
      cv::resize(photo, photo, cv::Size(256, 256), 0, 0, cv::INTER_AREA);
      facet::video::VideoWriter writer(in, 10, {256, 256});
      for (int i = 0; i < 8; ++i) {
        cv::Mat shifted;
        const cv::Matx23d shift(1, 0, 2.0 * i, 0, 1, 0);
        cv::warpAffine(photo, shifted, shift, photo.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
        writer.write(shifted);
      }
      writer.finish();
    }
    std::shared_ptr<facet::nn::StyleGan2> g =
        facet::nn::StyleGan2::load((facet::test::fixturesDir() + "/stylegan2/g_small_zip.pt").toStdString());
    auto editor = std::make_shared<facet::edit::Editor>();
    torch::manual_seed(2);
    editor->set_transformer(31, facet::nn::LatentTransformer(g->n_latent(), g->style_dim()));
    std::atomic<int> refiners{0};  // the setup runs in the edit's job
    facet::ui::VideoEditDialog dialog(attributes(), {1.f, 0.f, 0.f}, [&](bool) {
      auto setup = std::make_shared<facet::app::VideoEditSetup>();
      setup->face = facet::video::make_face_ops("", "feather");
      setup->models.generator = g.get();
      setup->models.editor = editor.get();
      setup->makeRefiner = [&](int steps, const std::atomic<bool>* cancel) {
        ++refiners;
        facet::embed::EmbedOptions options;
        options.steps = steps;
        return facet::video::make_frame_refiner(g, {}, options, cancel);
      };
      return setup;
    });
    dialog.setPaths(QString::fromStdString(in), QString::fromStdString(out));
    dialog.resize(700, 560);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.startEdit();
    QTRY_VERIFY2_WITH_TIMEOUT(dialog.statusText().contains("No encoder"), qPrintable(dialog.statusText()), 30000);
    QVERIFY(!dialog.isRunning());

    dialog.setRefineSteps(30);
    QSignalSpy finished(&dialog, &facet::ui::VideoEditDialog::finished);
    dialog.startEdit();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().startsWith("Editing: frame 4"), 60000);
    QTest::mouseClick(dialog.findChild<QPushButton*>("videoCancel"), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QVERIFY2(!finished.at(0).at(0).toBool(), qPrintable(dialog.statusText()));
    QVERIFY2(dialog.statusText().startsWith("Cancelled after 4 frames"), qPrintable(dialog.statusText()));
    QVERIFY(!QFileInfo::exists(QString::fromStdString(out)));

    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning(), 10000);  // the worker returns just after reporting
    dialog.setResume(true);
    dialog.startEdit();
    QVERIFY2(finished.wait(120000), qPrintable(dialog.statusText()));
    QVERIFY2(finished.at(1).at(0).toBool(), qPrintable(dialog.statusText()));
    QVERIFY2(dialog.statusText().contains("4 frames came from the interrupted run"), qPrintable(dialog.statusText()));
    QVERIFY2(dialog.statusText().contains("4 frames optimised"), qPrintable(dialog.statusText()));
    QCOMPARE(refiners.load(), 2);
    saveShot(dialog, "video_edit_resumed.png");
    facet::video::FrameSource video(out);
    int frames = 0;
    cv::Mat f;
    while (video.read(f)) ++frames;
    QCOMPARE(frames, 8);
#endif
  }
};

QTEST_MAIN(TimelinePanelTest)
#include "test_timeline_panel.moc"
