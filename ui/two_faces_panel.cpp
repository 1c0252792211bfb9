#include "ui/two_faces_panel.h"

#include <cmath>
#include <iterator>

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

#include "app/editor/two_face_state.h"
#include "ui/layer_mask_panel.h"

namespace facet::ui {

namespace {
using edit::TwoFaceMode;
const TwoFaceMode kModes[] = {TwoFaceMode::None, TwoFaceMode::Morph, TwoFaceMode::Mix, TwoFaceMode::Expression};
}  // namespace

TwoFacesPanel::TwoFacesPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  modes_ = new QComboBox(this);
  modes_->setObjectName("twoFaceMode");
  modes_->addItem(tr("Off"));
  modes_->addItem(tr("Morph into a second face"));
  modes_->addItem(tr("Mix layers of a second face"));
  modes_->addItem(tr("Transfer an expression"));
  modes_->setToolTip(tr("Done before the attribute and text sliders: they then edit the morphed, mixed or "
                        "re-expressed face."));
  layout->addWidget(modes_);
  hint_ = new QLabel(this);
  hint_->setObjectName("twoFaceHint");
  hint_->setWordWrap(true);
  layout->addWidget(hint_);

  slots_.push_back(makeSlot("second", tr("Second face"), tr("The face to morph into or take layers from")));
  slots_.push_back(makeSlot("neutral", tr("Neutral face"),
                            tr("A face without the expression (best the same person as the expressive face)")));
  slots_.push_back(makeSlot("expressive", tr("Expressive face"), tr("The same face with the expression")));
  for (const Slot& slot : slots_) layout->addWidget(slot.row);

  amountLabel_ = new QLabel(this);
  amountLabel_->setObjectName("twoFaceAmountLabel");
  amountLabel_->setWordWrap(true);
  layout->addWidget(amountLabel_);
  amount_ = new QSlider(Qt::Horizontal, this);
  amount_->setObjectName("twoFaceAmount");
  amount_->setSingleStep(1);
  amount_->setPageStep(10);
  layout->addWidget(amount_);

  layers_ = new LayerMaskPanel(this);
  layers_->setObjectName("mixLayers");
  layers_->setPresetToolTip(tr("The layers taken from the second face: coarse ones hold pose and face shape, middle "
                               "ones features, fine ones colour and texture."));
  layers_->setSummaryVisible(false);
  layers_->setMask(edit::mix_layer_preset("coarse", layers_->layerCount()));
  layout->addWidget(layers_);
  layout->addStretch(1);

  connect(modes_, qOverload<int>(&QComboBox::activated), this, [this](int index) {
    if (index < 0 || index >= static_cast<int>(std::size(kModes))) return;
    layOut(kModes[index]);
    Q_EMIT modeChosen(kModes[index]);
  });
  connect(amount_, &QSlider::valueChanged, this, [this](int value) {
    updateAmountText();
    Q_EMIT amountMoved(sliderToAmount(value));
  });
  connect(amount_, &QSlider::sliderReleased, this, &TwoFacesPanel::amountReleased);
  // Keyboard and clicks on the groove move it without a press and release: each such step is a gesture.
  connect(amount_, &QSlider::actionTriggered, this, [this](int action) {
    if (action != QAbstractSlider::SliderMove)
      QMetaObject::invokeMethod(this, &TwoFacesPanel::amountReleased, Qt::QueuedConnection);
  });
  connect(layers_, &LayerMaskPanel::maskChanged, this, &TwoFacesPanel::mixLayersChanged);
  layOut(TwoFaceMode::None);
}

TwoFacesPanel::Slot TwoFacesPanel::makeSlot(const std::string& role, const QString& title, const QString& tip) {
  Slot slot;
  slot.role = role;
  slot.row = new QWidget(this);
  slot.row->setObjectName(QString::fromStdString(role) + "FaceRow");
  auto* row = new QHBoxLayout(slot.row);
  row->setContentsMargins(0, 0, 0, 0);
  auto* title_label = new QLabel(title + ":", slot.row);
  title_label->setToolTip(tip);
  row->addWidget(title_label);
  slot.name = new QLabel(tr("none"), slot.row);
  slot.name->setObjectName(QString::fromStdString(role) + "FaceName");
  slot.name->setTextInteractionFlags(Qt::TextSelectableByMouse);
  row->addWidget(slot.name, 1);
  slot.choose = new QToolButton(slot.row);
  slot.choose->setObjectName(QString::fromStdString(role) + "FaceChoose");
  slot.choose->setText(tr("Choose"));
  slot.choose->setToolTip(tip);
  slot.choose->setPopupMode(QToolButton::InstantPopup);
  auto* menu = new QMenu(slot.choose);
  const QString r = QString::fromStdString(role);
  menu->addAction(tr("Photo…"), this, [this, r] { Q_EMIT faceRequested(r, Source::Photo, -1); });
  menu->addAction(tr("W+ code (.npy)…"), this, [this, r] { Q_EMIT faceRequested(r, Source::Wplus, -1); });
  menu->addAction(tr("Random face"), this, [this, r] { Q_EMIT faceRequested(r, Source::Random, -1); });
  slot.recent = menu->addMenu(tr("Recent faces"));
  slot.recent->setEnabled(false);
  slot.choose->setMenu(menu);
  row->addWidget(slot.choose);
  return slot;
}

