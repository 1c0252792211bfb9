#include "core/video/video_edit.h"

#include <chrono>
#include <filesystem>

#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include "core/io/error.h"
#include "core/video/audio_mux.h"
#include "core/face/tensor_image.h"

namespace facet::video {

namespace {

struct Pending {
  cv::Mat frame;
  int index = 0;  // into the track
};

}  // namespace

VideoEditReport edit_video(const std::string& input, const std::string& output, const FaceOps& face,
                           const VideoEditModels& models, const VideoEditOptions& options,
                           const EditProgress& progress, const std::atomic<bool>* cancel) {
  const auto start = std::chrono::steady_clock::now();
  if (!face.detect || !face.quad_of || !face.align || !face.paste) throw Error("edit-video: face operations missing");
  if (!models.generator || !models.editor || !models.encode) throw Error("edit-video: models missing");
  std::error_code ec;
  if (std::filesystem::equivalent(input, output, ec)) throw Error("edit-video: the output would overwrite the input");

  // Steps 1–2 over the range.
  FrameSource tracker_source(input);
  const FaceTrack track = track_faces(
      tracker_source, face.detect, face.quad_of, options.track,
      [&](int done, int total) {
        if (progress) progress("track", done, total);
      },
      cancel);
  VideoEditReport report;
  report.source_fps = tracker_source.fps();
  report.track_seconds = track.seconds;
  report.jitter_before = track.jitter_before;
  report.jitter_after = track.jitter_after;
  report.frames_without_face = track.missing_frames();
  if (track.cancelled) {
    report.cancelled = true;
    return report;
  }

  // Steps 3–5, a batch of face frames at a time; frames keep their order in the output.
  FrameSource source(input);
  source.seek(track.first_frame);
  VideoWriter writer(output, source.fps(), source.size(), options.codec);
  report.out = writer.path();
  report.codec = writer.codec_label();
  const torch::Device device = models.generator->device();
  nn::SynthesisOptions synthesis;
  synthesis.output_size = options.generate_size;
  torch::NoGradGuard no_grad;

  std::vector<Pending> pending;
  auto flush = [&] {
    std::vector<torch::Tensor> crops;
    std::vector<AlignedCrop> aligned;
    for (const Pending& p : pending) {
      if (!track.has_face[static_cast<size_t>(p.index)]) continue;
      aligned.push_back(face.align(p.frame, track.quads[static_cast<size_t>(p.index)], options.aligned_size));
      cv::Mat small;
      cv::resize(aligned.back().image, small, cv::Size(models.encoder_size, models.encoder_size), 0, 0,
                 cv::INTER_AREA);
      crops.push_back(face::bgr_to_tensor(small));  // [1, 3, S, S]
    }
    torch::Tensor generated;
    if (!crops.empty()) {
      const torch::Tensor w = models.encode(torch::cat(crops).to(device));
      generated = models.generator->synthesis(models.editor->apply(w, options.edits), synthesis);
    }
    int next = 0;
    for (const Pending& p : pending) {
      const size_t i = static_cast<size_t>(p.index);
      if (!track.has_face[i]) {
        writer.write(p.frame);  // no face: unedited
        continue;
      }
      const cv::Mat edited = face::tensor_to_bgr(generated[next]);
      writer.write(face.paste(p.frame, edited, aligned[static_cast<size_t>(next)], track.stabilised[i]));
      ++next;
      ++report.edited;
    }
    report.frames += static_cast<int>(pending.size());
    pending.clear();
    if (progress) progress("edit", report.frames, track.frames());
  };

  cv::Mat frame;
  for (int i = 0; i < track.frames(); ++i) {
    if (cancel && cancel->load()) {
      report.cancelled = true;
      break;
    }
    if (!source.read(frame)) break;  // shorter on the second read: write what there is
    pending.push_back({frame.clone(), i});
    if (static_cast<int>(pending.size()) >= std::max(1, options.batch)) flush();
  }
  if (report.cancelled) {
    writer.abandon();
    return report;
  }
  if (!pending.empty()) flush();
  writer.finish();
  if (options.keep_audio) {
    if (track.first_frame > 0) {
      report.audio = "audio dropped: a partial frame range has no matching audio";
    } else {
      report.audio = mux_audio(writer.path(), input).message;
    }
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace facet::video
