#include "ui/attribute_slider_panel.h"

#include <algorithm>
#include <cmath>

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

namespace facet::ui {

namespace {
int toSteps(float alpha) {
  const float clamped = std::clamp(alpha, AttributeSliderPanel::kMinAlpha, AttributeSliderPanel::kMaxAlpha);
  return static_cast<int>(std::lround(clamped * AttributeSliderPanel::kStepsPerUnit));
}
float toAlpha(int steps) { return static_cast<float>(steps) / AttributeSliderPanel::kStepsPerUnit; }
}  // namespace

AttributeSliderPanel::AttributeSliderPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  filter_ = new QLineEdit(this);
  filter_->setObjectName("attributeFilter");
  filter_->setPlaceholderText(tr("Filter attributes…"));
  filter_->setClearButtonEnabled(true);
  connect(filter_, &QLineEdit::textChanged, this, [this] { applyFilter(); });
  layout->addWidget(filter_);
  hint_ = new QLabel(this);
  hint_->setObjectName("attributeHint");
  hint_->setWordWrap(true);
  hint_->hide();
  layout->addWidget(hint_);

  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  content_ = new QWidget(scroll);
  new QVBoxLayout(content_);
  scroll->setWidget(content_);
  layout->addWidget(scroll, 1);

  auto* resetAllButton = resetAll_ = new QToolButton(this);
  resetAllButton->setObjectName("resetAll");
  resetAllButton->setText(tr("Reset all"));
  connect(resetAllButton, &QToolButton::clicked, this, &AttributeSliderPanel::resetAll);
  layout->addWidget(resetAllButton, 0, Qt::AlignRight);
}

void AttributeSliderPanel::setAttributes(const QVector<AttributeSlot>& attributes) {
  for (QGroupBox* box : groups_) delete box;
  groups_.clear();
  rows_.clear();
  auto* contentLayout = static_cast<QVBoxLayout*>(content_->layout());
  while (QLayoutItem* item = contentLayout->takeAt(0)) delete item;  // the stretch from the last build

  for (int index = 0; index < attributes.size(); ++index) {
    const AttributeSlot& slot = attributes[index];
    auto found = std::find_if(groups_.begin(), groups_.end(), [&](QGroupBox* b) { return b->title() == slot.group; });
    QGroupBox* box = found != groups_.end() ? *found : nullptr;
    if (!box) {
      box = new QGroupBox(slot.group, content_);
      new QVBoxLayout(box);
      contentLayout->addWidget(box);
      groups_.push_back(box);
    }

    Row row;
    row.slot = slot;
    row.box = box;
    row.widget = new QWidget(box);
    row.widget->setObjectName("attribute_" + slot.id);
    auto* line = new QHBoxLayout(row.widget);
    line->setContentsMargins(0, 0, 0, 0);
    auto* name = new QLabel(slot.displayName, row.widget);
    name->setFixedWidth(140);
    name->setToolTip(slot.displayName);
    line->addWidget(name);
    // Every row keeps the badge's slot, so the sliders line up whether or not the badge shows.
    auto* badge = new QLabel(row.widget);
    badge->setFixedWidth(badge->fontMetrics().horizontalAdvance(tr("linear")) + 10);
    badge->setAlignment(Qt::AlignCenter);
    if (!slot.movable) {
      badge->setObjectName("unavailableBadge");
      badge->setText(tr("none"));
      badge->setToolTip(slot.unavailableReason);
      name->setToolTip(slot.unavailableReason);
      badge->setStyleSheet("QLabel { color: palette(mid); border: 1px solid palette(mid); border-radius: 3px; }");
    } else if (!slot.hasTransformer) {
      badge->setObjectName("linearBadge");
      badge->setText(tr("linear"));
      badge->setToolTip(tr("No trained transformer for this attribute: a linear latent direction is used."));
      badge->setStyleSheet("QLabel { color: palette(highlighted-text); background: palette(highlight);"
                           " border-radius: 3px; }");
    }
    line->addWidget(badge);
    row.slider = new QSlider(Qt::Horizontal, row.widget);
    row.slider->setRange(toSteps(kMinAlpha), toSteps(kMaxAlpha));
    row.slider->setValue(0);
    row.slider->setToolTip(slot.displayName);
    row.slider->setMinimumWidth(60);
    line->addWidget(row.slider, 1);
    row.value = new QLabel(row.widget);
    row.value->setMinimumWidth(36);
    row.value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    line->addWidget(row.value);
    row.probability = new QLabel(QStringLiteral("–"), row.widget);
    row.probability->setMinimumWidth(36);
    row.probability->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    row.probability->setToolTip(tr("Classifier probability of this attribute in the edited face"));
    line->addWidget(row.probability);
    row.reset = new QToolButton(row.widget);
    row.reset->setText(QStringLiteral("↺"));
    row.reset->setToolTip(tr("Reset %1").arg(slot.displayName));
    line->addWidget(row.reset);
    box->layout()->addWidget(row.widget);
    rows_.push_back(row);
    updateValueLabel(rows_.back());

    connect(row.slider, &QSlider::valueChanged, this, [this, index] {
      updateValueLabel(rows_[index]);
      if (!quiet_) Q_EMIT alphasChanged(alphas());
    });
    connect(row.slider, &QSlider::sliderReleased, this, [this] { Q_EMIT editCommitted(alphas()); });
    connect(row.reset, &QToolButton::clicked, this, [this, index] {
      setAlpha(index, 0.0f);
      Q_EMIT editCommitted(alphas());
    });
  }
  contentLayout->addStretch(1);
  applyFilter();
  applyEnabled();
}

