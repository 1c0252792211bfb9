#include "app/editor/timeline_model.h"

#include <algorithm>
#include <chrono>

#include <QJsonDocument>

#include "core/io/error.h"

namespace facet::app {

namespace {

std::vector<std::string> toStd(const QStringList& list) {
  std::vector<std::string> out;
  for (const QString& s : list) out.push_back(s.toStdString());
  return out;
}

}  // namespace

TimelineModel::TimelineModel(QObject* parent) : QObject(parent) {
  clock_ = [] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
  };
  playback_.setInterval(33);  // ~30 frames a second
  connect(&playback_, &QTimer::timeout, this, &TimelineModel::tick);
}

double TimelineModel::now() const { return clock_(); }

void TimelineModel::setAttributeIds(const QStringList& ids) {
  if (ids == ids_) return;
  stop();
  ids_ = ids;
  const video::Interpolation mode = timeline_.interpolation();
  const std::vector<std::string> textIds = timeline_.text_ids();
  timeline_ = video::Timeline(toStd(ids));
  timeline_.set_interpolation(mode);
  for (const auto& id : textIds) timeline_.add_text_slider(id);  // text sliders do not depend on the catalogue
  if (twoFace_) timeline_.record_two_faces(*twoFace_);
  position_ = 0;
  Q_EMIT keyframesChanged();
}

video::EditSnapshot TimelineModel::snapshotOf(const std::vector<float>& alphas) const {
  video::EditSnapshot state{alphas, layers_, text_};
  if (timeline_.records_two_faces()) state.two_face = {twoFace_.value_or(0.0f)};
  return state;
}

void TimelineModel::recordTwoFaceChange(float amount, float previous) {
  if (!timeline_.records_two_faces()) {
    timeline_.record_two_faces(previous);
    if (!timeline_.empty()) Q_EMIT keyframesChanged();
  }
  twoFace_ = amount;
  if (!recording_ || playing_ || timeline_.empty()) return;
  // The attribute α stay as the last keyframe holds them; only the two-face amount moves.
  const std::vector<float> alphas0 = timeline_.sample(timeline_.duration()).alphas;
  position_ = std::max(0.0, now() - origin_);
  timeline_.add(position_, snapshotOf(alphas0));
  Q_EMIT keyframesChanged();
  Q_EMIT positionChanged(position_);
}

void TimelineModel::startRecording(const std::vector<float>& current) {
  stop();
  timeline_.clear();
  timeline_.add(0.0, snapshotOf(current));
  lastAlphas_ = current;
  lastFixed_ = 0;
  trailing_.reset();
  recording_ = true;
  origin_ = now();
  position_ = 0;
  Q_EMIT keyframesChanged();
  Q_EMIT stateChanged();
  Q_EMIT positionChanged(position_);
}

void TimelineModel::recordChange(const std::vector<float>& alphas) {
  if (!recording_ || playing_) return;
  position_ = std::max(0.0, now() - origin_);
  // A drag sends a change per mouse move: keep one keyframe per kMinKeyframeGap at most, plus one trailing
  // keyframe with the newest values (replaced by the next change, so the take always ends on what was set).
  if (trailing_) {
    for (size_t i = 0; i < timeline_.size(); ++i)
      if (timeline_.keyframes()[i].time == *trailing_) {
        timeline_.remove(i);
        break;
      }
    trailing_.reset();
  }
  timeline_.add(position_, snapshotOf(alphas));
  if (position_ - lastFixed_ >= kMinKeyframeGap)
    lastFixed_ = position_;
  else if (position_ - lastFixed_ > video::Timeline::kSameTime)
    trailing_ = position_;
  lastAlphas_ = alphas;
  Q_EMIT keyframesChanged();
  Q_EMIT positionChanged(position_);
}

void TimelineModel::setEditedLayers(const std::vector<bool>& layers) {
  if (layers == layers_) return;
  layers_ = layers;
  if (recording_ && !playing_ && !lastAlphas_.empty()) recordChange(lastAlphas_);
}

void TimelineModel::stopRecording() {
  if (!recording_) return;
  recording_ = false;
  Q_EMIT stateChanged();
}

void TimelineModel::play() {
  if (timeline_.empty()) return;
  stopRecording();
  if (position_ >= timeline_.duration()) position_ = 0;
  playing_ = true;
  playStart_ = position_;
  origin_ = now();
  playback_.start();
  Q_EMIT stateChanged();
  seek(position_);
}

void TimelineModel::stop() {
  const bool was = recording_ || playing_;
  recording_ = false;
  playing_ = false;
  playback_.stop();
  if (was) Q_EMIT stateChanged();
}

