// render-timeline (and the video commands' errors), run as a user would.
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "core/io/npy.h"
#include "core/nn/latent/latent_transformer.h"
#include "core/nn/stylegan2/generator.h"
#include "core/video/frame_source.h"
#include "core/video/video_writer.h"
#include "tests/core/video/synthetic_face.h"
#include "tests/support/encoder_checkpoint.h"
#include "tests/support/test_support.h"

using facet::test::fixture;
using facet::test::run_command;

namespace {

std::string cli() { return FACET_CLI; }

// A session as the editor writes it, with a timeline moving Smiling 0 → 2 → 1 over two seconds.
std::string write_session(const std::string& dir, bool with_timeline,
                          const std::string& photo = "/photos/face.jpg") {
  const torch::Tensor w = facet::io::read_npy(fixture("stylegan2/wplus.npy")).narrow(0, 0, 1);
  facet::io::write_npy(dir + "/face.npy", w);
  nlohmann::json session{{"format", "facet-session"},
                         {"version", 1},
                         {"photo", {{"path", photo}, {"sha256", "00"}}},
                         {"face", 0},
                         {"wplus", "face.npy"},
                         {"alphas", {1.0, 0.0}},
                         {"attributes", {"Smiling", "Eyeglasses"}},
                         {"models", nlohmann::json::array()}};
  if (with_timeline)
    session["timeline"] = nlohmann::json::parse(R"({"version":1,"interpolation":"smooth","alpha_range":[-3,3],
        "attributes":["Smiling","Eyeglasses"],
        "keyframes":[{"time":0,"alphas":[0,0]},{"time":1,"alphas":[2,0]},{"time":2,"alphas":[1,0]}]})");
  const std::string path = dir + "/edit.facet";
  std::ofstream(path) << session.dump(1);
  return path;
}

// A 6-frame synthetic face video (dir/in.mp4) and a transformer for Smiling (dir/tnets); returns the edit-video
// command line that edits it by optimisation alone on the fixture generator, without --out and the refinement flags.
std::string edit_video_without_encoder(const std::string& dir) {
  const auto synthetic = facet::video::testing::make_synthetic_video(6, 256, 4);
  {
    facet::video::VideoWriter writer(dir + "/in.mp4", 10, {256, 256});
    for (const auto& f : synthetic.frames) writer.write(f);
    writer.finish();
  }
  std::filesystem::create_directories(dir + "/tnets");
  facet::nn::LatentTransformer transformer(10, 128);
  facet::nn::save_latent_transformer(dir + "/tnets/tnet_31.pth.tar", transformer);
  return cli() + " edit-video " + dir + "/in.mp4 --edit Smiling=1 --generator " + fixture("stylegan2/g_small_zip.pt") +
         " --transformers " + dir + "/tnets --no-encoder";
}

}  // namespace

TEST(CliVideo, RenderTimelineWritesAVideoAndReportsFps) {
  FACET_REQUIRE_FIXTURES();
  const std::string dir = facet::test::scratch_dir("render-timeline");
  const std::string session = write_session(dir, true);
  torch::manual_seed(2);
  facet::nn::LatentTransformer t(10, 128);
  facet::nn::save_latent_transformer(dir + "/tnet_31.pth.tar", t);
  auto r = run_command(cli() + " render-timeline " + session + " --out " + dir + "/out.mp4 --generator " +
                       fixture("stylegan2/g_small_zip.pt") + " --transformer " + dir + "/tnet_31.pth.tar --fps 15 --json",
                       false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto report = nlohmann::json::parse(r.output);
  EXPECT_EQ(report["frames"], 31);
  EXPECT_EQ(report["size"], 64);
  EXPECT_GT(report["render_fps"].get<double>(), 0);
  std::cout << "render-timeline (fixture generator 64², CPU): " << report["render_fps"] << " frames/s, "
            << report["codec"] << "\n";
  facet::video::FrameSource video(report["out"].get<std::string>());
  EXPECT_EQ(video.size(), cv::Size(64, 64));
  EXPECT_NEAR(video.fps(), 15, 0.01);
  int n = 0;
  cv::Mat frame;
  while (video.read(frame)) ++n;
  EXPECT_EQ(n, 31);
  // A smaller size and MJPEG.
  r = run_command(cli() + " render-timeline " + session + " --out " + dir + "/small.avi --generator " +
                  fixture("stylegan2/g_small_zip.pt") + " --transformer " + dir + "/tnet_31.pth.tar --size 32 --codec mjpeg");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("MJPEG"), std::string::npos) << r.output;
  EXPECT_EQ(facet::video::FrameSource(dir + "/small.avi").size(), cv::Size(32, 32));
}

