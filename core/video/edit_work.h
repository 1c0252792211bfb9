#pragma once
// The resumable part of edit-video: a work folder beside the output (".<output name>.facet-work") holding
//   manifest.json  — what the run is (input file and size, frame range, edits, refinement, caller's settings);
//   track.json     — steps 1–2's result (has_face, stabilised landmarks, quads, jitters), so a resume skips tracking;
//   frames/NNNNNNNN.png — each finished frame (lossless, written atomically), absolute frame numbers;
//   last_wplus.npy — the last refined code (the warm start of the next frame).
// Finished frames are the unbroken run of PNGs from the first frame the run edits (the range's, or a shard's
// block's). A resume checks the manifest and continues after them; the final video is written from the PNGs in one
// pass, then the folder is removed. A shard's work folder is its part of the video's (parts/shard-I-of-N/).
#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>

#include "core/video/face_track.h"

namespace facet::video {

class EditWork {
 public:
  // `dir` empty: beside `output`. Nothing is created until start().
  EditWork(const std::string& output, const std::string& dir = {});
  const std::string& dir() const { return dir_; }
  bool exists() const;

  // A fresh run: removes any earlier work folder and writes the manifest.
  void start(const nlohmann::json& manifest);
  // A resume: true when a work folder with this manifest is there (then its frames count); false when there is
  // none. facet::Error when one is there for another run (another input, range, edits or settings).
  bool resume(const nlohmann::json& manifest);

  void save_track(const FaceTrack& track) const;
  std::optional<FaceTrack> load_track() const;  // nullopt when absent or unreadable (then track again)

  // Finished frames from `first`: the count of consecutive frame files first, first + 1, …
  int finished_frames(int first) const;
  std::string frame_path(int frame) const;
  void save_frame(int frame, const cv::Mat& bgr) const;  // atomic
  cv::Mat load_frame(int frame) const;                   // facet::Error when missing or unreadable

  std::string last_code_path() const { return dir_ + "/last_wplus.npy"; }
  void remove() const;  // the whole folder (after the final video is written)

 private:
  std::string dir_;
};

// The manifest's description of the input: absolute path, size in bytes and modification time, so a resume
// notices a replaced input.
nlohmann::json describe_input(const std::string& input);

}  // namespace facet::video
