#pragma once
// Help: the user guide (F1; app::userGuideHtml, translated) and About.
#include <QCoreApplication>

class QMenuBar;
class QWidget;

namespace facet::ui {

class HelpMenu {
  Q_DECLARE_TR_FUNCTIONS(HelpMenu)
 public:
  static void add(QMenuBar* bar, QWidget* window);
};

}  // namespace facet::ui