void AttributeSliderPanel::setEditingEnabled(bool on, const QString& why) {
  editingEnabled_ = on;
  hint_->setText(why);
  hint_->setVisible(!on && !why.isEmpty());
  applyEnabled();
}

void AttributeSliderPanel::applyEnabled() {
  for (Row& row : rows_) {
    const bool enabled = editingEnabled_ && row.slot.movable;
    row.slider->setEnabled(enabled);
    row.reset->setEnabled(enabled);
    if (!row.slot.movable) row.slider->setToolTip(row.slot.unavailableReason);
  }
  resetAll_->setEnabled(editingEnabled_);
}

bool AttributeSliderPanel::isRowEnabled(int index) const {
  return index >= 0 && index < rows_.size() && rows_[index].slider->isEnabled();
}

std::vector<float> AttributeSliderPanel::alphas() const {
  std::vector<float> values;
  values.reserve(rows_.size());
  for (const Row& row : rows_) values.push_back(toAlpha(row.slider->value()));
  return values;
}

void AttributeSliderPanel::setAlphas(const std::vector<float>& alphas) {
  quiet_ = true;
  for (int i = 0; i < rows_.size() && i < static_cast<int>(alphas.size()); ++i) rows_[i].slider->setValue(toSteps(alphas[i]));
  quiet_ = false;
}

void AttributeSliderPanel::setAlpha(int index, float alpha) {
  if (index < 0 || index >= rows_.size()) return;
  rows_[index].slider->setValue(toSteps(alpha));  // valueChanged emits alphasChanged when the value moved
}

void AttributeSliderPanel::resetAll() {
  const bool changed = std::any_of(rows_.begin(), rows_.end(), [](const Row& r) { return r.slider->value() != 0; });
  setAlphas(std::vector<float>(rows_.size(), 0.0f));
  if (changed) {
    Q_EMIT alphasChanged(alphas());
    Q_EMIT editCommitted(alphas());
  }
}

void AttributeSliderPanel::setProbabilities(const std::vector<float>& probabilities) {
  for (int i = 0; i < rows_.size(); ++i) {
    const bool known = i < static_cast<int>(probabilities.size());
    rows_[i].probability->setText(known ? QString::number(probabilities[i], 'f', 2) : QStringLiteral("–"));
  }
}

QString AttributeSliderPanel::probabilityText(int index) const {
  return index >= 0 && index < rows_.size() ? rows_[index].probability->text() : QString();
}

void AttributeSliderPanel::setFilter(const QString& text) { filter_->setText(text); }

bool AttributeSliderPanel::isRowVisible(int index) const {
  return index >= 0 && index < rows_.size() && !rows_[index].widget->isHidden() && !rows_[index].box->isHidden();
}

void AttributeSliderPanel::updateValueLabel(Row& row) {
  row.value->setText(QString::asprintf("%+.2f", toAlpha(row.slider->value())));
}

void AttributeSliderPanel::applyFilter() {
  const QString needle = filter_->text().trimmed();
  for (Row& row : rows_) {
    const bool match = needle.isEmpty() || row.slot.displayName.contains(needle, Qt::CaseInsensitive) ||
                       row.slot.id.contains(needle, Qt::CaseInsensitive) ||
                       row.slot.group.contains(needle, Qt::CaseInsensitive);
    row.widget->setHidden(!match);
  }
  for (QGroupBox* box : groups_) {
    const bool any = std::any_of(rows_.begin(), rows_.end(), [&](const Row& r) { return r.box == box && !r.widget->isHidden(); });
    box->setHidden(!any);
  }
}

}  // namespace facet::ui
