#pragma once
// The "Text edits" panel beside the attribute sliders: one row per text slider (a StyleCLIP direction): its prompt,
// method, a slider over the direction's α range, the value, reset and remove, plus an "Add text edit…" button.
// A view of the document's text sliders (app::TextSliderSet): it shows them and says what the user did.
#include <memory>
#include <vector>

#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include "app/editor/render_types.h"

class QLabel;
class QSlider;
class QToolButton;
class QVBoxLayout;

namespace facet::edit {
struct TextDirection;
}

namespace facet::ui {

using TextSlider = app::TextSlider;

class TextSliderPanel : public QWidget {
  Q_OBJECT
 public:
  static constexpr int kStepsPerUnit = 100;  // slider resolution: 0.01

  explicit TextSliderPanel(QWidget* parent = nullptr);

  // The sliders to show, in order: rows are rebuilt when the ids change, else their values are set quietly.
  void showSliders(const std::vector<TextSlider>& sliders);
  int count() const { return rows_.size(); }
  const TextSlider& slider(int index) const { return rows_[index].slider; }
  int indexOf(const QString& id) const;  // -1 when absent
  QStringList ids() const;               // the sliders' ids, row order
  std::vector<float> alphas() const;
  void setAlpha(int index, float alpha);  // as if the user moved the slider: emits alphaMoved

 Q_SIGNALS:
  void alphaMoved(const QString& id, float alpha);  // the user moves a slider
  void released();                                  // a gesture ended (released, reset): an undo point
  void removeRequested(const QString& id);
  void addRequested();  // "Add text edit…"

 private:
  struct Row {
    TextSlider slider;
    QWidget* widget = nullptr;
    QSlider* control = nullptr;
    QLabel* value = nullptr;
  };
  int toSteps(const Row& row, float alpha) const;
  void addRow(const TextSlider& slider);

  QVBoxLayout* rowsLayout_ = nullptr;
  QLabel* empty_ = nullptr;
  QVector<Row> rows_;
  bool quiet_ = false;
};

QString methodLabel(const edit::TextDirection& direction);  // "global", "optimisation"… as shown to the user

}  // namespace facet::ui
