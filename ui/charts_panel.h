#pragma once
// The numbers beside the face (Qt Charts), updated from every render result: classifier probabilities of the
// attributes that moved most (original against edited), the identity score over the last renders, and — when
// the face-analysis models are installed — expression probabilities, age and gender read from the pixels.
#include <vector>

#include <QStringList>
#include <QWidget>

#include "app/editor/render_types.h"

class QBarCategoryAxis;
class QBarSet;
class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace facet::ui {

class ChartsPanel : public QWidget {
  Q_OBJECT
 public:
  static constexpr int kShownAttributes = 10;
  static constexpr int kIdentityHistory = 60;

  explicit ChartsPanel(QWidget* parent = nullptr);

  // Display names in catalogue order (the order of RenderResult::probabilities).
  void setAttributeNames(const QStringList& names);
  void showResult(const app::RenderResult& result);
  void clear();

  // What the charts show now (tests).
  QStringList shownAttributes() const;
  std::vector<double> shownEdited() const;
  std::vector<double> shownOriginal() const;
  int identityPoints() const;
  QString identityText() const;
  QString faceText() const;
  bool expressionsVisible() const;

 private:
  QStringList names_;
  QChartView* probabilityView_ = nullptr;
  QBarSet* original_ = nullptr;
  QBarSet* edited_ = nullptr;
  QBarCategoryAxis* attributeAxis_ = nullptr;
  QChartView* identityView_ = nullptr;
  QLineSeries* identity_ = nullptr;
  QValueAxis* identityX_ = nullptr;
  int identityCount_ = 0;
  QLabel* identityLabel_ = nullptr;
  QChartView* expressionView_ = nullptr;
  QBarSet* expressionOriginal_ = nullptr;
  QBarSet* expressionEdited_ = nullptr;
  QBarCategoryAxis* expressionAxis_ = nullptr;
  QLabel* faceLabel_ = nullptr;
};

}  // namespace facet::ui
