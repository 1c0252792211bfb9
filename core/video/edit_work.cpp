#include "core/video/edit_work.h"

#include <cstdio>
#include <filesystem>

#include <opencv2/imgcodecs.hpp>

#include "core/io/atomic_file.h"
#include "core/io/error.h"

namespace facet::video {

namespace fs = std::filesystem;

namespace {

nlohmann::json points_json(const Points& points) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : points) out.push_back({p.x, p.y});
  return out;
}
Points points_from(const nlohmann::json& json) {
  Points out;
  for (const auto& p : json) out.emplace_back(p.at(0).get<float>(), p.at(1).get<float>());
  return out;
}
Quad quad_from(const nlohmann::json& json) {
  const Points p = points_from(json);
  if (p.size() != 4) throw Error("quad without 4 corners");
  return {p[0], p[1], p[2], p[3]};
}

}  // namespace

EditWork::EditWork(const std::string& output, const std::string& dir) {
  if (!dir.empty()) {
    dir_ = dir;
  } else {
    const fs::path out(output);
    const fs::path parent = out.parent_path().empty() ? fs::path(".") : out.parent_path();
    dir_ = (parent / ("." + out.filename().string() + ".facet-work")).string();
  }
}

bool EditWork::exists() const { return fs::is_directory(dir_); }

void EditWork::start(const nlohmann::json& manifest) {
  std::error_code ec;
  fs::remove_all(dir_, ec);
  fs::create_directories(fs::path(dir_) / "frames", ec);
  if (ec) throw Error("cannot create the work folder " + dir_ + ": " + ec.message());
  io::write_file_atomic(dir_ + "/manifest.json", manifest.dump(1));
}

bool EditWork::resume(const nlohmann::json& manifest) {
  if (!exists() || !fs::exists(dir_ + "/manifest.json")) return false;
  nlohmann::json saved;
  try {
    saved = nlohmann::json::parse(io::read_file(dir_ + "/manifest.json"));
  } catch (const nlohmann::json::exception&) {
    throw Error(dir_ + "/manifest.json is damaged: remove the folder (or run without resume) to start again");
  }
  if (saved != manifest) {
    std::string what = "settings";
    for (const char* key : {"input", "range", "edits", "refine"})
      if (saved.value(key, nlohmann::json()) != manifest.value(key, nlohmann::json())) {
        what = key;
        break;
      }
    throw Error(dir_ + " belongs to an edit with other " + what +
                ": resume with the same input and settings, or start again without resume");
  }
  std::error_code ec;
  fs::create_directories(fs::path(dir_) / "frames", ec);
  return true;
}

void EditWork::save_track(const FaceTrack& track) const {
  nlohmann::json j;
  j["first_frame"] = track.first_frame;
  j["has_face"] = track.has_face;
  j["jitter_before"] = track.jitter_before;
  j["jitter_after"] = track.jitter_after;
  j["seconds"] = track.seconds;
  auto& frames = j["frames"] = nlohmann::json::array();
  for (size_t i = 0; i < track.has_face.size(); ++i) {
    if (!track.has_face[i]) {
      frames.push_back(nullptr);
      continue;
    }
    const Quad& q = track.quads[i];
    frames.push_back({{"landmarks", points_json(track.stabilised[i])}, {"quad", points_json(Points(q.begin(), q.end()))}});
  }
  io::write_file_atomic(dir_ + "/track.json", j.dump());
}

std::optional<FaceTrack> EditWork::load_track() const {
  if (!fs::exists(dir_ + "/track.json")) return std::nullopt;
  try {
    const auto j = nlohmann::json::parse(io::read_file(dir_ + "/track.json"));
    FaceTrack track;
    track.first_frame = j.at("first_frame").get<int>();
    track.has_face = j.at("has_face").get<std::vector<bool>>();
    track.jitter_before = j.at("jitter_before").get<double>();
    track.jitter_after = j.at("jitter_after").get<double>();
    track.seconds = j.at("seconds").get<double>();
    const auto& frames = j.at("frames");
    if (frames.size() != track.has_face.size()) return std::nullopt;
    track.stabilised.resize(frames.size());
    track.quads.resize(frames.size());
    for (size_t i = 0; i < frames.size(); ++i) {
      if (!track.has_face[i]) continue;
      track.stabilised[i] = points_from(frames[i].at("landmarks"));
      track.quads[i] = quad_from(frames[i].at("quad"));
    }
    return track;
  } catch (const std::exception&) {
    return std::nullopt;  // damaged: track again
  }
}

std::string EditWork::frame_path(int frame) const {
  char name[32];
  std::snprintf(name, sizeof(name), "/frames/%08d.png", frame);
  return dir_ + name;
}

int EditWork::finished_frames(int first) const {
  int n = 0;
  while (fs::exists(frame_path(first + n))) ++n;
  return n;
}

void EditWork::save_frame(int frame, const cv::Mat& bgr) const {
  std::vector<uchar> png;
  // Low compression: these files live only until the final video is written.
  if (!cv::imencode(".png", bgr, png, {cv::IMWRITE_PNG_COMPRESSION, 1}))
    throw Error("cannot encode frame " + std::to_string(frame) + " as PNG");
  io::write_file_atomic(frame_path(frame), std::string_view(reinterpret_cast<const char*>(png.data()), png.size()));
}

cv::Mat EditWork::load_frame(int frame) const {
  const cv::Mat bgr = cv::imread(frame_path(frame), cv::IMREAD_COLOR);
  if (bgr.empty()) throw Error(frame_path(frame) + ": missing or unreadable (resume to redo it)");
  return bgr;
}

void EditWork::remove() const {
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

nlohmann::json describe_input(const std::string& input) {
  std::error_code ec;
  const fs::path path = fs::absolute(input, ec);
  nlohmann::json j{{"path", path.lexically_normal().string()}};
  const auto size = fs::file_size(input, ec);
  if (!ec) j["bytes"] = size;
  const auto time = fs::last_write_time(input, ec);
  if (!ec) j["mtime"] = static_cast<int64_t>(time.time_since_epoch().count());
  return j;
}

}  // namespace facet::video
