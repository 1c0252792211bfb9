#include "ui/charts_panel.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

namespace facet::ui {

namespace {
QChartView* makeView(QChart* chart, int minHeight, QWidget* parent) {
  chart->legend()->setAlignment(Qt::AlignBottom);
  chart->setMargins(QMargins(2, 2, 2, 2));
  chart->setAnimationOptions(QChart::NoAnimation);  // live updates: animations would lag behind the slider
  auto* view = new QChartView(chart, parent);
  view->setRenderHint(QPainter::Antialiasing);
  view->setMinimumHeight(minHeight);
  return view;
}

QStringList expressionNames() {
  return {ChartsPanel::tr("neutral"), ChartsPanel::tr("happy"),     ChartsPanel::tr("sad"),
          ChartsPanel::tr("angry"),   ChartsPanel::tr("fearful"),   ChartsPanel::tr("disgusted"),
          ChartsPanel::tr("surprised")};
}
}  // namespace

ChartsPanel::ChartsPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);

  // Attribute probabilities: original against edited, the attributes that moved most.
  auto* probabilities = new QChart;
  probabilities->setTitle(tr("Attribute probabilities"));
  original_ = new QBarSet(tr("original"));
  edited_ = new QBarSet(tr("edited"));
  second_ = new QBarSet(tr("second face"));  // owned by the series while in it, else by this panel
  auto* bars = new QHorizontalBarSeries;
  bars_ = bars;
  bars->append(original_);
  bars->append(edited_);
  probabilities->addSeries(bars);
  attributeAxis_ = new QBarCategoryAxis;
  attributeAxis_->setTruncateLabels(false);  // else labels laid out before the first resize stay elided ("…")
  probabilities->addAxis(attributeAxis_, Qt::AlignLeft);
  bars->attachAxis(attributeAxis_);
  auto* probabilityAxis = new QValueAxis;
  probabilityAxis->setRange(0, 1);
  probabilityAxis->setTickCount(6);
  probabilities->addAxis(probabilityAxis, Qt::AlignBottom);
  bars->attachAxis(probabilityAxis);
  probabilityView_ = makeView(probabilities, 300, this);
  probabilityView_->setObjectName("probabilityChart");
  layout->addWidget(probabilityView_, 3);

  // Identity: how much of the person is kept, over the last renders.
  identityLabel_ = new QLabel(this);
  identityLabel_->setObjectName("identityLabel");
  layout->addWidget(identityLabel_);
  auto* identity = new QChart;
  identity->legend()->hide();
  identity_ = new QLineSeries;
  identity_->setName(tr("identity"));
  identity->addSeries(identity_);
  identitySecond_ = new QLineSeries;
  identitySecond_->setName(tr("second face"));
  identity->addSeries(identitySecond_);
  identityX_ = new QValueAxis;
  identityX_->setLabelsVisible(false);  // render numbers mean nothing to a user; the trend over recent renders does
  auto* identityY = new QValueAxis;
  identityY->setRange(0, 100);
  identityY->setTickCount(3);
  identity->addAxis(identityX_, Qt::AlignBottom);
  identity->addAxis(identityY, Qt::AlignLeft);
  identity_->attachAxis(identityX_);
  identity_->attachAxis(identityY);
  identitySecond_->attachAxis(identityX_);
  identitySecond_->attachAxis(identityY);
  identityView_ = makeView(identity, 120, this);
  identityView_->setObjectName("identityChart");
  layout->addWidget(identityView_, 1);

  // Read from the pixels: expression probabilities, age and gender.
  faceLabel_ = new QLabel(this);
  faceLabel_->setObjectName("faceLabel");
  faceLabel_->setWordWrap(true);
  layout->addWidget(faceLabel_);
  auto* expressions = new QChart;
  expressions->setTitle(tr("Expression (from the pixels)"));
  expressionOriginal_ = new QBarSet(tr("original"));
  expressionEdited_ = new QBarSet(tr("edited"));
  auto* expressionBars = new QHorizontalBarSeries;  // names on the left: seven labels do not fit under bars
  expressionBars->append(expressionOriginal_);
  expressionBars->append(expressionEdited_);
  expressions->addSeries(expressionBars);
  expressionAxis_ = new QBarCategoryAxis;
  expressionAxis_->setTruncateLabels(false);
  expressionAxis_->append(expressionNames());
  expressions->addAxis(expressionAxis_, Qt::AlignLeft);
  expressionBars->attachAxis(expressionAxis_);
  auto* expressionY = new QValueAxis;
  expressionY->setRange(0, 1);
  expressionY->setTickCount(3);
  expressions->addAxis(expressionY, Qt::AlignBottom);
  expressionBars->attachAxis(expressionY);
  expressionView_ = makeView(expressions, 260, this);
  expressionView_->setObjectName("expressionChart");
  layout->addWidget(expressionView_, 2);
  clear();
}

