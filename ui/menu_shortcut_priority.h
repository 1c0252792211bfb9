#pragma once
// Text boxes would take Ctrl+Z, Ctrl+E… for themselves; in a window with menus, the menus' shortcuts win
// instead — in the window's own text boxes and in those of its dialogs and docks made later (it watches the
// application's events for them).
#include <QObject>

class QMainWindow;

namespace facet::ui {

class MenuShortcutPriority : public QObject {
  Q_OBJECT
 public:
  explicit MenuShortcutPriority(QMainWindow* window);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  QMainWindow* window_;
};

}  // namespace facet::ui
