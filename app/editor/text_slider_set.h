#pragma once
// The text sliders being edited: StyleCLIP directions with their α, in the order the user added them, each with
// an id that stays fixed for the session (timelines and undo steps find sliders by it). Adding, removing and each
// released gesture are undo steps on the document's stack; values set by playback or a session are not.
#include <memory>
#include <vector>

#include <QObject>
#include <QString>
#include <QStringList>

#include "app/editor/render_types.h"
#include "app/editor/session.h"

class QUndoStack;

namespace facet::edit {
struct TextDirection;
}

namespace facet::app {

class TextSliderSet : public QObject {
  Q_OBJECT
 public:
  explicit TextSliderSet(QUndoStack* undo, QObject* parent = nullptr);

  const std::vector<TextSlider>& sliders() const { return sliders_; }
  int indexOf(const QString& id) const;  // -1 when absent
  QStringList ids() const;
  std::vector<float> alphas() const;
  std::vector<TextSliderValue> values() const;  // what a render applies

  // The user's changes. add: an empty id gets a fresh "text-<n>"; returns the id. Each is an undo step except
  // move, whose gesture ends with commit.
  QString add(std::shared_ptr<const edit::TextDirection> direction, float alpha = 0, QString id = {});
  void remove(const QString& id);
  void move(const QString& id, float alpha);
  void commit();
  bool moving() const { return alphas() != committed_; }  // moved since the last undo point

  // Without undo steps: timeline playback (values by id; unknown ids are skipped) and a session's sliders (reset
  // says listChanged only: the session's face renders them).
  void play(const QStringList& ids, const std::vector<float>& alphas);
  void reset(std::vector<TextSlider> sliders);

  // Sessions embed each direction as JSON. fromSession throws facet::Error naming a slider that is not one.
  std::vector<SessionTextSlider> toSession() const;
  static std::vector<TextSlider> fromSession(const std::vector<SessionTextSlider>& saved);

 Q_SIGNALS:
  void listChanged();              // sliders added, removed or replaced
  void valuesChanged(bool byUser);  // an α changed (byUser: a move, an added or removed slider; else undo, playback)

 private:
  void setAlphasById(const QStringList& ids, const std::vector<float>& alphas);

  QUndoStack* undo_;
  std::vector<TextSlider> sliders_;
  std::vector<float> committed_;  // α at the last undo point, by the ids of that moment
  QStringList committedIds_;
  int nextId_ = 1;
};

}  // namespace facet::app
