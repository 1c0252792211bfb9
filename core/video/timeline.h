#pragma once
// Slider timelines: keyframes of (time, full edit state) recorded while the user moves sliders, played back by
// sampling at any time. The state is the α vector in catalogue order (one per attribute id) plus the layer mask.
// Interpolation of α between keyframes is linear or smooth; smooth is a cubic Hermite spline with Catmull-Rom
// tangents (finite differences over the neighbouring keyframes, valid for uneven spacing), clamped to the α range.
// Text slider α values (text_alphas, one per text id) are interpolated the same way; files without them still load.
// The two-face amount (core/edit/two_faces.h: morph λ, mix strength or expression λ), when the timeline records
// one, is interpolated the same way too. The layer mask is not interpolated: it steps at each keyframe (the earlier
// keyframe's mask holds until the next).
// Qt-free; the JSON layout is the "timeline" object of a .facet session file.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace facet::video {

enum class Interpolation { Linear, Smooth };

struct EditSnapshot {
  // Constructors keep {alphas, layers} brace-initialisation working (and free of missing-field warnings).
  EditSnapshot() = default;
  EditSnapshot(std::vector<float> a, std::vector<bool> layers = {}, std::vector<float> text = {})
      : alphas(std::move(a)), edited_layers(std::move(layers)), text_alphas(std::move(text)) {}
  std::vector<float> alphas;        // one per attribute id, catalogue order
  std::vector<bool> edited_layers;  // empty: the default (layers < 11 edited)
  std::vector<float> text_alphas;   // one per text slider (Timeline::text_ids), interpolated like alphas
  // The two-face amount: one value when the timeline records it (Timeline::records_two_faces), else none.
  std::vector<float> two_face;
  bool operator==(const EditSnapshot& other) const {
    return alphas == other.alphas && edited_layers == other.edited_layers && text_alphas == other.text_alphas &&
           two_face == other.two_face;
  }
};

struct Keyframe {
  double time = 0;  // seconds from the timeline's start, ≥ 0
  EditSnapshot state;
};

class Timeline {
 public:
  static constexpr int kFormatVersion = 1;
  static constexpr double kSameTime = 1e-6;  // keyframes closer than this share a time: the newer replaces

  Timeline() = default;
  explicit Timeline(std::vector<std::string> attribute_ids) : attribute_ids_(std::move(attribute_ids)) {}

  const std::vector<std::string>& attribute_ids() const { return attribute_ids_; }
  // Text sliders (StyleCLIP directions) the keyframes' text_alphas follow, by the editor's slider id. A slider
  // added to a recorded timeline joins every keyframe at α = 0; removing one drops its column.
  const std::vector<std::string>& text_ids() const { return text_ids_; }
  void add_text_slider(const std::string& id);  // no-op when already there
  void remove_text_slider(const std::string& id);
  int text_index(const std::string& id) const;  // -1 when absent
  // The two-face amount joins the keyframes: those already there hold `current`; every keyframe added from now on
  // must carry one value. No-op when already recorded.
  void record_two_faces(float current);
  bool records_two_faces() const { return two_faces_; }
  const std::vector<Keyframe>& keyframes() const { return keyframes_; }
  size_t size() const { return keyframes_.size(); }
  bool empty() const { return keyframes_.empty(); }
  double duration() const { return keyframes_.empty() ? 0.0 : keyframes_.back().time; }

  Interpolation interpolation() const { return interpolation_; }
  void set_interpolation(Interpolation mode) { interpolation_ = mode; }
  double alpha_min() const { return alpha_min_; }
  double alpha_max() const { return alpha_max_; }
  void set_alpha_range(double lo, double hi);

  // Adds a keyframe (kept sorted by time); one at the same time is replaced. Returns its index.
  // facet::Error for a negative/non-finite time or an α vector of the wrong length.
  size_t add(double time, EditSnapshot state);
  // Moves keyframe `index` to `time` (replacing one already there). Returns its new index.
  size_t move(size_t index, double time);
  void remove(size_t index);
  // Changes one attribute's α in one keyframe (clamped to the α range).
  void set_alpha(size_t index, size_t attribute, float alpha);
  void clear() { keyframes_.clear(); }

  // The edit state at time t: before the first keyframe its state, after the last the last's.
  // facet::Error on an empty timeline.
  EditSnapshot sample(double t) const;

  nlohmann::json to_json() const;
  // facet::Error naming the problem for a malformed object (`where` prefixes messages, e.g. the file name).
  static Timeline from_json(const nlohmann::json& json, const std::string& where = "timeline");

 private:
  void check_index(size_t index, const char* what) const;
  std::vector<std::string> attribute_ids_;
  std::vector<std::string> text_ids_;
  bool two_faces_ = false;
  std::vector<Keyframe> keyframes_;
  Interpolation interpolation_ = Interpolation::Smooth;
  double alpha_min_ = -3.0, alpha_max_ = 3.0;
};

std::string interpolation_name(Interpolation mode);  // "linear" / "smooth"
Interpolation parse_interpolation(const std::string& text);  // facet::Error on anything else

}  // namespace facet::video