ChartsPanel::~ChartsPanel() {
  if (!bars_->barSets().contains(second_)) delete second_;
}

void ChartsPanel::setAttributeNames(const QStringList& names) { names_ = names; }

void ChartsPanel::clear() {
  original_->remove(0, original_->count());
  edited_->remove(0, edited_->count());
  if (bars_->barSets().contains(second_)) bars_->take(second_);
  attributeAxis_->clear();
  identity_->clear();
  identitySecond_->clear();
  identityCount_ = 0;
  identityLabel_->setText(tr("Identity: —"));
  faceLabel_->setText(waitingFaceText());
  expressionView_->setVisible(false);
}

QString ChartsPanel::waitingFaceText() const {
  return faceAnalysis_ ? tr("Age, gender and expression appear here once a photo or face is open.")
                       : tr("Age, gender and expression need the face-api models (Tools ▸ Models).");
}

void ChartsPanel::setFaceAnalysisAvailable(bool available) {
  faceAnalysis_ = available;
  if (expressionView_->isHidden()) faceLabel_->setText(waitingFaceText());  // numbers on show stay
}

void ChartsPanel::showResult(const app::RenderResult& result) {
  const auto& now = result.probabilities;
  const auto& was = result.originalProbabilities.size() == now.size() ? result.originalProbabilities : now;
  if (!now.empty()) {
    // The attributes that moved most; among equals (nothing edited yet) the most probable ones.
    std::vector<int> order(now.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      const float da = std::abs(now[a] - was[a]), db = std::abs(now[b] - was[b]);
      if (std::abs(da - db) > 1e-4f) return da > db;
      return was[a] > was[b];
    });
    order.resize(std::min<size_t>(order.size(), kShownAttributes));
    // Horizontal bars draw the first category at the bottom: reverse so the largest change is on top.
    std::reverse(order.begin(), order.end());
    QStringList categories;
    QList<qreal> before, after, second;
    const auto& other = result.secondProbabilities;
    for (int k : order) {
      categories << (k < names_.size() ? names_[k] : QString::number(k));
      before << was[k];
      after << now[k];
      if (other.size() == now.size()) second << other[static_cast<size_t>(k)];
    }
    // The second face's bars only while there is one (a morph or mix).
    second_->remove(0, second_->count());
    if (!second.isEmpty()) {
      second_->append(second);
      if (!bars_->barSets().contains(second_)) bars_->append(second_);
    } else if (bars_->barSets().contains(second_)) {
      bars_->take(second_);
    }
    original_->remove(0, original_->count());
    edited_->remove(0, edited_->count());
    original_->append(before);
    edited_->append(after);
    attributeAxis_->clear();
    attributeAxis_->append(categories);
  }

  if (!std::isnan(result.identity)) {
    identity_->append(identityCount_, result.identity);
    ++identityCount_;
    if (identity_->count() > kIdentityHistory) identity_->remove(0);
    identityX_->setRange(std::max(0, identityCount_ - kIdentityHistory), std::max(1, identityCount_ - 1));
    QString text = tr("Identity: %1 / 100").arg(result.identity, 0, 'f', 1);
    if (!std::isnan(result.identitySecond)) {
      identitySecond_->append(identityCount_ - 1, result.identitySecond);
      text += " · " + tr("second face: %1 / 100").arg(result.identitySecond, 0, 'f', 1);
    }
    while (identitySecond_->count() > 0 && identitySecond_->at(0).x() < identityCount_ - kIdentityHistory)
      identitySecond_->remove(0);
    identityLabel_->setText(text);
  }

  const app::FaceReadout& face = result.edited;
  expressionView_->setVisible(face.valid);
  if (face.valid) {
    const app::FaceReadout& orig = result.original.valid ? result.original : face;
    const auto gender = [](float male) {
      return male >= 0.5f ? tr("male %1").arg(male, 0, 'f', 2) : tr("female %1").arg(1 - male, 0, 'f', 2);
    };
    faceLabel_->setText(tr("Age %1 → %2 · %3 → %4")
                            .arg(orig.age, 0, 'f', 0)
                            .arg(face.age, 0, 'f', 0)
                            .arg(gender(orig.maleProbability), gender(face.maleProbability)));
    QList<qreal> before(orig.expressions.begin(), orig.expressions.end());
    QList<qreal> after(face.expressions.begin(), face.expressions.end());
    expressionOriginal_->remove(0, expressionOriginal_->count());
    expressionEdited_->remove(0, expressionEdited_->count());
    expressionOriginal_->append(before);
    expressionEdited_->append(after);
  }
}

