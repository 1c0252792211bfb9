#pragma once
// The numbers beside the face (Qt Charts), updated from every render result: classifier probabilities of the
// attributes that moved most (original against edited), the identity score over the last renders, and — when
// the face-analysis models are installed — expression probabilities, age and gender read from the pixels. With a
// second face (morph, mix) its probabilities join the bars and the identity against it joins the line.
#include <limits>
#include <vector>

#include <QStringList>
#include <QWidget>

#include "app/editor/render_types.h"

class QBarCategoryAxis;
class QBarSet;
class QChart;
class QChartView;
class QHorizontalBarSeries;
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
  ~ChartsPanel() override;

  // Display names in catalogue order (the order of RenderResult::probabilities).
  void setAttributeNames(const QStringList& names);
  void showResult(const app::RenderResult& result);
  void clear();
  // The faces of a photo as face-api reads them (no generator needed): each one's age, gender and expression, and
  // how alike each is to the first (descriptor distance; below 0.6 face-api takes them for the same person).
  using PhotoFace = app::AnalyzedFace;
  void showPhotoFaces(const std::vector<PhotoFace>& faces);
  // Whether face-api's networks are loaded: what the panel says before there is anything to read.
  void setFaceAnalysisAvailable(bool available);

  // What the charts show now (tests).
  QStringList shownAttributes() const;
  std::vector<double> shownEdited() const;
  std::vector<double> shownOriginal() const;
  std::vector<double> shownSecond() const;  // empty without a second face
  int identityPoints() const;
  QString identityText() const;
  QString faceText() const;
  bool expressionsVisible() const;

 private:
  QString waitingFaceText() const;

  QStringList names_;
  QChartView* probabilityView_ = nullptr;
  QBarSet* original_ = nullptr;
  QBarSet* edited_ = nullptr;
  QBarSet* second_ = nullptr;  // in the series only while a second face is in use
  QHorizontalBarSeries* bars_ = nullptr;
  QBarCategoryAxis* attributeAxis_ = nullptr;
  QChartView* identityView_ = nullptr;
  QLineSeries* identity_ = nullptr;
  QLineSeries* identitySecond_ = nullptr;
  QValueAxis* identityX_ = nullptr;
  int identityCount_ = 0;
  QLabel* identityLabel_ = nullptr;
  QChartView* expressionView_ = nullptr;
  QBarSet* expressionOriginal_ = nullptr;
  QBarSet* expressionEdited_ = nullptr;
  QBarCategoryAxis* expressionAxis_ = nullptr;
  QLabel* faceLabel_ = nullptr;
  bool faceAnalysis_ = false;
};

}  // namespace facet::ui