TEST(CliVideo, RenderTimelineErrorsAreClear) {
  FACET_REQUIRE_FIXTURES();
  const std::string dir = facet::test::scratch_dir("render-timeline-errors");
  const std::string session = write_session(dir, false);
  auto r = run_command(cli() + " render-timeline " + session + " --out " + dir + "/o.mp4 --generator " +
                       fixture("stylegan2/g_small_zip.pt"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("no timeline"), std::string::npos) << r.output;
  // Smiling moves but there is no transformer for it.
  const std::string with = write_session(dir, true);
  r = run_command(cli() + " render-timeline " + with + " --out " + dir + "/o.mp4 --generator " +
                  fixture("stylegan2/g_small_zip.pt") + " --transformers " + dir);
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir + "/o.mp4"));
  r = run_command(cli() + " render-timeline " + dir + "/missing.facet --out " + dir + "/o.mp4");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(run_command(cli() + " render-timeline " + with).exit_code, 2);  // --out missing
}

// Frames pasted into the session's photo (the astronaut): the video has the photo's size. Without core/face the
// command says what is missing.
TEST(CliVideo, RenderTimelinePastedIntoThePhoto) {
  FACET_REQUIRE_FIXTURES();
  const std::string dir = facet::test::scratch_dir("render-timeline-paste");
  const std::string photo = facet::test::source_dir() + "/tests/data/faceapi/astronaut_square.png";
  const std::string session = write_session(dir, true, photo);
  torch::manual_seed(2);
  facet::nn::LatentTransformer t(10, 128);
  facet::nn::save_latent_transformer(dir + "/tnet_31.pth.tar", t);
  const auto r = run_command(cli() + " render-timeline " + session + " --out " + dir + "/pasted.mp4 --generator " +
                             fixture("stylegan2/g_small_zip.pt") + " --transformer " + dir +
                             "/tnet_31.pth.tar --fps 5 --paste");
#ifdef FACET_WITH_VISION
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const cv::Mat original = cv::imread(photo);
  facet::video::FrameSource video(dir + "/pasted.mp4");
  EXPECT_EQ(video.size(), cv::Size(original.cols & ~1, original.rows & ~1));
#else
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("face alignment"), std::string::npos) << r.output;
#endif
}

#ifdef FACET_WITH_VISION
// track-video with dlib on the astronaut moving along a known path: the JSON has exactly the issue's keys and the
// stabilisation lowers the jitter.
TEST(CliVideo, TrackVideoPrintsTheStabilityFigure) {
  const std::string dir = facet::test::scratch_dir("track-video");
  const auto synthetic = facet::video::testing::make_synthetic_video(30, 256, 4);
  {
    facet::video::VideoWriter writer(dir + "/moving.mp4", 30, {256, 256});
    for (const auto& f : synthetic.frames) writer.write(f);
    writer.finish();
  }
  const auto r = run_command(cli() + " track-video " + dir + "/moving.mp4 --json", false);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto j = nlohmann::json::parse(r.output);
  EXPECT_EQ(j.size(), 4u);
  EXPECT_EQ(j["frames"], 30);
  EXPECT_EQ(j["frames_without_face"], 0);
  EXPECT_LT(j["jitter_after"].get<double>(), j["jitter_before"].get<double>());
  EXPECT_EQ(run_command(cli() + " track-video " + dir + "/none.mp4").exit_code, 1);
}
#endif

#ifdef FACET_WITH_VISION
namespace {
// ffprobe: does `file` have an audio stream?
bool has_audio(const std::string& file) {
  const std::string out = file + ".probe.txt";
  const std::string command = "ffprobe -v error -select_streams a -show_entries stream=codec_type -of csv=p=0 '" +
                              file + "' > '" + out + "' 2>&1";
  if (std::system(command.c_str()) != 0) return false;
  std::ifstream in(out);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return text.find("audio") != std::string::npos;
}
}  // namespace

