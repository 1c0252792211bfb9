#pragma once
// Menus as tables: each entry is its text, shortcut, object name (saved states and tests find actions by it) and
// what it does; addEntries puts a table into a menu in order.
#include <functional>
#include <initializer_list>

#include <QAction>
#include <QKeySequence>
#include <QList>
#include <QMenu>
#include <QString>

namespace facet::ui {

struct MenuEntry {
  QString text;  // empty: a separator
  QKeySequence shortcut = {};
  const char* name = nullptr;
  std::function<void()> run = nullptr;
};

inline QList<QAction*> addEntries(QMenu* menu, QObject* context, std::initializer_list<MenuEntry> entries) {
  QList<QAction*> actions;
  for (const MenuEntry& entry : entries) {
    if (entry.text.isEmpty()) {
      actions << menu->addSeparator();
      continue;
    }
    QAction* action = menu->addAction(entry.text, context, entry.run);
    action->setShortcut(entry.shortcut);
    if (entry.name) action->setObjectName(entry.name);
    actions << action;
  }
  return actions;
}

}  // namespace facet::ui
