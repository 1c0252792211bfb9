// facet-cli render-timeline: a session's recorded slider timeline → a video of the edited face (aligned crop, or
// pasted into the session's photo), its two-face operation included (a recorded λ makes a morph video).
#include <iostream>

#include <torch/torch.h>

#include "app/cli/command.h"
#include "app/cli/generator_options.h"
#include "app/cli/session_file.h"
#include "core/edit/edit_stack.h"
#include "core/io/error.h"
#include "core/io/npy.h"
#include "core/models/model_registry.h"
#include "core/video/timeline_video.h"

namespace facet::cli {
namespace {

struct RenderTimelineArgs {
  GeneratorArgs generator;
  std::string session, out, codec = "auto", transformers_dir, interpolation;
  std::vector<std::string> transformers;
  double fps = 25;
  int size = 0, batch = 4;
  bool json = false, paste = false;
};

// Paste-back into the session's photo: its chosen face found and aligned again (core/video/photo_paste.h).
video::PhotoPaste paste_target(const SessionFile& session, int size) {
  return video::photo_paste_from_file(session.photo, session.face_index, size);
}

void register_render_timeline(CLI::App& root, Commands& commands) {
  auto* cmd = root.add_subcommand("render-timeline", "Render a session's slider timeline to a video");
  auto a = std::make_shared<RenderTimelineArgs>();
  cmd->add_option("session", a->session, "session file (.facet) with a recorded timeline")->required();
  cmd->add_option("--out", a->out, "OUT.mp4 (H.264 where available, else MPEG-4; MJPEG .avi as a last resort) or OUT.avi")
      ->required();
  add_generator_options(cmd, a->generator, false);
  cmd->add_option("--fps", a->fps, "frame rate")->capture_default_str();
  cmd->add_option("--size", a->size, "frame side: a power of two up to the generator's (default: the generator's)");
  cmd->add_option("--codec", a->codec, "auto, h264, mp4v or mjpeg")->capture_default_str();
  cmd->add_option("--interpolation", a->interpolation, "override the session's: linear or smooth");
  cmd->add_option("--transformers", a->transformers_dir, "folder of tnet_<k>.pth.tar (default: the models folder's)");
  cmd->add_option("--transformer", a->transformers, "a tnet_<k>.pth.tar file (repeatable)");
  cmd->add_option("--batch", a->batch, "frames per generator call")->capture_default_str();
  cmd->add_flag("--paste", a->paste, "paste each frame into the session's photo (video at the photo's size)");
  cmd->add_flag("--json", a->json, "print the result as JSON");
  commands.bind(cmd, [a] {
    const SessionFile session = read_session_file(a->session);
    if (!session.timeline || session.timeline->empty())
      throw Error(a->session + ": no timeline recorded in this session (record one in the editor first)");
    if (session.wplus.empty()) throw Error(a->session + ": the face in this session is not embedded yet (no W+)");
    video::Timeline timeline = *session.timeline;
    if (!a->interpolation.empty()) timeline.set_interpolation(video::parse_interpolation(a->interpolation));
    if (a->generator.file.empty()) a->generator.file = "stylegan2-ffhq-config-f.pt";
    auto g = load_generator(a->generator);
    const torch::Tensor w = session.code;

    const std::string dir = a->transformers_dir.empty() && a->transformers.empty()
                                ? models::find_role_file(models::Role::Transformers)
                                : a->transformers_dir;
    const auto editor = models::load_editor(dir, "", g->device());
    for (const auto& file : a->transformers) models::load_transformer_file(*editor, file, g->device());

    video::TimelineRenderOptions options;
    options.fps = a->fps;
    options.size = a->size;
    options.batch = a->batch;
    options.text_sliders = session.text_sliders;  // text sliders the timeline moves (embedded in the session)
    options.two_faces = session.two_faces;        // a morph, mix or expression transfer, first as in the editor
    const int side = a->size > 0 ? a->size : static_cast<int>(g->size());
    video::PhotoPaste target;
    if (a->paste) target = paste_target(session, static_cast<int>(g->size()));
    const auto result = video::render_timeline_video(
        a->out, video::parse_codec(a->codec), *g, *editor, w, timeline, options, a->paste ? &target : nullptr,
        [&](int done, int total) {
          if (!a->json) std::cerr << "\rframe " << done << "/" << total << std::flush;
        });
    if (result.fell_back) std::cerr << "\nnote: wrote " << result.codec << " to " << result.out << "\n";
    const auto& stats = result.stats;
    const cv::Size frame_size = result.size;
    nlohmann::json out{{"out", result.out},          {"codec", result.codec},       {"frames", stats.frames},
                       {"fps", a->fps},              {"size", a->paste ? frame_size.width : side}, {"seconds", stats.seconds},
                       {"render_fps", stats.fps()}, {"device", g->device().str()}};
    if (a->json) {
      print_json(out);
    } else {
      std::cerr << "\n";
      std::cout << "wrote " << stats.frames << " frames (" << frame_size.width << "×" << frame_size.height << ", "
                << a->fps << " fps, "
                << result.codec << ") to " << result.out << " at " << stats.fps()
                << " frames per second\n";
    }
    return kOk;
  });
}
FACET_CLI_COMMAND(register_render_timeline);

}  // namespace
}  // namespace facet::cli
