#include "core/video/timeline.h"

#include <algorithm>
#include <cmath>

#include "core/io/error.h"

namespace facet::video {

namespace {

[[noreturn]] void fail(const std::string& message) { throw Error(message); }

// Cubic Hermite basis on u ∈ [0, 1] between p0 and p1 with tangents m0, m1 already scaled by the interval.
double hermite(double p0, double p1, double m0, double m1, double u) {
  const double u2 = u * u, u3 = u2 * u;
  return (2 * u3 - 3 * u2 + 1) * p0 + (u3 - 2 * u2 + u) * m0 + (-2 * u3 + 3 * u2) * p1 + (u3 - u2) * m1;
}

}  // namespace

std::string interpolation_name(Interpolation mode) { return mode == Interpolation::Linear ? "linear" : "smooth"; }

Interpolation parse_interpolation(const std::string& text) {
  if (text == "linear") return Interpolation::Linear;
  if (text == "smooth") return Interpolation::Smooth;
  fail("interpolation must be 'linear' or 'smooth' (got '" + text + "')");
}

void Timeline::set_alpha_range(double lo, double hi) {
  if (!(lo < hi) || !std::isfinite(lo) || !std::isfinite(hi)) fail("timeline: α range must have min < max");
  alpha_min_ = lo;
  alpha_max_ = hi;
}

void Timeline::check_index(size_t index, const char* what) const {
  if (index >= keyframes_.size())
    fail(std::string("timeline: cannot ") + what + " keyframe " + std::to_string(index) + " (there are " +
         std::to_string(keyframes_.size()) + ")");
}

void Timeline::add_text_slider(const std::string& id) {
  if (text_index(id) >= 0) return;
  text_ids_.push_back(id);
  for (Keyframe& k : keyframes_) k.state.text_alphas.resize(text_ids_.size(), 0.0f);
}

void Timeline::remove_text_slider(const std::string& id) {
  const int i = text_index(id);
  if (i < 0) return;
  text_ids_.erase(text_ids_.begin() + i);
  for (Keyframe& k : keyframes_)
    if (static_cast<size_t>(i) < k.state.text_alphas.size()) k.state.text_alphas.erase(k.state.text_alphas.begin() + i);
}

int Timeline::text_index(const std::string& id) const {
  for (size_t i = 0; i < text_ids_.size(); ++i)
    if (text_ids_[i] == id) return static_cast<int>(i);
  return -1;
}

void Timeline::record_two_faces(float current) {
  if (two_faces_) return;
  if (!std::isfinite(current)) fail("timeline: the two-face amount must be a finite number");
  two_faces_ = true;
  for (Keyframe& k : keyframes_) k.state.two_face = {current};
}

size_t Timeline::add(double time, EditSnapshot state) {
  if (!std::isfinite(time) || time < 0) fail("timeline: keyframe time must be a number ≥ 0 seconds");
  if (state.two_face.size() != (two_faces_ ? 1u : 0u))
    fail(two_faces_ ? "timeline: every keyframe needs its two-face amount"
                    : "timeline: a keyframe has a two-face amount, but the timeline records none");
  if (two_faces_ && !std::isfinite(state.two_face[0])) fail("timeline: the two-face amount must be a finite number");
  // A keyframe recorded without text sliders holds them at 0; one with more values than sliders is an error.
  if (state.text_alphas.size() > text_ids_.size())
    fail("timeline: keyframe has " + std::to_string(state.text_alphas.size()) + " text slider values for " +
         std::to_string(text_ids_.size()) + " text sliders");
  state.text_alphas.resize(text_ids_.size(), 0.0f);
  for (float& a : state.text_alphas)
    if (!std::isfinite(a)) fail("timeline: text slider α values must be finite numbers");
  if (!attribute_ids_.empty() && state.alphas.size() != attribute_ids_.size())
    fail("timeline: keyframe has " + std::to_string(state.alphas.size()) + " α values for " +
         std::to_string(attribute_ids_.size()) + " attributes");
  if (attribute_ids_.empty() && !keyframes_.empty() && state.alphas.size() != keyframes_.front().state.alphas.size())
    fail("timeline: keyframes must all have the same number of α values");
  for (float& a : state.alphas) {
    if (!std::isfinite(a)) fail("timeline: α values must be finite numbers");
    a = static_cast<float>(std::clamp<double>(a, alpha_min_, alpha_max_));
  }
  auto it = std::lower_bound(keyframes_.begin(), keyframes_.end(), time - kSameTime,
                             [](const Keyframe& k, double t) { return k.time < t; });
  if (it != keyframes_.end() && std::abs(it->time - time) <= kSameTime) {
    it->state = std::move(state);
    return static_cast<size_t>(it - keyframes_.begin());
  }
  it = keyframes_.insert(it, Keyframe{time, std::move(state)});
  return static_cast<size_t>(it - keyframes_.begin());
}

size_t Timeline::move(size_t index, double time) {
  check_index(index, "move");
  if (!std::isfinite(time) || time < 0) fail("timeline: keyframe time must be a number ≥ 0 seconds");
  EditSnapshot state = keyframes_[index].state;
  keyframes_.erase(keyframes_.begin() + static_cast<std::ptrdiff_t>(index));
  return add(time, std::move(state));
}

void Timeline::remove(size_t index) {
  check_index(index, "delete");
  keyframes_.erase(keyframes_.begin() + static_cast<std::ptrdiff_t>(index));
}

void Timeline::set_alpha(size_t index, size_t attribute, float alpha) {
  check_index(index, "change");
  auto& alphas = keyframes_[index].state.alphas;
  if (attribute >= alphas.size())
    fail("timeline: attribute " + std::to_string(attribute) + " out of range (" + std::to_string(alphas.size()) + ")");
  if (!std::isfinite(alpha)) fail("timeline: α must be a finite number");
  alphas[attribute] = static_cast<float>(std::clamp<double>(alpha, alpha_min_, alpha_max_));
}

EditSnapshot Timeline::sample(double t) const {
  if (keyframes_.empty()) fail("timeline: no keyframes to play (record some first)");
  if (!(t > keyframes_.front().time)) return keyframes_.front().state;  // also NaN
  if (t >= keyframes_.back().time) return keyframes_.back().state;
  // k: the last keyframe at or before t; t lies in [t_k, t_{k+1}).
  const auto next = std::upper_bound(keyframes_.begin(), keyframes_.end(), t,
                                     [](double v, const Keyframe& kf) { return v < kf.time; });
  const size_t k1 = static_cast<size_t>(next - keyframes_.begin()), k0 = k1 - 1;
  const Keyframe& a = keyframes_[k0];
  const Keyframe& b = keyframes_[k1];
  const double span = b.time - a.time;
  const double u = (t - a.time) / span;
  // Catmull-Rom tangents (per second) from the neighbours; one-sided at the ends.
  const Keyframe& before = k0 > 0 ? keyframes_[k0 - 1] : a;
  const Keyframe& after = k1 + 1 < keyframes_.size() ? keyframes_[k1 + 1] : b;
  auto interpolate = [&](const std::vector<float> EditSnapshot::*values, double lo, double hi) {
    const auto& pa = a.state.*values;
    std::vector<float> out(pa.size());
    for (size_t i = 0; i < out.size(); ++i) {
      const double p0 = pa[i], p1 = (b.state.*values)[i];
      double v;
      if (interpolation_ == Interpolation::Linear) {
        v = p0 + (p1 - p0) * u;
      } else {
        const double m0 = (p1 - (before.state.*values)[i]) / (b.time - before.time);
        const double m1 = ((after.state.*values)[i] - p0) / (after.time - a.time);
        v = hermite(p0, p1, m0 * span, m1 * span, u);
      }
      out[i] = static_cast<float>(std::clamp(v, lo, hi));
    }
    return out;
  };
  EditSnapshot out;
  out.edited_layers = a.state.edited_layers;
  out.alphas = interpolate(&EditSnapshot::alphas, alpha_min_, alpha_max_);
  // Text sliders have their own ranges (the direction's); the values were clamped when recorded.
  out.text_alphas = interpolate(&EditSnapshot::text_alphas, -1e30, 1e30);
  out.two_face = interpolate(&EditSnapshot::two_face, -1e30, 1e30);
  return out;
}

nlohmann::json Timeline::to_json() const {
  nlohmann::json keys = nlohmann::json::array();
  for (const Keyframe& k : keyframes_) {
    nlohmann::json entry{{"time", k.time}, {"alphas", k.state.alphas}};
    if (!k.state.edited_layers.empty()) entry["layers"] = k.state.edited_layers;
    if (!text_ids_.empty()) entry["text_alphas"] = k.state.text_alphas;
    if (two_faces_) entry["two_face"] = k.state.two_face[0];
    keys.push_back(std::move(entry));
  }
  nlohmann::json out{{"version", kFormatVersion},
                     {"interpolation", interpolation_name(interpolation_)},
                     {"alpha_range", {alpha_min_, alpha_max_}},
                     {"attributes", attribute_ids_},
                     {"keyframes", std::move(keys)}};
  // Only when text sliders exist, so timelines without them are byte-for-byte what older Facets wrote.
  if (!text_ids_.empty()) out["text_sliders"] = text_ids_;
  if (two_faces_) out["two_faces"] = true;
  return out;
}

Timeline Timeline::from_json(const nlohmann::json& json, const std::string& where) {
  if (!json.is_object()) fail(where + ": the timeline must be a JSON object");
  const auto v = json.find("version");
  if (v == json.end() || !v->is_number_integer() || v->get<int64_t>() < 1)
    fail(where + ": the timeline has no valid version");
  const int64_t version = v->get<int64_t>();
  if (version > kFormatVersion)
    fail(where + ": timeline format " + std::to_string(version) + " is newer than this Facet; update Facet");
  try {
    Timeline timeline(json.value("attributes", std::vector<std::string>{}));
    timeline.set_interpolation(parse_interpolation(json.value("interpolation", std::string("smooth"))));
    if (json.contains("alpha_range")) {
      const auto range = json.at("alpha_range").get<std::vector<double>>();
      if (range.size() != 2) fail(where + ": 'alpha_range' must be [min, max]");
      timeline.set_alpha_range(range[0], range[1]);
    }
    for (const auto& id : json.value("text_sliders", std::vector<std::string>{})) timeline.add_text_slider(id);
    if (json.value("two_faces", false)) timeline.two_faces_ = true;
    const auto& keys = json.at("keyframes");
    if (!keys.is_array()) fail(where + ": 'keyframes' must be a list");
    for (const auto& k : keys) {
      EditSnapshot state;
      state.alphas = k.at("alphas").get<std::vector<float>>();
      if (k.contains("layers")) state.edited_layers = k.at("layers").get<std::vector<bool>>();
      if (k.contains("text_alphas")) state.text_alphas = k.at("text_alphas").get<std::vector<float>>();
      if (k.contains("two_face")) state.two_face = {k.at("two_face").get<float>()};
      timeline.add(k.at("time").get<double>(), std::move(state));
    }
    return timeline;
  } catch (const nlohmann::json::exception& e) {
    fail(where + ": malformed timeline (" + e.what() + ")");
  } catch (const Error& e) {
    fail(where + ": " + e.what());
  }
}

}  // namespace facet::video