// edit-video without an encoder: every frame embedded by Image2StyleGAN alone (each from latent_avg by default; with
// --warm-start the first from latent_avg, the rest from the previous frame), on the fixture generator and dlib; the
// source's sine track (made by ffmpeg, when installed) is in the result. Prints the stability figures of both.
TEST(CliVideo, EditVideoRefinesEveryFrameWithoutAnEncoder) {
  FACET_REQUIRE_FIXTURES();
  const std::string dir = facet::test::scratch_dir("edit-video-refine");
  const auto synthetic = facet::video::testing::make_synthetic_video(6, 256, 4);
  {
    facet::video::VideoWriter writer(dir + "/silent.mp4", 10, {256, 256});
    for (const auto& f : synthetic.frames) writer.write(f);
    writer.finish();
  }
  const bool ffmpeg = std::system("ffmpeg -version > /dev/null 2>&1") == 0 &&
                      std::system("ffprobe -version > /dev/null 2>&1") == 0;
  std::string input = dir + "/silent.mp4";
  if (ffmpeg) {
    input = dir + "/with sound.mp4";
    ASSERT_EQ(std::system(("ffmpeg -nostdin -y -v error -i " + dir + "/silent.mp4 -f lavfi -i sine=frequency=440 "
                           "-map 0:v -map 1:a -c:v copy -c:a aac -shortest '" + input + "'").c_str()),
              0);
    ASSERT_TRUE(has_audio(input));
  }
  std::filesystem::create_directories(dir + "/tnets");
  torch::manual_seed(3);
  facet::nn::LatentTransformer transformer(10, 128);
  facet::nn::save_latent_transformer(dir + "/tnets/tnet_31.pth.tar", transformer);
  const std::string base = cli() + " edit-video '" + input + "' --edit Smiling=1 --generator " +
                           fixture("stylegan2/g_small_zip.pt") + " --transformers " + dir +
                           "/tnets --no-encoder --perceptual none --refine-steps 10 --refine-lr 0.05 --json";
  nlohmann::json runs[2];
  for (int cold = 0; cold < 2; ++cold) {
    const std::string out = dir + (cold ? "/cold.mp4" : "/warm.mp4");
    const auto r = run_command(base + " --out " + out + (cold ? "" : " --warm-start"), false);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto j = nlohmann::json::parse(r.output);
    EXPECT_EQ(j["frames"], 6);
    EXPECT_EQ(j["refined"], j["edited"]);
    EXPECT_GE(j["edited"].get<int>(), 5);
    EXPECT_EQ(j["warm_start"], cold == 0);
    EXPECT_FALSE(std::filesystem::exists(j["work_dir"].get<std::string>()));
    facet::video::FrameSource video(out);
    EXPECT_EQ(video.size(), cv::Size(256, 256));
    if (ffmpeg) {
      EXPECT_NE(j["audio"].get<std::string>().find("audio kept"), std::string::npos) << j["audio"];
      EXPECT_TRUE(has_audio(out));
    }
    runs[cold] = j;
  }
  std::cout << "edit-video, 10 Image2StyleGAN steps per frame, no encoder (fixture 64²): warm start "
            << runs[0]["code_jitter"] << " W+ RMS / " << runs[0]["face_jitter"] << " levels per frame, "
            << runs[0]["fps"] << " frames/s; cold (latent_avg each frame) " << runs[1]["code_jitter"] << " / "
            << runs[1]["face_jitter"] << ", " << runs[1]["fps"] << " frames/s\n";

  // Usage: optimisation alone needs steps and a generator.
  EXPECT_EQ(run_command(cli() + " edit-video " + input + " --edit Smiling=1 --out " + dir + "/x.mp4 --no-encoder")
                .exit_code,
            2);
  EXPECT_EQ(run_command(cli() + " edit-video " + input + " --edit Smiling=1 --out " + dir +
                        "/x.mp4 --no-encoder --refine-steps 3")
                .exit_code,
            2);
}

