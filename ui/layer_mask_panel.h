#pragma once
// The layer control: which W+ layers the attribute edits touch. A preset list (the paper's default 0–10, coarse
// 0–3, middle 4–7, fine 8+, all) over one checkbox per layer; ticking boxes by hand makes the preset "Custom".
// maskChanged() fires only for the user's changes, not for setMask()/setLayerCount().
#include <vector>

#include <QWidget>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;

namespace facet::ui {

class LayerMaskPanel : public QWidget {
  Q_OBJECT
 public:
  explicit LayerMaskPanel(QWidget* parent = nullptr);

  // The generator's number of W+ layers (18 at 1024², 10 for the 64² fixture). Resets to the default preset when
  // the count changes.
  void setLayerCount(int count);
  int layerCount() const { return static_cast<int>(boxes_.size()); }
  std::vector<bool> mask() const;  // one flag per layer
  void setMask(const std::vector<bool>& mask);  // empty or of another size: the default
  QString summary() const;  // "Edits layers 0–10 (default)"
  // For another use of the boxes (the layers mixed from a second face): the presets' tooltip, and whether the
  // summary line, which speaks of edits, shows.
  void setPresetToolTip(const QString& text);
  void setSummaryVisible(bool visible);

 Q_SIGNALS:
  void maskChanged(const std::vector<bool>& mask);

 private:
  void applyPreset(int index);
  void syncPreset();  // the preset list and summary follow the boxes

  QComboBox* presets_ = nullptr;
  QGridLayout* grid_ = nullptr;
  QLabel* summary_ = nullptr;
  std::vector<QCheckBox*> boxes_;
  bool updating_ = false;
};

}  // namespace facet::ui
