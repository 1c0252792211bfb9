#include "app/editor/text_slider_set.h"

#include <algorithm>

#include <QJsonDocument>
#include <QUndoStack>

#include <nlohmann/json.hpp>

#include "app/editor/undo_commands.h"
#include "core/edit/text_direction.h"

namespace facet::app {

TextSliderSet::TextSliderSet(QUndoStack* undo, QObject* parent) : QObject(parent), undo_(undo) {}

int TextSliderSet::indexOf(const QString& id) const {
  for (size_t i = 0; i < sliders_.size(); ++i)
    if (sliders_[i].id == id) return static_cast<int>(i);
  return -1;
}

QStringList TextSliderSet::ids() const {
  QStringList out;
  for (const TextSlider& s : sliders_) out << s.id;
  return out;
}

std::vector<float> TextSliderSet::alphas() const {
  std::vector<float> out;
  for (const TextSlider& s : sliders_) out.push_back(s.alpha);
  return out;
}

std::vector<TextSliderValue> TextSliderSet::values() const {
  std::vector<TextSliderValue> out;
  for (const TextSlider& s : sliders_) out.push_back({s.direction, s.alpha});
  return out;
}

QString TextSliderSet::add(std::shared_ptr<const edit::TextDirection> direction, float alpha, QString id) {
  if (id.isEmpty() || indexOf(id) >= 0) {
    do id = QString("text-%1").arg(nextId_++);
    while (indexOf(id) >= 0);
  }
  const TextSlider slider{id, std::move(direction), alpha};
  // Re-added sliders keep their id, so timeline keys and earlier undo steps (which go by id) still find them.
  const auto put = [this, slider] {
    if (indexOf(slider.id) >= 0) return;
    sliders_.push_back(slider);
    commit();
    Q_EMIT listChanged();
    Q_EMIT valuesChanged(true);
  };
  const auto take = [this, id] {
    const int i = indexOf(id);
    if (i < 0) return;
    sliders_.erase(sliders_.begin() + i);
    committed_ = alphas();
    committedIds_ = ids();
    Q_EMIT listChanged();
    Q_EMIT valuesChanged(true);
  };
  put();
  undo_->push(new AppliedCommand(take, put, tr("Add the text edit \"%1\"").arg(QString::fromStdString(slider.direction->prompt))));
  return id;
}

void TextSliderSet::remove(const QString& id) {
  const int i = indexOf(id);
  if (i < 0) return;
  const TextSlider slider = sliders_[static_cast<size_t>(i)];
  const auto put = [this, slider, i] {
    if (indexOf(slider.id) >= 0) return;
    sliders_.insert(sliders_.begin() + std::min<size_t>(static_cast<size_t>(i), sliders_.size()), slider);
    committed_ = alphas();
    committedIds_ = ids();
    Q_EMIT listChanged();
    Q_EMIT valuesChanged(true);
  };
  const auto take = [this, id] {
    const int at = indexOf(id);
    if (at < 0) return;
    sliders_.erase(sliders_.begin() + at);
    committed_ = alphas();
    committedIds_ = ids();
    Q_EMIT listChanged();
    Q_EMIT valuesChanged(true);
  };
  take();
  undo_->push(new AppliedCommand(put, take, tr("Remove the text edit \"%1\"").arg(QString::fromStdString(slider.direction->prompt))));
}

void TextSliderSet::move(const QString& id, float alpha) {
  const int i = indexOf(id);
  if (i < 0 || sliders_[static_cast<size_t>(i)].alpha == alpha) return;
  sliders_[static_cast<size_t>(i)].alpha = alpha;
  Q_EMIT valuesChanged(true);
}

void TextSliderSet::commit() {
  const std::vector<float> now = alphas();
  const QStringList nowIds = ids();
  if (nowIds == committedIds_ && now == committed_) return;
  if (nowIds == committedIds_) {
    // Both sides follow the slider list of this moment; sliders added or removed later must not shift them, so
    // the values are put back by slider id (a removed slider's value is skipped).
    undo_->push(new ValuesCommand(
        committed_, now, [this, nowIds](const std::vector<float>& a) { setAlphasById(nowIds, a); },
        tr("Change text edits")));
  }
  committed_ = now;
  committedIds_ = nowIds;
}

void TextSliderSet::setAlphasById(const QStringList& keys, const std::vector<float>& a) {
  for (int k = 0; k < keys.size() && k < static_cast<int>(a.size()); ++k) {
    const int i = indexOf(keys[k]);
    if (i >= 0) sliders_[static_cast<size_t>(i)].alpha = a[static_cast<size_t>(k)];
  }
  committed_ = alphas();
  committedIds_ = ids();
  Q_EMIT valuesChanged(false);
}

void TextSliderSet::play(const QStringList& keys, const std::vector<float>& a) { setAlphasById(keys, a); }

void TextSliderSet::reset(std::vector<TextSlider> sliders) {
  sliders_ = std::move(sliders);
  for (const TextSlider& s : sliders_) {
    // New ids continue after the session's own ("text-3" → the next is "text-4").
    if (s.id.startsWith("text-")) nextId_ = std::max(nextId_, s.id.mid(5).toInt() + 1);
  }
  committed_ = alphas();
  committedIds_ = ids();
  Q_EMIT listChanged();
}

std::vector<SessionTextSlider> TextSliderSet::toSession() const {
  std::vector<SessionTextSlider> out;
  for (const TextSlider& s : sliders_) {
    const std::string json = edit::text_direction_to_json(*s.direction).dump();
    out.push_back({s.id, s.alpha, QJsonDocument::fromJson(QByteArray::fromStdString(json)).object()});
  }
  return out;
}

std::vector<TextSlider> TextSliderSet::fromSession(const std::vector<SessionTextSlider>& saved) {
  std::vector<TextSlider> out;
  for (const SessionTextSlider& t : saved) {
    const QByteArray bytes = QJsonDocument(t.direction).toJson(QJsonDocument::Compact);
    out.push_back({t.id,
                   std::make_shared<const edit::TextDirection>(edit::text_direction_from_json(
                       nlohmann::json::parse(bytes.toStdString()), "text slider '" + t.id.toStdString() + "'")),
                   t.alpha});
  }
  return out;
}

}  // namespace facet::app
