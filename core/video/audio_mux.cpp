#include "core/video/audio_mux.h"

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace facet::video {

namespace fs = std::filesystem;

std::string find_ffmpeg() {
  const char* path = std::getenv("PATH");
  if (!path) return "";
  std::stringstream dirs(path);
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (dir.empty()) continue;
    const fs::path candidate = fs::path(dir) / "ffmpeg";
    if (::access(candidate.c_str(), X_OK) == 0 && fs::is_regular_file(candidate)) return candidate.string();
  }
  return "";
}

namespace {

// Runs argv[0] with argv, stdout/stderr to /dev/null; returns the exit status (−1 when it could not start).
int run(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

MuxResult mux_audio(const std::string& video, const std::string& audio_source, double offset_seconds) {
  const std::string ffmpeg = find_ffmpeg();
  if (ffmpeg.empty()) return {false, "audio dropped: ffmpeg is not installed (apt install ffmpeg to keep it)"};
  const fs::path target(video);
  const fs::path temp = target.parent_path() / ("." + target.stem().string() + ".audio-" + std::to_string(::getpid()) +
                                                target.extension().string());
  std::string ext = target.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool mp4 = ext == ".mp4" || ext == ".m4v" || ext == ".mov";
  std::vector<std::string> args{ffmpeg, "-nostdin", "-y", "-v", "error", "-i", video};
  if (offset_seconds > 0) {  // input seeking on the audio source only (the video starts at 0)
    std::ostringstream offset;
    offset.precision(6);
    offset << std::fixed << offset_seconds;
    args.insert(args.end(), {"-ss", offset.str()});
  }
  args.insert(args.end(), {"-i", audio_source, "-map", "0:v:0", "-map", "1:a:0", "-c:v", "copy", "-c:a",
                           mp4 ? "aac" : "copy", "-shortest", temp.string()});
  const int rc = run(args);
  std::error_code error;
  if (rc != 0 || !fs::exists(temp)) {
    fs::remove(temp, error);
    return {false, "audio dropped: ffmpeg could not copy the source's audio (it may have none)"};
  }
  fs::rename(temp, target, error);
  if (error) {
    fs::remove(temp, error);
    return {false, "audio dropped: cannot replace " + video + ": " + error.message()};
  }
  return {true, "audio kept (copied from " + audio_source + " with ffmpeg)"};
}

}  // namespace facet::video
