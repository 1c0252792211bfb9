#include "ui/menu_shortcut_priority.h"

#include <vector>

#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

namespace facet::ui {

MenuShortcutPriority::MenuShortcutPriority(QMainWindow* window) : QObject(window), window_(window) {
  qApp->installEventFilter(this);
}

bool MenuShortcutPriority::eventFilter(QObject* watched, QEvent* event) {
  auto* box = qobject_cast<QLineEdit*>(watched);
  if (event->type() != QEvent::ShortcutOverride || !box || box->window() != window_) return false;
  const QKeySequence pressed(static_cast<QKeyEvent*>(event)->keyCombination());
  std::vector<const QMenu*> menus;
  for (const QAction* top : window_->menuBar()->actions())
    if (top->menu()) menus.push_back(top->menu());
  while (!menus.empty()) {
    const QMenu* menu = menus.back();
    menus.pop_back();
    for (const QAction* action : menu->actions()) {
      if (action->menu()) menus.push_back(action->menu());
      if (action->isEnabled() && action->shortcuts().contains(pressed)) return true;  // the menu's shortcut runs
    }
  }
  return false;
}

}  // namespace facet::ui
