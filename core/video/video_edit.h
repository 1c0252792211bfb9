#pragma once
// Steps 3–5 of the authors' video pipeline over a tracked video: align each frame on its stabilised quad, embed
// the crops with the encoder (in batches), apply the same edit stack to every code (layers ≥ 11 kept by default),
// generate, warp back and blend into the frame, and write the video at the source's rate and size (then copy the
// source's audio when ffmpeg is there). Frames without a face pass through unedited and are reported.
// Face-specific operations (detection, alignment, pasting) come in as functions so this file needs no dlib;
// core/face supplies them in facet-cli and the GUI.
// Embedding is the encoder, optionally refined per frame by optimisation (Image2StyleGAN, frame_refine.h) starting
// from the encoder's code or, warm, from the previous frame's refined code; without an encoder the refinement
// starts from latent_avg (every frame, or only the first when warm). Finished frames are kept in a work folder (edit_work.h) so a
// cancelled or crashed edit resumes where it stopped; the video is written from them at the end, in one piece.
#include <nlohmann/json.hpp>
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <torch/types.h>

#include "core/edit/edit_stack.h"
#include "core/nn/stylegan2/generator.h"
#include "core/video/face_track.h"
#include "core/video/video_writer.h"

namespace facet::video {

// An aligned crop and whatever its aligner needs to undo it (core/face's AlignedFace, say).
struct AlignedCrop {
  cv::Mat image;  // size² BGR
  std::shared_ptr<const void> context;
};

struct FaceOps {
  LandmarkDetector detect;
  QuadFn quad_of;
  // The aligned crop of `frame` on `quad` at size².
  std::function<AlignedCrop(const cv::Mat& frame, const Quad& quad, int size)> align;
  // `frame` with `generated` (any square BGR) warped back through the crop's alignment and blended with the mask
  // of `landmarks` (the frame's stabilised landmarks, in frame pixels).
  std::function<cv::Mat(const cv::Mat& frame, const cv::Mat& generated, const AlignedCrop& crop,
                        const Points& landmarks)>
      paste;
};

struct VideoEditModels {
  const nn::StyleGan2* generator = nullptr;
  const edit::Editor* editor = nullptr;
  // Aligned crops [N, 3, S, S] in [-1, 1] (RGB, on the generator's device) → W+ [N, n_latent, style_dim].
  std::function<torch::Tensor(const torch::Tensor& aligned)> encode;
  int encoder_size = 256;  // crops are resized to this before encode()
  // Optional per-frame optimisation: target [1, 3, G, G] in [-1, 1] (G the generator's size, on its device) and a
  // start code [1, n_latent, style_dim] (undefined: latent_avg) → the refined W+ [1, n_latent, style_dim].
  // Either encode or refine (or both) must be set.
  using RefineFn = std::function<torch::Tensor(const torch::Tensor& target, const torch::Tensor& start)>;
  RefineFn refine;
};

struct VideoEditOptions {
  edit::EditState edits;
  int batch = 4;             // frames per encoder/generator call
  int aligned_size = 1024;   // the crop the face is aligned to (and pasted back from)
  int generate_size = 0;     // generator output side (0: the generator's size)
  TrackOptions track;        // includes the frame range [first_frame, end_frame)
  CodecChoice codec = CodecChoice::Auto;
  bool keep_audio = true;
  // Refine each frame from the previous frame's refined code instead of the encoder's (or latent_avg). Off by
  // default: on the fixture models, warm starts drifted from frame to frame (face change per frame 24 levels warm
  // against 2 cold without an encoder, 43 against 0.03 with one), while each frame refined from its own start
  // inherits the encoder's (or the fixed start's) steadiness. Warm gives later frames more effective steps.
  bool warm_start = false;
  int refine_steps = 0;      // recorded in the work folder's manifest (the steps themselves live in models.refine)
  bool resume = false;       // continue a matching earlier run's work folder (else start afresh)
  std::string work_dir;      // "" = ".<output name>.facet-work" beside the output
  nlohmann::json settings;   // the caller's other settings (model files, blending…): a resume must match them
  // Shard shard_index of shard_count: only that contiguous block of the range's frames is edited (blocks are whole
  // batches, so every frame is embedded in the same batch as in one process), its frames stay in the work folder
  // and no video is written; join_edit_parts writes the video from all the blocks.
  int shard_index = 0, shard_count = 1;
};

struct VideoEditReport {
  std::string out, codec, audio;
  int frames = 0, edited = 0;
  int resumed_frames = 0;  // frames taken from an earlier run's work folder
  int refined = 0;         // frames optimised in this run
  std::vector<int> frames_without_face;  // absolute frame numbers passed through unedited
  double source_fps = 0, seconds = 0, track_seconds = 0;
  double jitter_before = 0, jitter_after = 0;
  // Temporal stability of the embedding over consecutive face frames of this run: RMS change of the W+ code per
  // element, and mean absolute change of the generated (edited) face in 8-bit levels.
  double code_jitter = 0, face_jitter = 0;
  std::string work_dir;  // kept after a cancel (resume from it); removed after success
  int block_first = 0;   // a shard's block: its first frame (absolute) and its frame count is `frames`
  bool cancelled = false;
  double fps() const { return seconds > 0 ? frames / seconds : 0; }
};

// stage: "track" (steps 1–2), "edit" (steps 3–5, done counts resumed frames) or "join" (writing the video);
// total −1 when unknown.
using EditProgress = std::function<void(const std::string& stage, int done, int total)>;

// facet::Error for an unreadable input, an output equal to the input, a writer that cannot open, no encoder and no
// refinement, or a resume whose work folder belongs to another edit. On cancel no output is written, the work
// folder is kept and the report says cancelled.
// The range's frames a shard edits: [first, end) as indices into the range of `frames`, whole batches of `batch`.
std::pair<int, int> shard_block(int frames, int batch, int shard_index, int shard_count);

// Writes `output` from the frames the shards of one edit left in their work folders (in shard order; each block
// given by its work folder, first absolute frame and count), then the sound of the source from `first_frame`.
// Returns the report of the joined video (frames, codec, audio). facet::Error when a frame is missing.
struct FrameBlock {
  std::string work_dir;
  int first = 0, count = 0;
};
VideoEditReport join_edit_parts(const std::string& input, const std::string& output,
                                const std::vector<FrameBlock>& blocks, CodecChoice codec, bool keep_audio,
                                const std::function<void(int done, int total)>& progress = {});

VideoEditReport edit_video(const std::string& input, const std::string& output, const FaceOps& face,
                           const VideoEditModels& models, const VideoEditOptions& options,
                           const EditProgress& progress = {}, const std::atomic<bool>* cancel = nullptr);

}  // namespace facet::video