void TwoFacesPanel::setLayerCount(int count) {
  if (count == layers_->layerCount()) return;
  layers_->setLayerCount(count);
  layers_->setMask(edit::mix_layer_preset("coarse", count));
}

void TwoFacesPanel::layOut(TwoFaceMode mode) {
  const bool second = mode == TwoFaceMode::Morph || mode == TwoFaceMode::Mix;
  const bool expression = mode == TwoFaceMode::Expression;
  for (const Slot& slot : slots_) slot.row->setVisible(slot.role == "second" ? second : expression);
  amountLabel_->setVisible(mode != TwoFaceMode::None);
  amount_->setVisible(mode != TwoFaceMode::None);
  layers_->setVisible(mode == TwoFaceMode::Mix);
  {
    const QSignalBlocker block(amount_);
    // Expression λ may go below 0 (the opposite expression) and past 1 (a stronger one).
    if (expression) amount_->setRange(-kSteps, 2 * kSteps);
    else amount_->setRange(0, kSteps);
  }
  switch (mode) {
    case TwoFaceMode::None:
      hint_->setText(tr("Morph, mix or move the expression of the edited face with other faces: pick an operation."));
      break;
    case TwoFaceMode::Morph:
      hint_->setText(tr("w = λ·this face + (1 − λ)·second face, in W+ as Image2StyleGAN morphs photos."));
      break;
    case TwoFaceMode::Mix:
      hint_->setText(tr("The ticked layers come from the second face: coarse (0–3) pose and face shape, middle (4–7) "
                        "features, fine (8+) colour and texture."));
      break;
    case TwoFaceMode::Expression:
      hint_->setText(tr("w = this face + λ·(expressive − neutral): the change between two faces of one person, added "
                        "to this one."));
      break;
  }
  updateAmountText();
}

void TwoFacesPanel::updateAmountText() {
  const double a = sliderToAmount(amount_->value());
  switch (mode()) {
    case TwoFaceMode::Morph:
      amountLabel_->setText(tr("λ = %1 (1: this face, 0: the second face)").arg(a, 0, 'f', 2));
      break;
    case TwoFaceMode::Mix:
      amountLabel_->setText(tr("Strength %1 (1 takes the layers whole)").arg(a, 0, 'f', 2));
      break;
    case TwoFaceMode::Expression:
      amountLabel_->setText(tr("λ = %1 (0: no change, 1: the whole expression)").arg(a, 0, 'f', 2));
      break;
    case TwoFaceMode::None: amountLabel_->clear(); break;
  }
}

void TwoFacesPanel::showState(const app::TwoFaceState& state) {
  {
    const QSignalBlocker block(modes_);
    for (int i = 0; i < static_cast<int>(std::size(kModes)); ++i)
      if (kModes[i] == state.mode) modes_->setCurrentIndex(i);
  }
  layOut(state.mode);
  {
    const QSignalBlocker block(amount_);
    amount_->setValue(static_cast<int>(std::lround(state.amount * kSteps)));
  }
  updateAmountText();
  for (Slot& slot : slots_) {
    const std::optional<app::OtherFace>& face = state.slot(slot.role);
    slot.name->setText(face ? face->label : tr("none"));
    slot.name->setToolTip(face ? QString::fromStdString(face->origin.path) : QString());
  }
  if (!state.mixLayers.empty() && static_cast<int>(state.mixLayers.size()) == layers_->layerCount())
    layers_->setMask(state.mixLayers);
}

void TwoFacesPanel::setRecentFaces(const std::vector<app::OtherFace>& faces) {
  for (Slot& slot : slots_) {
    slot.recent->clear();
    const QString role = QString::fromStdString(slot.role);
    for (int i = 0; i < static_cast<int>(faces.size()); ++i)
      slot.recent->addAction(faces[static_cast<size_t>(i)].label, this,
                             [this, role, i] { Q_EMIT faceRequested(role, Source::Recent, i); });
    slot.recent->setEnabled(!faces.empty());
  }
}

edit::TwoFaceMode TwoFacesPanel::mode() const {
  const int i = modes_->currentIndex();
  return i >= 0 && i < static_cast<int>(std::size(kModes)) ? kModes[i] : TwoFaceMode::None;
}

double TwoFacesPanel::amount() const { return sliderToAmount(amount_->value()); }

QString TwoFacesPanel::faceText(const std::string& role) const {
  for (const Slot& slot : slots_)
    if (slot.role == role) return slot.name->text();
  return {};
}

QString TwoFacesPanel::amountText() const { return amountLabel_->text(); }

}  // namespace facet::ui