// edit-video with a pSp encoder end to end: a random-weight checkpoint in the released layout, sized for the
// fixture generator (tests/support/encoder_checkpoint), embeds the frames in batches; then the same with three
// Image2StyleGAN steps per frame on top of the encoder (warm start), and with the generator tuned to two frames.
TEST(CliVideo, EditVideoWithAnEncoderEndToEnd) {
  FACET_REQUIRE_FIXTURES();
  const std::string dir = facet::test::scratch_dir("edit-video-encoder");
  const auto synthetic = facet::video::testing::make_synthetic_video(6, 256, 4);
  {
    facet::video::VideoWriter writer(dir + "/in.mp4", 10, {256, 256});
    for (const auto& f : synthetic.frames) writer.write(f);
    writer.finish();
  }
  auto g = facet::nn::StyleGan2::load(fixture("stylegan2/g_small_zip.pt"));
  facet::test::EncoderCheckpointSpec spec;
  spec.n_styles = g->n_latent();
  spec.style_dim = g->style_dim();
  spec.latent_avg = g->latent_avg();
  spec.style_scale = 0.2;
  facet::test::write_encoder_checkpoint(dir + "/psp_small.pt", spec);
  std::filesystem::create_directories(dir + "/tnets");
  torch::manual_seed(4);
  facet::nn::LatentTransformer transformer(g->n_latent(), g->style_dim());
  facet::nn::save_latent_transformer(dir + "/tnets/tnet_31.pth.tar", transformer);
  const std::string base = cli() + " edit-video " + dir + "/in.mp4 --edit Smiling=1.5 --encoder " + dir +
                           "/psp_small.pt --generator " + fixture("stylegan2/g_small_zip.pt") + " --transformers " +
                           dir + "/tnets --batch 3 --json --out ";
  for (int refine : {0, 3}) {
    const std::string out = dir + (refine ? "/refined.mp4" : "/encoded.mp4");
    const auto r = run_command(base + out + (refine ? " --refine-steps 3 --perceptual none" : ""), false);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto j = nlohmann::json::parse(r.output);
    EXPECT_EQ(j["frames"], 6);
    EXPECT_GE(j["edited"].get<int>(), 5);
    EXPECT_EQ(j["refined"], refine ? j["edited"].get<int>() : 0);
    EXPECT_GT(j["code_jitter"].get<double>(), 0) << "codes follow the frames";
    facet::video::FrameSource video(out);
    EXPECT_EQ(video.size(), cv::Size(256, 256));
    cv::Mat first;
    ASSERT_TRUE(video.read(first));
    cv::Mat d;
    cv::absdiff(first, synthetic.frames[0], d);
    EXPECT_GT(cv::mean(d)[0], 1.0) << "the face is replaced";
    std::cout << "edit-video with the pSp encoder" << (refine ? " + 3 refinement steps" : "") << ": " << j["fps"]
              << " frames/s, embedding change " << j["code_jitter"] << " W+ RMS / " << j["face_jitter"]
              << " levels per frame\n";
  }
  // --tune: one generator tuned to 2 frames first; it renders every frame, so the video differs from the
  // untuned one, and the tuning moved towards the frames' faces.
  {
    const auto r = run_command(base + dir + "/tuned.mp4 --tune 2 --tune-steps 20 --tune-lr 0.005", false);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const auto j = nlohmann::json::parse(r.output);
    EXPECT_GE(j["edited"].get<int>(), 5);
    ASSERT_TRUE(j["tuning"].is_object()) << j;
    EXPECT_EQ(j["tuning"]["frames"].size(), 2u) << j["tuning"];
    EXPECT_EQ(j["tuning"]["steps"], 20);
    // Measured: 0.274 → 0.103.
    EXPECT_LT(j["tuning"]["l2"].get<double>(), 0.5 * j["tuning"]["l2_before"].get<double>()) << j["tuning"];
    EXPECT_TRUE(j["tuning"]["lpips"].is_null()) << "pixel loss alone (--perceptual none)";
    facet::video::FrameSource tuned(dir + "/tuned.mp4"), encoded(dir + "/encoded.mp4");
    cv::Mat a, b, d;
    ASSERT_TRUE(tuned.read(a));
    ASSERT_TRUE(encoded.read(b));
    cv::absdiff(a, b, d);
    EXPECT_GT(cv::mean(d)[0], 0.5) << "the tuned generator renders the face";
    std::cout << "edit-video --tune 2: " << j["tuning"].dump() << ", first frame " << cv::mean(d)[0]
              << " levels from the untuned edit\n";
  }
  // The encoder must fit the generator.
  facet::test::EncoderCheckpointSpec wrong = spec;
  wrong.n_styles = 14;
  wrong.latent_avg = torch::Tensor();
  facet::test::write_encoder_checkpoint(dir + "/psp_wrong.pt", wrong);
  const auto r = run_command(cli() + " edit-video " + dir + "/in.mp4 --edit Smiling=1 --encoder " + dir +
                             "/psp_wrong.pt --generator " + fixture("stylegan2/g_small_zip.pt") + " --transformers " +
                             dir + "/tnets --out " + dir + "/x.mp4");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("styles"), std::string::npos) << r.output;
}

