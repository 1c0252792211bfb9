// facet-cli track-video: steps 1–2 of the video pipeline (detect + landmark every frame, LK flow blending,
// temporal Gaussian smoothing) and the stability figure: mean frame-to-frame jitter of the aligned landmarks
// (pixels in the aligned 1024² crop) before and after stabilisation.
#include <iostream>

#include "app/cli/command.h"
#include "core/video/face_ops.h"
#include "core/video/face_track.h"

namespace facet::cli {
namespace {

struct TrackVideoArgs {
  std::string input, predictor;
  int from = 0, to = -1;
  bool json = false, no_flow = false;
};

void register_track_video(CLI::App& root, Commands& commands) {
  auto* cmd = root.add_subcommand("track-video", "Track and stabilise the face in a video; print the jitter figure");
  auto a = std::make_shared<TrackVideoArgs>();
  cmd->add_option("video", a->input, "input video")->required();
  cmd->add_option("--predictor", a->predictor, "dlib 68-point shape predictor (default: the models folder's)");
  cmd->add_option("--from", a->from, "first frame")->capture_default_str();
  cmd->add_option("--to", a->to, "end frame (excluded; default: the end)");
  cmd->add_flag("--no-flow", a->no_flow, "skip the optical-flow blending (Gaussian smoothing only)");
  cmd->add_flag("--json", a->json, R"(print {"frames", "frames_without_face", "jitter_before", "jitter_after"})");
  commands.bind(cmd, [a] {
    const video::FaceOps face = video::make_face_ops(a->predictor);
    video::FrameSource source(a->input);
    video::TrackOptions options;
    options.use_flow = !a->no_flow;
    options.first_frame = a->from;
    options.end_frame = a->to;
    const video::FaceTrack track = video::track_faces(source, face.detect, face.quad_of, options,
                                                      [&](int done, int total) {
                                                        if (!a->json) std::cerr << "\rframe " << done << "/" << total << std::flush;
                                                      });
    if (a->json) {
      print_json({{"frames", track.frames()},
                  {"frames_without_face", track.frames_without_face()},
                  {"jitter_before", track.jitter_before},
                  {"jitter_after", track.jitter_after}});
      return kOk;
    }
    std::cerr << "\n";
    std::cout << track.frames() << " frames (" << source.fps() << " fps, " << source.size().width << "×"
              << source.size().height << "), " << track.frames_without_face() << " without a face\n"
              << "tracked at " << (track.seconds > 0 ? track.frames() / track.seconds : 0) << " frames per second\n"
              << "jitter of the aligned landmarks (1024² crop): " << track.jitter_before << " px before, "
              << track.jitter_after << " px after stabilisation\n";
    const auto missing = track.missing_frames();
    if (!missing.empty()) {
      std::cout << "no face in frames:";
      for (int f : missing) std::cout << " " << f;
      std::cout << "\n";
    }
    return kOk;
  });
}
FACET_CLI_COMMAND(register_track_video);

}  // namespace
}  // namespace facet::cli
