#include "ui/preview_speed_menu.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QMenu>

#include "app/editor/edit_document.h"
#include "app/editor/editor.h"

namespace facet::ui {

namespace {
QString choiceText(double ms) {
  if (ms <= 0) return QCoreApplication::translate("PreviewSpeedMenu", "Always at full preview size");
  return QCoreApplication::translate("PreviewSpeedMenu", "Within %1 ms").arg(ms);
}
}  // namespace

void addPreviewSpeedMenu(QMenu* view, app::Editor* editor) {
  QMenu* menu = view->addMenu(QCoreApplication::translate("PreviewSpeedMenu", "Preview &speed"));
  menu->setObjectName("previewSpeedMenu");
  menu->setToolTipsVisible(true);
  auto* group = new QActionGroup(menu);
  for (const double ms : app::PreviewSettings::choices()) {
    QAction* action = menu->addAction(choiceText(ms));
    action->setObjectName(QString("previewBudget_%1").arg(ms));
    action->setToolTip(QCoreApplication::translate(
        "PreviewSpeedMenu", "While a slider moves, previews take at most this long: over it they are computed in a "
                            "faster precision first, then at a smaller size. At rest the image is always full size."));
    action->setCheckable(true);
    action->setChecked(ms == editor->document()->previewBudget());
    group->addAction(action);
    QObject::connect(action, &QAction::triggered, menu, [editor, ms] { editor->setPreviewBudget(ms); });
  }
}

}  // namespace facet::ui
