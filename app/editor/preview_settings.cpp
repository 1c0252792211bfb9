#include "app/editor/preview_settings.h"

#include <algorithm>

#include <QSettings>

namespace facet::app {

namespace {
constexpr const char* kBudgetKey = "preview/budgetMs";
}  // namespace

double PreviewSettings::budgetMs() {
  return std::max(0.0, QSettings().value(kBudgetKey, kDefaultBudgetMs).toDouble());
}

void PreviewSettings::setBudgetMs(double ms) { QSettings().setValue(kBudgetKey, std::max(0.0, ms)); }

}  // namespace facet::app
