#pragma once
// Steps 1–2 of the video pipeline over a whole video: detect and landmark the face in every frame, carry the
// landmarks with Lucas–Kanade flow blended with the detections, then smooth landmarks and crop quads over time
// (stabilise.h). Detection and the FFHQ quad are passed in (core/face provides them), so this file stays free of
// dlib and can be tested with any landmark source. Frames without a face break the smoothing into runs: each run
// is filtered on its own, and those frames are reported.
#include <atomic>
#include <functional>
#include <optional>
#include <vector>

#include "core/video/frame_source.h"
#include "core/video/stabilise.h"

namespace facet::video {

// 68 landmarks (dlib order) of the face to follow in `bgr`, or nullopt when there is none. `previous` holds the last
// frame's stabilised landmarks (or is null) so a detector can pick the same person among several faces.
using LandmarkDetector = std::function<std::optional<Points>(const cv::Mat& bgr, const Points* previous)>;

struct TrackOptions {
  bool use_flow = true;
  double flow_sigma = kFlowSigma;
  double landmark_sigma = kLandmarkSigma;
  double quad_sigma = kQuadSigma;
  int first_frame = 0;  // frame range [first_frame, end_frame); end_frame < 0: to the end
  int end_frame = -1;
  int aligned_size = 1024;  // the crop the jitter figure is measured in
};

struct FaceTrack {
  int first_frame = 0;
  std::vector<bool> has_face;       // per frame of the range
  std::vector<Points> detected;     // raw detections (empty where no face)
  std::vector<Points> stabilised;   // flow-blended, then Gaussian-filtered landmarks
  std::vector<Quad> raw_quads;      // quads of the raw detections
  std::vector<Quad> quads;          // quads of the stabilised landmarks, Gaussian-filtered again
  double jitter_before = 0, jitter_after = 0;  // aligned-crop pixels
  double seconds = 0;
  bool cancelled = false;

  int frames() const { return static_cast<int>(has_face.size()); }
  int frames_without_face() const;
  std::vector<int> missing_frames() const;  // absolute frame numbers without a face
};

// The smoothing half on landmarks already gathered (flow-blended or not): per run of face frames, Gaussian on
// the landmarks, quads from them, Gaussian on the quads; fills stabilised, raw_quads, quads and both jitters.
void smooth_track(FaceTrack& track, const std::vector<Points>& blended, const QuadFn& quad_of,
                  const TrackOptions& options);

using TrackProgress = std::function<void(int done, int total)>;  // total −1 when the length is unknown
FaceTrack track_faces(FrameSource& source, const LandmarkDetector& detect, const QuadFn& quad_of,
                      const TrackOptions& options = {}, const TrackProgress& progress = {},
                      const std::atomic<bool>* cancel = nullptr);

}  // namespace facet::video
