#include "core/video/video_edit.h"

#include <chrono>
#include <cmath>
#include <filesystem>

#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include "core/face/tensor_image.h"
#include "core/io/error.h"
#include "core/io/npy.h"
#include "core/video/audio_mux.h"
#include "core/video/edit_work.h"

namespace facet::video {

namespace {

struct Pending {
  cv::Mat frame;
  int index = 0;  // into the track
};

nlohmann::json manifest_of(const std::string& input, const VideoEditOptions& options, bool refine) {
  nlohmann::json edits = nlohmann::json::array();
  for (const auto& e : options.edits.edits) edits.push_back({e.attribute, e.alpha});
  return {{"version", 1},
          {"input", describe_input(input)},
          {"range", {options.track.first_frame, options.track.end_frame}},
          {"edits", {{"edits", edits}, {"layers", options.edits.edited_layers}}},
          {"refine", {{"on", refine}, {"steps", options.refine_steps}, {"warm", options.warm_start}}},
          {"sizes", {options.aligned_size, options.generate_size}},
          {"shard", {options.shard_index, options.shard_count}},
          {"settings", options.settings}};
}

// Running means of the embedding's frame-to-frame change (report.code_jitter / face_jitter).
struct Steadiness {
  torch::Tensor last_code, last_face;
  double code_sum = 0, face_sum = 0;
  int pairs = 0;
  void add(const torch::Tensor& code, const torch::Tensor& generated, bool follows_previous) {
    const torch::Tensor face = generated.clamp(-1, 1);  // as the frame shows it
    if (follows_previous && last_code.defined()) {
      code_sum += (code - last_code).pow(2).mean().sqrt().item<double>();
      face_sum += (face - last_face).abs().mean().item<double>() * 127.5;  // [-1, 1] → 8-bit levels
      ++pairs;
    }
    last_code = code;
    last_face = face;
  }
};

}  // namespace

std::pair<int, int> shard_block(int frames, int batch, int shard_index, int shard_count) {
  const int64_t size = std::max(1, batch), batches = (frames + size - 1) / size;
  const int64_t from = batches * shard_index / shard_count, to = batches * (shard_index + 1) / shard_count;
  return {static_cast<int>(std::min<int64_t>(frames, from * size)),
          static_cast<int>(std::min<int64_t>(frames, to * size))};
}

VideoEditReport join_edit_parts(const std::string& input, const std::string& output,
                                const std::vector<FrameBlock>& blocks, CodecChoice codec, bool keep_audio,
                                const std::function<void(int done, int total)>& progress) {
  if (blocks.empty()) throw Error("edit-video: no frames to join");
  int total = 0;
  for (const FrameBlock& block : blocks) total += block.count;
  FrameSource source(input);
  VideoEditReport report;
  report.source_fps = source.fps();
  VideoWriter writer(output, source.fps(), source.size(), codec);
  report.out = writer.path();
  report.codec = writer.codec_label();
  for (const FrameBlock& block : blocks) {
    const EditWork work(output, block.work_dir);
    for (int i = 0; i < block.count; ++i) {
      writer.write(work.load_frame(block.first + i));
      ++report.frames;
      if (progress && (report.frames % 25 == 0 || report.frames == total)) progress(report.frames, total);
    }
  }
  writer.finish();
  if (keep_audio) report.audio = mux_audio(writer.path(), input, blocks.front().first / source.fps()).message;
  return report;
}

VideoEditReport edit_video(const std::string& input, const std::string& output, const FaceOps& face,
                           const VideoEditModels& models, const VideoEditOptions& options,
                           const EditProgress& progress, const std::atomic<bool>* cancel) {
  const auto start = std::chrono::steady_clock::now();
  if (!face.detect || !face.quad_of || !face.align || !face.paste) throw Error("edit-video: face operations missing");
  if (!models.generator || !models.editor) throw Error("edit-video: models missing");
  if (!models.encode && !models.refine)
    throw Error("edit-video: needs an encoder or per-frame optimisation (refine steps > 0)");
  std::error_code ec;
  if (std::filesystem::equivalent(input, output, ec)) throw Error("edit-video: the output would overwrite the input");
  FrameSource source(input);  // fails early on an unreadable input, before any work folder exists
  // Likewise an output the writer cannot open (missing folder, no codec): found now, not after the last frame.
  VideoWriter(output, source.fps(), source.size(), options.codec).abandon();

  VideoEditReport report;
  report.source_fps = source.fps();
  EditWork work(output, options.work_dir);
  report.work_dir = work.dir();
  const nlohmann::json manifest = manifest_of(input, options, static_cast<bool>(models.refine));
  const bool resumed = options.resume && work.resume(manifest);
  if (!resumed) work.start(manifest);

  // Steps 1–2 over the range (or the earlier run's track).
  std::optional<FaceTrack> saved = resumed ? work.load_track() : std::nullopt;
  FaceTrack track;
  if (saved) {
    track = std::move(*saved);
  } else {
    FrameSource tracker_source(input);
    track = track_faces(
        tracker_source, face.detect, face.quad_of, options.track,
        [&](int done, int total) {
          if (progress) progress("track", done, total);
        },
        cancel);
    if (!track.cancelled) work.save_track(track);
  }
  report.track_seconds = track.seconds;
  report.jitter_before = track.jitter_before;
  report.jitter_after = track.jitter_after;
  report.frames_without_face = track.missing_frames();
  if (track.cancelled) {
    report.cancelled = true;
    return report;
  }

  // Steps 3–5, a batch of frames at a time, each finished frame saved to the work folder; a shard does its block.
  const int first = track.first_frame;
  const auto [block_first, block_end] =
      shard_block(track.frames(), options.batch, options.shard_index, std::max(1, options.shard_count));
  report.block_first = first + block_first;
  const int done_before = std::min(work.finished_frames(first + block_first), block_end - block_first);
  report.resumed_frames = resumed ? done_before : 0;
  source.seek(first + block_first + done_before);
  const torch::Device device = models.generator->device();
  const int64_t g_size = models.generator->size();
  nn::SynthesisOptions synthesis;
  synthesis.output_size = options.generate_size;
  torch::NoGradGuard no_grad;

  torch::Tensor previous_code;  // the last refined code (warm start), valid while face frames follow each other
  int previous_index = block_first + done_before - 1;
  if (resumed && models.refine && options.warm_start && done_before > 0 &&
      track.has_face[static_cast<size_t>(previous_index)] && std::filesystem::exists(work.last_code_path())) {
    try {
      previous_code = io::read_npy(work.last_code_path()).to(device, torch::kFloat32);
    } catch (const Error&) {
      previous_code = torch::Tensor();  // damaged: start this frame from the encoder or latent_avg
    }
  }
  Steadiness steadiness;
  int written = done_before;

  std::vector<Pending> pending;
  auto flush = [&] {
    std::vector<torch::Tensor> crops, targets;
    std::vector<AlignedCrop> aligned;
    std::vector<int> face_indices;
    for (const Pending& p : pending) {
      if (!track.has_face[static_cast<size_t>(p.index)]) continue;
      aligned.push_back(face.align(p.frame, track.quads[static_cast<size_t>(p.index)], options.aligned_size));
      face_indices.push_back(p.index);
      cv::Mat small;
      if (models.encode) {
        cv::resize(aligned.back().image, small, cv::Size(models.encoder_size, models.encoder_size), 0, 0,
                   cv::INTER_AREA);
        crops.push_back(face::bgr_to_tensor(small));  // [1, 3, S, S]
      }
      if (models.refine) {
        cv::resize(aligned.back().image, small, cv::Size(static_cast<int>(g_size), static_cast<int>(g_size)), 0, 0,
                   cv::INTER_AREA);
        targets.push_back(face::bgr_to_tensor(small).to(device));
      }
    }
    torch::Tensor generated;
    std::vector<torch::Tensor> codes;
    if (!aligned.empty()) {
      torch::Tensor w;
      if (models.encode) w = models.encode(torch::cat(crops).to(device));
      for (size_t k = 0; k < aligned.size(); ++k) {
        torch::Tensor code = w.defined() ? w.narrow(0, static_cast<int64_t>(k), 1) : torch::Tensor();
        if (models.refine) {
          if (cancel && cancel->load()) return false;  // optimisation is slow: stop between frames
          const bool follows = face_indices[k] == previous_index + 1 && previous_code.defined();
          const torch::Tensor from = options.warm_start && follows ? previous_code : code;
          torch::AutoGradMode grad(true);
          code = models.refine(targets[k], from).to(device, torch::kFloat32).detach();
          previous_code = code;
          ++report.refined;
        }
        previous_index = face_indices[k];
        codes.push_back(code);
      }
      generated = models.generator->synthesis(models.editor->apply(torch::cat(codes), options.edits), synthesis);
    }
    int next = 0;
    for (const Pending& p : pending) {
      const size_t i = static_cast<size_t>(p.index);
      cv::Mat out = p.frame;  // no face: unedited
      if (track.has_face[i]) {
        const auto k = static_cast<size_t>(next);
        steadiness.add(codes[k], generated[next], p.index > 0 && track.has_face[i - 1]);
        out = face.paste(p.frame, face::tensor_to_bgr(generated[next]), aligned[k], track.stabilised[i]);
        ++next;
      }
      work.save_frame(first + p.index, out);
      ++written;
    }
    if (models.refine && previous_code.defined()) io::write_npy(work.last_code_path(), previous_code.cpu());
    pending.clear();
    if (progress) progress("edit", written, block_end - block_first);
    return true;
  };

  cv::Mat frame;
  for (int i = block_first + done_before; i < block_end; ++i) {
    if (cancel && cancel->load()) {
      report.cancelled = true;
      break;
    }
    if (!source.read(frame)) break;  // shorter on the second read: write what there is
    pending.push_back({frame.clone(), i});
    if (static_cast<int>(pending.size()) >= std::max(1, options.batch) && !flush()) report.cancelled = true;
  }
  if (!report.cancelled && !pending.empty() && !flush()) report.cancelled = true;
  if (steadiness.pairs > 0) {
    report.code_jitter = steadiness.code_sum / steadiness.pairs;
    report.face_jitter = steadiness.face_sum / steadiness.pairs;
  }
  report.frames = written;
  for (int i = 0; i < written; ++i) report.edited += track.has_face[static_cast<size_t>(block_first + i)] ? 1 : 0;
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // Cancelled, the work folder stays: resume continues after the saved frames. A shard's frames stay for the join.
  if (report.cancelled || options.shard_count > 1) return report;

  // One video from the saved frames, in order; then the sound of the same stretch of the source.
  const VideoEditReport joined =
      join_edit_parts(input, output, {{work.dir(), first, written}}, options.codec, options.keep_audio,
                      [&](int done, int total) {
                        if (progress) progress("join", done, total);
                      });
  report.out = joined.out;
  report.codec = joined.codec;
  report.audio = joined.audio;
  work.remove();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace facet::video
