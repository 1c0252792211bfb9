#include "ui/message_bar.h"

#include <utility>

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace facet::ui {

MessageBar::MessageBar(QWidget* parent) : QWidget(parent) {
  setObjectName("messageBar");
  setAttribute(Qt::WA_StyledBackground);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(8, 4, 4, 4);
  icon_ = new QLabel(this);
  layout->addWidget(icon_, 0, Qt::AlignTop);
  text_ = new QLabel(this);
  text_->setObjectName("messageText");
  text_->setWordWrap(true);
  text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(text_, 1);
  actions_ = new QHBoxLayout;
  layout->addLayout(actions_);
  close_ = new QToolButton(this);
  close_->setObjectName("messageClose");
  close_->setAutoRaise(true);
  close_->setText(QStringLiteral("✕"));
  close_->setToolTip(tr("Close this message"));
  connect(close_, &QToolButton::clicked, this, &MessageBar::dismiss);
  layout->addWidget(close_, 0, Qt::AlignTop);
  hide();
}

void MessageBar::showMessage(const QString& text, Kind kind) {
  kind_ = kind;
  clearActions();
  text_->setText(text);
  const QStyle::StandardPixmap icon = kind == Kind::Error     ? QStyle::SP_MessageBoxCritical
                                      : kind == Kind::Warning ? QStyle::SP_MessageBoxWarning
                                                              : QStyle::SP_MessageBoxInformation;
  const int side = style()->pixelMetric(QStyle::PM_SmallIconSize);
  icon_->setPixmap(style()->standardIcon(icon).pixmap(side, side));
  // Soft tints that stay readable in light and dark palettes.
  const char* tint = kind == Kind::Error     ? "rgba(220, 50, 47, 40)"
                     : kind == Kind::Warning ? "rgba(230, 160, 20, 45)"
                                             : "rgba(40, 120, 220, 35)";
  setStyleSheet(QString("#messageBar { background: %1; border-bottom: 1px solid palette(mid); }").arg(tint));
  show();
}

void MessageBar::setAction(const QString& text, std::function<void()> action) {
  clearActions();
  addAction(text, std::move(action));
}

void MessageBar::addAction(const QString& text, std::function<void()> action) {
  if (!action) return;
  auto* button = new QPushButton(text, this);
  button->setObjectName(actions_->count() == 0 ? "messageAction" : "messageAction" + QString::number(actions_->count()));
  connect(button, &QPushButton::clicked, this, std::move(action));
  actions_->addWidget(button, 0, Qt::AlignTop);
}

void MessageBar::clearActions() {
  // Later: the button being clicked may be the one whose action replaced the message.
  while (QLayoutItem* item = actions_->takeAt(0)) {
    if (QWidget* button = item->widget()) {
      button->hide();
      button->deleteLater();
    }
    delete item;
  }
}

void MessageBar::dismiss() {
  text_->clear();
  hide();
}

QString MessageBar::text() const { return isHidden() ? QString() : text_->text(); }

}  // namespace facet::ui
