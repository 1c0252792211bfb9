#include "ui/text_slider_panel.h"

#include <algorithm>
#include <cmath>

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/edit/text_direction.h"

namespace facet::ui {

QString methodLabel(const edit::TextDirection& d) {
  const QString m = QString::fromStdString(d.method);
  if (m == "global") return TextSliderPanel::tr("global direction");
  if (m == "optimisation") return TextSliderPanel::tr("optimisation");
  if (m == "mapper") return TextSliderPanel::tr("mapper");
  return m.isEmpty() ? TextSliderPanel::tr("direction") : m;
}

TextSliderPanel::TextSliderPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  empty_ = new QLabel(tr("No text edits yet."), this);
  empty_->setObjectName("textEditsEmpty");
  layout->addWidget(empty_);
  auto* rows = new QWidget(this);
  rowsLayout_ = new QVBoxLayout(rows);
  rowsLayout_->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(rows);
  layout->addStretch(1);
  auto* add = new QPushButton(tr("Add text edit…"), this);
  add->setObjectName("addTextEdit");
  add->setToolTip(tr("Edit the face with a text prompt (StyleCLIP): global direction, optimisation, or a saved "
                     "direction file"));
  connect(add, &QPushButton::clicked, this, &TextSliderPanel::addRequested);
  layout->addWidget(add, 0, Qt::AlignRight);
}

int TextSliderPanel::toSteps(const Row& row, float alpha) const {
  const auto& d = *row.slider.direction;
  const double clamped = std::clamp<double>(alpha, d.alpha_min, d.alpha_max);
  return static_cast<int>(std::lround(clamped * kStepsPerUnit));
}

void TextSliderPanel::showSliders(const std::vector<TextSlider>& sliders) {
  QStringList wanted;
  for (const TextSlider& s : sliders) wanted << s.id;
  if (wanted != ids()) {
    for (Row& row : rows_) delete row.widget;
    rows_.clear();
    for (const TextSlider& s : sliders) addRow(s);
    empty_->setVisible(rows_.isEmpty());
    return;
  }
  quiet_ = true;
  for (int i = 0; i < rows_.size(); ++i) {
    rows_[i].slider.alpha = sliders[static_cast<size_t>(i)].alpha;
    rows_[i].control->setValue(toSteps(rows_[i], rows_[i].slider.alpha));
  }
  quiet_ = false;
}

void TextSliderPanel::addRow(const TextSlider& slider) {
  Row row;
  row.slider = slider;
  const QString id = slider.id;
  const auto& d = *row.slider.direction;
  row.widget = new QWidget(this);
  row.widget->setObjectName("textSlider_" + id);
  auto* line = new QHBoxLayout(row.widget);
  line->setContentsMargins(0, 0, 0, 0);
  const QString prompt = QString::fromStdString(d.prompt);
  auto* name = new QLabel(prompt, row.widget);
  name->setFixedWidth(140);
  name->setToolTip(d.neutral.empty() ? prompt : tr("%1 (neutral: %2)").arg(prompt, QString::fromStdString(d.neutral)));
  line->addWidget(name);
  auto* method = new QLabel(methodLabel(d), row.widget);
  method->setObjectName("textMethod");
  method->setStyleSheet("QLabel { color: palette(mid); }");
  line->addWidget(method);
  row.control = new QSlider(Qt::Horizontal, row.widget);
  row.control->setObjectName("textSliderControl");
  row.control->setRange(static_cast<int>(std::lround(d.alpha_min * kStepsPerUnit)),
                        static_cast<int>(std::lround(d.alpha_max * kStepsPerUnit)));
  row.control->setMinimumWidth(60);
  row.control->setToolTip(prompt);
  line->addWidget(row.control, 1);
  row.value = new QLabel(row.widget);
  row.value->setMinimumWidth(36);
  row.value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
  line->addWidget(row.value);
  auto* reset = new QToolButton(row.widget);
  reset->setObjectName("textReset");
  reset->setText(QStringLiteral("↺"));
  reset->setToolTip(tr("Reset %1").arg(prompt));
  line->addWidget(reset);
  auto* remove = new QToolButton(row.widget);
  remove->setObjectName("textRemove");
  remove->setText(QStringLiteral("✕"));
  remove->setToolTip(tr("Remove %1").arg(prompt));
  line->addWidget(remove);
  rowsLayout_->addWidget(row.widget);
  rows_.push_back(row);
  Row& added = rows_.back();
  quiet_ = true;
  added.control->setValue(toSteps(added, slider.alpha));
  quiet_ = false;
  added.value->setText(QString::number(added.slider.alpha, 'f', 2));

  // Rows are found by id in the handlers: indices shift when a row above is removed.
  connect(row.control, &QSlider::valueChanged, this, [this, id](int steps) {
    const int i = indexOf(id);
    if (i < 0) return;
    rows_[i].slider.alpha = static_cast<float>(steps) / kStepsPerUnit;
    rows_[i].value->setText(QString::number(rows_[i].slider.alpha, 'f', 2));
    if (!quiet_) Q_EMIT alphaMoved(id, rows_[i].slider.alpha);
  });
  connect(row.control, &QSlider::sliderReleased, this, &TextSliderPanel::released);
  connect(reset, &QToolButton::clicked, this, [this, id] {
    const int i = indexOf(id);
    if (i < 0) return;
    setAlpha(i, 0.0f);
    Q_EMIT released();
  });
  // Later: the row is rebuilt (deleted) while its button's signal is being delivered.
  connect(remove, &QToolButton::clicked, this, [this, id] { QMetaObject::invokeMethod(this, [this, id] { Q_EMIT removeRequested(id); }, Qt::QueuedConnection); });
}

QStringList TextSliderPanel::ids() const {
  QStringList out;
  for (const Row& row : rows_) out << row.slider.id;
  return out;
}

int TextSliderPanel::indexOf(const QString& id) const {
  for (int i = 0; i < rows_.size(); ++i)
    if (rows_[i].slider.id == id) return i;
  return -1;
}

std::vector<float> TextSliderPanel::alphas() const {
  std::vector<float> out;
  for (const Row& row : rows_) out.push_back(row.slider.alpha);
  return out;
}

void TextSliderPanel::setAlpha(int index, float alpha) {
  if (index < 0 || index >= rows_.size()) return;
  rows_[index].control->setValue(toSteps(rows_[index], alpha));
}

}  // namespace facet::ui