void TimelineModel::tick() {
  if (!playing_) return;
  const double t = playStart_ + (now() - origin_);
  if (t >= timeline_.duration()) {
    seek(timeline_.duration());
    stop();
    return;
  }
  seek(t);
}

void TimelineModel::seek(double seconds) {
  position_ = std::clamp(seconds, 0.0, std::max(0.0, timeline_.duration()));
  Q_EMIT positionChanged(position_);
  if (timeline_.empty()) return;
  const video::EditSnapshot snapshot = timeline_.sample(position_);
  if (!snapshot.edited_layers.empty() && snapshot.edited_layers != layers_) {
    layers_ = snapshot.edited_layers;
    Q_EMIT editedLayersAt(snapshot.edited_layers);
  }
  if (!snapshot.two_face.empty()) {
    twoFace_ = snapshot.two_face[0];
    Q_EMIT twoFaceAt(snapshot.two_face[0]);
  }
  Q_EMIT alphasAt(snapshot.alphas);
  if (!timeline_.text_ids().empty()) Q_EMIT textAlphasAt(textSliderIds(), snapshot.text_alphas);
}

QStringList TimelineModel::textSliderIds() const {
  QStringList ids;
  for (const auto& id : timeline_.text_ids()) ids << QString::fromStdString(id);
  return ids;
}

void TimelineModel::setTextSliders(const QStringList& ids) {
  bool changed = false;
  for (const QString& id : textSliderIds())
    if (!ids.contains(id)) {
      const int i = timeline_.text_index(id.toStdString());
      if (i >= 0 && static_cast<size_t>(i) < text_.size()) text_.erase(text_.begin() + i);
      timeline_.remove_text_slider(id.toStdString());
      changed = true;
    }
  for (const QString& id : ids)
    if (timeline_.text_index(id.toStdString()) < 0) {
      timeline_.add_text_slider(id.toStdString());
      changed = true;
    }
  text_.resize(timeline_.text_ids().size(), 0.0f);
  if (changed) Q_EMIT keyframesChanged();
}

void TimelineModel::recordTextChange(const QStringList& ids, const std::vector<float>& alphas) {
  setTextSliders(ids);
  for (int k = 0; k < ids.size() && k < static_cast<int>(alphas.size()); ++k)
    text_[static_cast<size_t>(timeline_.text_index(ids[k].toStdString()))] = alphas[static_cast<size_t>(k)];
  if (!recording_ || playing_ || timeline_.empty()) return;
  // The attribute α stay as the last keyframe holds them; only the text values move.
  std::vector<float> alphas0 = timeline_.sample(timeline_.duration()).alphas;
  position_ = std::max(0.0, now() - origin_);
  timeline_.add(position_, snapshotOf(alphas0));
  Q_EMIT keyframesChanged();
  Q_EMIT positionChanged(position_);
}

std::vector<float> TimelineModel::sampleAlphas(double seconds) const { return timeline_.sample(seconds).alphas; }

void TimelineModel::moveKeyframe(int index, double seconds) {
  timeline_.move(static_cast<size_t>(index), seconds);
  Q_EMIT keyframesChanged();
}

void TimelineModel::deleteKeyframe(int index) {
  timeline_.remove(static_cast<size_t>(index));
  Q_EMIT keyframesChanged();
}

void TimelineModel::setKeyframeAlpha(int index, int attribute, float alpha) {
  timeline_.set_alpha(static_cast<size_t>(index), static_cast<size_t>(attribute), alpha);
  Q_EMIT keyframesChanged();
}

void TimelineModel::setInterpolation(video::Interpolation mode) {
  timeline_.set_interpolation(mode);
  Q_EMIT keyframesChanged();
}

QJsonObject TimelineModel::toJson() const {
  if (timeline_.empty()) return {};
  const std::string text = timeline_.to_json().dump();
  return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
}

void TimelineModel::fromJson(const QJsonObject& json) {
  stop();
  if (json.isEmpty()) {
    timeline_.clear();
  } else {
    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Compact);
    video::Timeline loaded = video::Timeline::from_json(nlohmann::json::parse(bytes.toStdString()), "session timeline");
    if (!ids_.isEmpty() && loaded.attribute_ids() != toStd(ids_))
      throw Error("session timeline: recorded for other attributes than the editor's sliders");
    timeline_ = std::move(loaded);
  }
  text_.assign(timeline_.text_ids().size(), 0.0f);
  if (timeline_.records_two_faces() && !timeline_.empty()) twoFace_ = timeline_.keyframes().front().state.two_face[0];
  position_ = 0;
  Q_EMIT keyframesChanged();
}

}  // namespace facet::app