void ChartsPanel::showPhotoFaces(const std::vector<PhotoFace>& faces) {
  clear();
  if (faces.empty() || !faces.front().readout.valid) return;
  const QStringList expressions = expressionNames();
  QStringList lines;
  for (size_t i = 0; i < faces.size(); ++i) {
    const app::FaceReadout& r = faces[i].readout;
    if (!r.valid) continue;
    const auto top = std::max_element(r.expressions.begin(), r.expressions.end());
    const int expression = top == r.expressions.end() ? -1 : static_cast<int>(top - r.expressions.begin());
    const QString gender = r.maleProbability >= 0.5f ? tr("male (%1)").arg(r.maleProbability, 0, 'f', 2)
                                                     : tr("female (%1)").arg(1 - r.maleProbability, 0, 'f', 2);
    lines << tr("Face %1: about %2 years, %3, %4")
                 .arg(i + 1)
                 .arg(r.age, 0, 'f', 0)
                 .arg(gender)
                 .arg(expression >= 0 && expression < expressions.size() ? expressions[expression] : QString());
  }
  faceLabel_->setText(lines.join('\n'));
  QStringList alike;
  for (size_t i = 1; i < faces.size(); ++i) {
    const double d = faces[i].distanceToFirst;
    if (std::isnan(d)) continue;
    alike << tr("faces 1 and %1: distance %2, %3")
                 .arg(i + 1)
                 .arg(d, 0, 'f', 2)
                 .arg(d < 0.6 ? tr("likely the same person") : tr("different people"));
  }
  if (!alike.isEmpty()) identityLabel_->setText(tr("Identity: %1").arg(alike.join("; ")));
  const app::FaceReadout& first = faces.front().readout;
  expressionOriginal_->remove(0, expressionOriginal_->count());
  expressionEdited_->remove(0, expressionEdited_->count());
  expressionOriginal_->append(QList<qreal>(first.expressions.begin(), first.expressions.end()));
  expressionView_->setVisible(true);
}

QStringList ChartsPanel::shownAttributes() const { return attributeAxis_->categories(); }

std::vector<double> ChartsPanel::shownEdited() const {
  std::vector<double> out;
  for (int i = 0; i < edited_->count(); ++i) out.push_back(edited_->at(i));
  return out;
}

std::vector<double> ChartsPanel::shownOriginal() const {
  std::vector<double> out;
  for (int i = 0; i < original_->count(); ++i) out.push_back(original_->at(i));
  return out;
}

std::vector<double> ChartsPanel::shownSecond() const {
  std::vector<double> out;
  if (!bars_->barSets().contains(second_)) return out;
  for (int i = 0; i < second_->count(); ++i) out.push_back(second_->at(i));
  return out;
}

int ChartsPanel::identityPoints() const { return identity_->count(); }
QString ChartsPanel::identityText() const { return identityLabel_->text(); }
QString ChartsPanel::faceText() const { return faceLabel_->text(); }
bool ChartsPanel::expressionsVisible() const { return !expressionView_->isHidden(); }

}  // namespace facet::ui
