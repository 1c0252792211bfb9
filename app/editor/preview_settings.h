#pragma once
// How long a slider preview may take, kept between runs (QSettings). The editor's previews fit this budget by their
// precision and side (GeneratorBackend, edit::PreviewBudget); 0 renders every preview at the largest preview side,
// however long it takes.
#include <vector>

namespace facet::app {

class PreviewSettings {
 public:
  static constexpr double kDefaultBudgetMs = 100;
  // The budgets the View menu offers, fastest first; 0 (no budget) last.
  static std::vector<double> choices() { return {50, kDefaultBudgetMs, 200, 0}; }

  static double budgetMs();
  static void setBudgetMs(double ms);  // < 0 is taken as 0
};

}  // namespace facet::app
