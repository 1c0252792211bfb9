#pragma once
// The "Text edits" panel beside the attribute sliders: one row per text slider (a StyleCLIP direction): its prompt,
// method, a slider over the direction's α range, the value, reset and remove, plus an "Add text edit…" button.
// Like the attribute panel it only holds values; the window sends them to the renderer.
#include <memory>
#include <vector>

#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include "app/editor/render_types.h"
#include "core/edit/text_direction.h"

class QLabel;
class QSlider;
class QToolButton;
class QVBoxLayout;

namespace facet::ui {

struct TextSlider {
  QString id;  // stable within a session (timelines name sliders by it)
  std::shared_ptr<const edit::TextDirection> direction;
  float alpha = 0;
};

class TextSliderPanel : public QWidget {
  Q_OBJECT
 public:
  static constexpr int kStepsPerUnit = 100;  // slider resolution: 0.01

  explicit TextSliderPanel(QWidget* parent = nullptr);

  // Adds a row (emits slidersChanged and textEditsChanged); an empty id gets a fresh "text-<n>". Returns the id.
  QString addSlider(std::shared_ptr<const edit::TextDirection> direction, float alpha = 0, QString id = {});
  void removeSlider(int index);  // emits slidersChanged and textEditsChanged
  void clear();                  // quietly (session load)
  int count() const { return rows_.size(); }
  const TextSlider& slider(int index) const { return rows_[index].slider; }
  int indexOf(const QString& id) const;  // -1 when absent
  QStringList ids() const;               // the sliders' ids, row order

  std::vector<float> alphas() const;
  std::vector<app::TextSliderValue> values() const;  // for RenderRequest::textEdits
  // Sets every value without emitting textEditsChanged (undo/redo, timeline playback). Sizes must match.
  void setAlphas(const std::vector<float>& alphas);
  void setAlpha(int index, float alpha);  // as if the user moved the slider: emits textEditsChanged

 Q_SIGNALS:
  void textEditsChanged();  // a value moved, or a slider came or went
  void slidersChanged();    // the list of sliders changed (add/remove)
  void editCommitted(const std::vector<float>& alphas);  // released / reset: an undo point
  void addRequested();      // "Add text edit…"
  // The user pressed a row's remove button (after the row went): the slider with its last value, for undo.
  void sliderRemovedByUser(const facet::ui::TextSlider& slider);

 private:
  struct Row {
    TextSlider slider;
    QWidget* widget = nullptr;
    QSlider* control = nullptr;
    QLabel* value = nullptr;
  };
  int toSteps(const Row& row, float alpha) const;

  QVBoxLayout* rowsLayout_ = nullptr;
  QLabel* empty_ = nullptr;
  QVector<Row> rows_;
  int nextId_ = 1;
  bool quiet_ = false;
};

QString methodLabel(const edit::TextDirection& direction);  // "global", "optimisation"… as shown to the user

}  // namespace facet::ui
