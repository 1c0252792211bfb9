#pragma once
// Keeps a source video's sound: when `ffmpeg` is on PATH, its audio stream is copied into the edited video
// (video stream copied, audio re-encoded to AAC for MP4, left as is otherwise). ffmpeg runs through posix_spawnp
// with an argument vector — no shell, so file names need no escaping. Without ffmpeg the audio is dropped and
// the result says so.
#include <string>

namespace facet::video {

std::string find_ffmpeg();  // full path of ffmpeg on PATH, or "" when absent

struct MuxResult {
  bool muxed = false;
  std::string message;  // why not, or what was done
};

// Replaces `video` (atomically) by a copy carrying `audio_source`'s audio from `offset_seconds` on (a video made of
// a frame range starts its sound at the range's first frame). Never throws for a missing ffmpeg or a silent source:
// returns muxed = false with the reason, and `video` is left as it was.
MuxResult mux_audio(const std::string& video, const std::string& audio_source, double offset_seconds = 0);

}  // namespace facet::video