// Ctrl-C during edit-video keeps the finished frames (exit 1, the work folder named); the same command with
// --resume encodes only the rest and writes one video with every frame.
TEST(CliVideo, EditVideoInterruptedThenResumed) {
  FACET_REQUIRE_FIXTURES();
  const std::string dir = facet::test::scratch_dir("edit-video-resume");
  const std::string command =
      edit_video_without_encoder(dir) + " --refine-steps 15 --batch 1 --out " + dir + "/out.mp4";
  const std::string frames = dir + "/.out.mp4.facet-work/frames";
  // Interrupt once the first frame is saved.
  const std::string script = command + " > " + dir + "/first.txt 2>&1 & pid=$!; for i in $(seq 600); do " +
                             "[ -n \"$(ls " + frames + " 2>/dev/null)\" ] && break; sleep 0.1; done; kill -INT $pid; " +
                             "wait $pid";
  const auto first = run_command("sh -c '" + script + "'");
  std::ifstream log(dir + "/first.txt");
  const std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
  ASSERT_EQ(first.exit_code, 1) << text;
  EXPECT_NE(text.find("--resume"), std::string::npos) << text;
  EXPECT_FALSE(std::filesystem::exists(dir + "/out.mp4"));
  int kept = 0;
  for (const auto& entry : std::filesystem::directory_iterator(frames)) kept += entry.path().extension() == ".png";
  EXPECT_GE(kept, 1);
  EXPECT_LT(kept, 6);

  const auto second = run_command(command + " --resume --json", false);
  ASSERT_EQ(second.exit_code, 0) << second.output;
  const auto j = nlohmann::json::parse(second.output);
  EXPECT_EQ(j["frames"], 6);
  EXPECT_EQ(j["resumed_frames"], kept);
  EXPECT_EQ(j["refined"].get<int>(), j["edited"].get<int>() - kept);
  EXPECT_FALSE(std::filesystem::exists(dir + "/.out.mp4.facet-work"));
  facet::video::FrameSource video(dir + "/out.mp4");
  int count = 0;
  cv::Mat f;
  while (video.read(f)) ++count;
  EXPECT_EQ(count, 6);
}

// edit-video --shard I/N: each shard edits a block of whole batches into its part of the work folder, merge
// writes the video, and its frames are exactly those of one process; a merge before every shard ran names the
// missing one.
TEST(CliVideo, EditVideoShardsMergeIntoTheFramesOfOneProcess) {
  FACET_REQUIRE_FIXTURES();
  const std::string dir = facet::test::scratch_dir("edit-video-shards");
  const std::string command = edit_video_without_encoder(dir) + " --refine-steps 3 --batch 2 --no-audio --out ";
  const auto one = run_command(command + dir + "/one.mp4");
  ASSERT_EQ(one.exit_code, 0) << one.output;

  const auto first = run_command(command + dir + "/sharded.mp4 --shard 0/2");
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("merge"), std::string::npos) << first.output;
  EXPECT_FALSE(std::filesystem::exists(dir + "/sharded.mp4"));
  const auto early = run_command(cli() + " merge " + dir + "/sharded.mp4");
  EXPECT_NE(early.exit_code, 0) << early.output;
  EXPECT_NE(early.output.find("shard(s) 1/2 never ran"), std::string::npos) << early.output;
  const auto second = run_command(command + dir + "/sharded.mp4 --shard 1/2 --json", false);
  ASSERT_EQ(second.exit_code, 0) << second.output;
  const auto j = nlohmann::json::parse(second.output);
  EXPECT_EQ(j["frames"], 4);  // 6 frames in 3 batches of 2: the first shard takes one batch, the second two
  const auto merged = run_command(cli() + " merge " + dir + "/sharded.mp4");
  ASSERT_EQ(merged.exit_code, 0) << merged.output;
  EXPECT_FALSE(std::filesystem::exists(dir + "/.sharded.mp4.facet-work"));

  facet::video::FrameSource a(dir + "/one.mp4"), b(dir + "/sharded.mp4");
  cv::Mat fa, fb;
  int frames = 0;
  while (a.read(fa)) {
    ASSERT_TRUE(b.read(fb)) << "the merged video ends at frame " << frames;
    EXPECT_EQ(cv::norm(fa, fb, cv::NORM_INF), 0) << "frame " << frames;
    ++frames;
  }
  EXPECT_FALSE(b.read(fb)) << "the merged video is longer";
  EXPECT_EQ(frames, 6);
}
#endif
