#include "ui/status_corner.h"

#include <QHBoxLayout>
#include <QLabel>

#include "app/editor/render_types.h"

namespace facet::ui {

StatusCorner::StatusCorner(QWidget* parent) : QWidget(parent) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(12);
  timing_ = new QLabel(this);
  timing_->setObjectName("timingLabel");
  models_ = new QLabel(tr("models: none"), this);
  models_->setObjectName("modelsLabel");
  device_ = new QLabel(tr("device: cpu"), this);
  device_->setObjectName("deviceLabel");
  for (QLabel* label : {timing_, models_, device_}) layout->addWidget(label);
}

void StatusCorner::showTiming(const app::RenderResult& result) {
  const QString kind = result.quality == app::RenderQuality::Preview ? tr("preview") : tr("full");
  timing_->setText(tr("%1 ms/%2").arg(result.timings.total_ms, 0, 'f', 0).arg(kind));
  timing_->setToolTip(tr("edit %1 ms · synthesis %2 ms · scoring %3 ms")
                          .arg(result.timings.edit_ms, 0, 'f', 1)
                          .arg(result.timings.synthesis_ms, 0, 'f', 1)
                          .arg(result.timings.scoring_ms, 0, 'f', 1));
}

void StatusCorner::showModels(const QString& models, const QString& files, const QString& device) {
  models_->setText(models);
  models_->setToolTip(files);
  device_->setText(device);
}

QString StatusCorner::timingText() const { return timing_->text(); }
QString StatusCorner::modelsText() const { return models_->text(); }
QString StatusCorner::deviceText() const { return device_->text(); }

}  // namespace facet::ui
