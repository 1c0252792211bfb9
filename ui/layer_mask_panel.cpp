#include "ui/layer_mask_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include "app/editor/layer_mask.h"

namespace facet::ui {

namespace {
using app::LayerPreset;
constexpr int kColumns = 9;  // two rows for the 18 layers of a 1024² generator
const LayerPreset kPresets[] = {LayerPreset::Default, LayerPreset::Coarse, LayerPreset::Middle, LayerPreset::Fine,
                                LayerPreset::All, LayerPreset::Custom};
}  // namespace

LayerMaskPanel::LayerMaskPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  presets_ = new QComboBox(this);
  presets_->setObjectName("layerPreset");
  presets_->setToolTip(tr("Which W+ layers the attribute edits change. Coarse layers hold pose and face shape, middle "
                          "ones features, fine ones colour and texture."));
  layout->addWidget(presets_);
  grid_ = new QGridLayout();
  grid_->setHorizontalSpacing(2);
  layout->addLayout(grid_);
  summary_ = new QLabel(this);
  summary_->setObjectName("layerSummary");
  layout->addWidget(summary_);
  layout->addStretch(1);
  connect(presets_, qOverload<int>(&QComboBox::activated), this, &LayerMaskPanel::applyPreset);
  setLayerCount(18);
}

void LayerMaskPanel::setLayerCount(int count) {
  if (count == layerCount()) return;
  for (QCheckBox* box : boxes_) delete box;
  boxes_.clear();
  for (int i = 0; i < count; ++i) {
    auto* box = new QCheckBox(QString::number(i), this);
    box->setObjectName(QString("layer_%1").arg(i));
    box->setToolTip(tr("W+ layer %1").arg(i));
    grid_->addWidget(box, i / kColumns, i % kColumns);
    connect(box, &QCheckBox::toggled, this, [this] {
      if (updating_) return;
      syncPreset();
      Q_EMIT maskChanged(mask());
    });
    boxes_.push_back(box);
  }
  {
    const QSignalBlocker block(presets_);
    presets_->clear();
    const QString last = QString::number(std::max(0, count - 1));
    presets_->addItem(tr("Default: layers 0–10 (the paper's choice)"));
    presets_->addItem(tr("Coarse: layers 0–3 (pose, face shape)"));
    presets_->addItem(tr("Middle: layers 4–7 (features)"));
    presets_->addItem(tr("Fine: layers 8–%1 (colour, texture)").arg(last));
    presets_->addItem(tr("All layers 0–%1").arg(last));
    presets_->addItem(tr("Custom"));
  }
  setMask({});
}

std::vector<bool> LayerMaskPanel::mask() const {
  std::vector<bool> out;
  for (const QCheckBox* box : boxes_) out.push_back(box->isChecked());
  return out;
}

void LayerMaskPanel::setMask(const std::vector<bool>& mask) {
  const std::vector<bool> m = mask.size() == boxes_.size() ? mask : app::layerPresetMask(LayerPreset::Default, layerCount());
  updating_ = true;
  for (size_t i = 0; i < boxes_.size(); ++i) boxes_[i]->setChecked(m[i]);
  updating_ = false;
  syncPreset();
}

void LayerMaskPanel::applyPreset(int index) {
  if (index < 0 || index >= static_cast<int>(std::size(kPresets)) || kPresets[index] == LayerPreset::Custom) {
    syncPreset();
    return;
  }
  const std::vector<bool> m = app::layerPresetMask(kPresets[index], layerCount());
  if (m == mask()) return;
  setMask(m);
  Q_EMIT maskChanged(mask());
}

void LayerMaskPanel::syncPreset() {
  const LayerPreset preset = app::layerPresetOf(mask(), layerCount());
  for (int i = 0; i < static_cast<int>(std::size(kPresets)); ++i)
    if (kPresets[i] == preset) {
      const QSignalBlocker block(presets_);
      presets_->setCurrentIndex(i);
    }
  summary_->setText(summary());
}

QString LayerMaskPanel::summary() const {
  const std::vector<bool> m = mask();
  const QString layers = QString::fromStdString(app::describeLayers(m));
  if (std::none_of(m.begin(), m.end(), [](bool b) { return b; }))
    return tr("No layer is edited: the sliders change nothing.");
  return tr("Edits layers %1").arg(layers);
}

void LayerMaskPanel::setPresetToolTip(const QString& text) { presets_->setToolTip(text); }
void LayerMaskPanel::setSummaryVisible(bool visible) { summary_->setVisible(visible); }

}  // namespace facet::ui
