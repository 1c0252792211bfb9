#pragma once
// The attribute slider panel: one row per attribute (label, −3…3 slider, value, probability, reset), grouped
// (hair, face, expression, ...), a filter box, and a "linear" badge on attributes that have no trained
// transformer and fall back to a linear latent direction; attributes nothing can move are disabled with the reason.
// It only holds values; rendering is the caller's job.
#include <vector>

#include <QString>
#include <QVector>
#include <QWidget>

class QLabel;
class QLineEdit;
class QSlider;
class QToolButton;
class QGroupBox;

namespace facet::ui {

struct AttributeSlot {
  QString id;           // catalogue id ("Smiling")
  QString displayName;  // shown to the user (translated)
  QString group;        // "Hair", "Face", "Expression", "Accessories", "Age and gender", ...
  bool hasTransformer = true;
  // False when nothing can move this attribute (no transformer, no linear direction): the row is shown disabled
  // with `unavailableReason` (what is missing and how to get it).
  bool movable = true;
  QString unavailableReason;
};

class AttributeSliderPanel : public QWidget {
  Q_OBJECT
 public:
  static constexpr float kMinAlpha = -3.0f;
  static constexpr float kMaxAlpha = 3.0f;
  static constexpr int kStepsPerUnit = 100;  // slider resolution: 0.01

  explicit AttributeSliderPanel(QWidget* parent = nullptr);

  // Rebuilds the rows (catalogue order is the order of the α vector). All values start at 0.
  void setAttributes(const QVector<AttributeSlot>& attributes);
  int attributeCount() const { return rows_.size(); }

  std::vector<float> alphas() const;
  // Sets every value without emitting alphasChanged (undo/redo, session load). Sizes must match.
  void setAlphas(const std::vector<float>& alphas);
  void setAlpha(int index, float alpha);  // as if the user moved the slider: emits alphasChanged
  void resetAll();                        // every value to 0; emits alphasChanged once

  // Current classifier probabilities (0…1), one per attribute; an empty vector clears them.
  void setProbabilities(const std::vector<float>& probabilities);
  QString probabilityText(int index) const;

  void setFilter(const QString& text);  // case-insensitive match on display name, id or group
  bool isRowVisible(int index) const;
  QLineEdit* filterBox() const { return filter_; }

  // Off: every slider and reset button is disabled and `why` is shown above them (no face to edit yet). On: the
  // movable attributes' rows are enabled. Kept across setAttributes().
  void setEditingEnabled(bool on, const QString& why = {});
  bool editingEnabled() const { return editingEnabled_; }
  bool isRowEnabled(int index) const;

 Q_SIGNALS:
  void alphasChanged(const std::vector<float>& alphas);
  // The user let go of a slider or pressed reset: a point for the undo history.
  void editCommitted(const std::vector<float>& alphas);

 private:
  struct Row {
    AttributeSlot slot;
    QWidget* widget = nullptr;
    QSlider* slider = nullptr;
    QLabel* value = nullptr;
    QLabel* probability = nullptr;
    QToolButton* reset = nullptr;
    QGroupBox* box = nullptr;
  };
  void updateValueLabel(Row& row);
  void applyFilter();
  void applyEnabled();

  QLineEdit* filter_ = nullptr;
  QWidget* content_ = nullptr;
  QVector<Row> rows_;
  QVector<QGroupBox*> groups_;
  bool quiet_ = false;  // suppresses alphasChanged while values are set from code
  bool editingEnabled_ = true;
  QLabel* hint_ = nullptr;  // why editing is off
  QToolButton* resetAll_ = nullptr;
};

}  // namespace facet::ui
