#include "app/editor/refinement_settings.h"

#include <algorithm>
#include <cmath>

#include <QCoreApplication>
#include <QSettings>

#include "core/embed/step_timing.h"
#include "core/models/device.h"
#include "core/models/model_registry.h"

namespace facet::app {

namespace {
constexpr const char* kStepsKey = "photo/refinementSteps";

QString timingKey(const models::ModelSet& models) {
  return QString("photo/refinementStepMs/%1/%2")
      .arg(models.generator->size())
      .arg(QString::fromStdString(models.device.str()));
}
}  // namespace

int RefinementSettings::steps() { return QSettings().value(kStepsKey, 0).toInt(); }
void RefinementSettings::setSteps(int steps) { QSettings().setValue(kStepsKey, std::max(0, steps)); }

double RefinementSettings::msPerStep(const models::ModelSet* models) {
  return models ? QSettings().value(timingKey(*models), 0.0).toDouble() : 0.0;
}

void RefinementSettings::rememberMsPerStep(const models::ModelSet* models, double ms) {
  if (models && ms > 0) QSettings().setValue(timingKey(*models), ms);
}

double RefinementSettings::measureMsPerStep(const models::ModelSet& models) {
  std::string note;
  const embed::PerceptualLoss perceptual = models::load_perceptual("auto", models.device, note);
  return embed::time_embedding_steps(models.generator, perceptual, embed::EmbedOptions{}, 3).median_ms;
}

QString RefinementSettings::describe(const models::ModelSet* models) {
  if (!models) return QCoreApplication::translate("RefinementSettings", "no generator loaded");
  // (Qt's arg() reads "²" after a placeholder as a digit, so the size is put in as text.)
  return QCoreApplication::translate("RefinementSettings", "%1 generator on %2")
      .arg(QString::number(models->generator->size()) + QChar(0x00B2))
      .arg(QString::fromStdString(models::describe_device(models->device)));
}

QString RefinementSettings::durationText(double seconds) {
  const auto tr = [](const char* text) { return QCoreApplication::translate("RefinementSettings", text); };
  if (seconds < 90) return tr("about %1 s").arg(std::max(1L, std::lround(seconds)));
  const long minutes = std::lround(seconds / 60);
  if (minutes < 90) return tr("about %1 min").arg(minutes);
  return tr("about %1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

}  // namespace facet::app
