#pragma once
// The editor's slider timeline (GUI-thread side): records every slider change as a keyframe while recording,
// plays the timeline back on a timer, scrubs, and edits keyframes. It only emits α vectors (alphasAt); the main
// window feeds them to the sliders and the render worker like any other slider change. The timeline itself is
// core/video's Timeline; its JSON goes into the session file under "timeline".
#include <functional>
#include <optional>
#include <vector>

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include "core/video/timeline.h"

namespace facet::app {

class TimelineModel : public QObject {
  Q_OBJECT
 public:
  // Recording keeps at most one keyframe per this many seconds (plus the newest values at the end of a gesture).
  static constexpr double kMinKeyframeGap = 0.1;

  explicit TimelineModel(QObject* parent = nullptr);

  // Catalogue order of the α vectors (clears the timeline when it changes).
  void setAttributeIds(const QStringList& ids);
  QStringList attributeIds() const { return ids_; }
  // Seconds since an arbitrary origin; tests replace the wall clock.
  void setClock(std::function<double()> clock) { clock_ = std::move(clock); }
  void setPlaybackIntervalMs(int ms) { playback_.setInterval(ms); }

  const video::Timeline& timeline() const { return timeline_; }
  bool isRecording() const { return recording_; }
  bool isPlaying() const { return playing_; }
  double position() const { return position_; }
  double duration() const { return timeline_.duration(); }

  // A new take: clears the keyframes and stores `current` at time 0.
  void startRecording(const std::vector<float>& current);
  // While recording: a keyframe (now, alphas), coalesced to one per kMinKeyframeGap. Ignored otherwise, and during
  // playback.
  void recordChange(const std::vector<float>& alphas);
  void stopRecording();
  // The W+ layers the edit touches (the editor's layer control): stored with every keyframe recorded from now on;
  // while recording, a change is itself a keyframe (the current α values with the new layers).
  void setEditedLayers(const std::vector<bool>& layers);
  const std::vector<bool>& editedLayers() const { return layers_; }
  void play();  // from the current position (from the start when at the end)
  void stop();  // stops recording and playback
  void seek(double seconds);  // emits alphasAt(sample) and positionChanged

  // Text sliders: the editor's text slider ids; new ones join the timeline at α = 0, removed
  // ones leave it. recordTextChange keeps the current text α (by id) for every keyframe recorded from now on.
  void setTextSliders(const QStringList& ids);
  void recordTextChange(const QStringList& ids, const std::vector<float>& alphas);
  QStringList textSliderIds() const;

  // The two-face amount (morph λ, mix strength, expression λ): once set, the timeline records it with every keyframe
  // (the keyframes already there hold `previous`); while recording, a change is itself a keyframe.
  void recordTwoFaceChange(float amount, float previous);
  std::optional<float> twoFaceAmount() const { return twoFace_; }

  std::vector<float> sampleAlphas(double seconds) const;
  void moveKeyframe(int index, double seconds);
  void deleteKeyframe(int index);
  void setKeyframeAlpha(int index, int attribute, float alpha);
  void setInterpolation(video::Interpolation mode);

  QJsonObject toJson() const;  // empty object when there are no keyframes
  // Replaces the timeline (session load); facet::Error for a malformed object. An empty object clears it.
  void fromJson(const QJsonObject& json);

 Q_SIGNALS:
  void keyframesChanged();
  void stateChanged();  // recording / playing started or stopped
  void positionChanged(double seconds);
  void alphasAt(const std::vector<float>& alphas);
  void textAlphasAt(const QStringList& ids, const std::vector<float>& alphas);  // when text sliders are recorded
  void twoFaceAt(float amount);  // when the two-face amount is recorded (emitted before alphasAt)
  // Played back or scrubbed to a keyframe span recorded with other edited layers (emitted before alphasAt).
  void editedLayersAt(const std::vector<bool>& layers);

 private:
  double now() const;
  void tick();
  video::EditSnapshot snapshotOf(const std::vector<float>& alphas) const;  // with the current layers, text, two faces

  video::Timeline timeline_;
  QStringList ids_;
  std::function<double()> clock_;
  QTimer playback_;
  bool recording_ = false, playing_ = false;
  double origin_ = 0;    // clock time of position 0 (recording) or of playStart_ (playback)
  double playStart_ = 0;
  double position_ = 0;
  std::vector<bool> layers_;      // stored in recorded keyframes (empty: the default 0–10)
  std::vector<float> lastAlphas_;  // the α values of the newest recorded keyframe
  double lastFixed_ = 0;           // time of the newest keyframe a later change will not replace
  std::optional<double> trailing_;  // time of the keyframe the next change replaces (within kMinKeyframeGap)
  std::vector<float> text_;  // current text α in the timeline's text id order
  std::optional<float> twoFace_;  // current two-face amount, once one was set
};

}  // namespace facet::app
