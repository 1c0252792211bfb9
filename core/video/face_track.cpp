#include "core/video/face_track.h"

#include <chrono>

#include "core/io/error.h"

namespace facet::video {

int FaceTrack::frames_without_face() const {
  int n = 0;
  for (bool f : has_face) n += f ? 0 : 1;
  return n;
}

std::vector<int> FaceTrack::missing_frames() const {
  std::vector<int> out;
  for (size_t i = 0; i < has_face.size(); ++i)
    if (!has_face[i]) out.push_back(first_frame + static_cast<int>(i));
  return out;
}

void smooth_track(FaceTrack& track, const std::vector<Points>& blended, const QuadFn& quad_of,
                  const TrackOptions& options) {
  const size_t n = track.has_face.size();
  if (blended.size() != n || track.detected.size() != n) throw Error("track: landmark lists differ in length");
  track.stabilised.assign(n, {});
  track.raw_quads.assign(n, Quad{});
  track.quads.assign(n, Quad{});
  for (size_t start = 0; start < n;) {
    if (!track.has_face[start]) {
      ++start;
      continue;
    }
    size_t end = start;
    while (end < n && track.has_face[end]) ++end;
    const std::vector<Points> run(blended.begin() + static_cast<std::ptrdiff_t>(start),
                                  blended.begin() + static_cast<std::ptrdiff_t>(end));
    const std::vector<Points> smooth = gaussian_filter(run, options.landmark_sigma);
    std::vector<Quad> quads;
    quads.reserve(smooth.size());
    for (const Points& p : smooth) quads.push_back(quad_of(p));
    quads = gaussian_filter(quads, options.quad_sigma);
    for (size_t i = start; i < end; ++i) {
      track.stabilised[i] = smooth[i - start];
      track.quads[i] = quads[i - start];
      track.raw_quads[i] = quad_of(track.detected[i]);
    }
    start = end;
  }
  track.jitter_before = aligned_jitter(track.detected, track.raw_quads, track.has_face, options.aligned_size);
  track.jitter_after = aligned_jitter(track.stabilised, track.quads, track.has_face, options.aligned_size);
}

FaceTrack track_faces(FrameSource& source, const LandmarkDetector& detect, const QuadFn& quad_of,
                      const TrackOptions& options, const TrackProgress& progress, const std::atomic<bool>* cancel) {
  const auto start = std::chrono::steady_clock::now();
  if (options.first_frame < 0) throw Error("track: the first frame must be 0 or more");
  if (options.end_frame >= 0 && options.end_frame <= options.first_frame)
    throw Error("track: the frame range is empty (end must be after start)");
  source.seek(options.first_frame);
  FaceTrack track;
  track.first_frame = options.first_frame;
  const int total = options.end_frame >= 0 ? options.end_frame - options.first_frame
                    : source.frame_count() > 0 ? source.frame_count() - options.first_frame
                                               : -1;
  std::vector<Points> blended;
  cv::Mat frame, previous_frame;
  while (options.end_frame < 0 || source.position() < options.end_frame) {
    if (cancel && cancel->load()) {
      track.cancelled = true;
      break;
    }
    if (!source.read(frame)) break;
    const bool had_face = !track.has_face.empty() && track.has_face.back();
    const Points* previous = had_face ? &blended.back() : nullptr;
    std::optional<Points> found = detect(frame, previous);
    if (found && found->empty()) found.reset();
    track.has_face.push_back(found.has_value());
    track.detected.push_back(found ? *found : Points{});
    if (!found) {
      blended.emplace_back();
    } else if (options.use_flow && previous && previous->size() == found->size()) {
      blended.push_back(blend_flow(*found, track_lk(previous_frame, frame, *previous), *previous, options.flow_sigma));
    } else {
      blended.push_back(*found);
    }
    previous_frame = frame.clone();
    if (progress) progress(track.frames(), total);
  }
  if (track.has_face.empty() && !track.cancelled)
    throw Error(source.path() + ": no frames in the requested range");
  smooth_track(track, blended, quad_of, options);
  track.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return track;
}

}  // namespace facet::video
