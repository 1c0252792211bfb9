#include "ui/help_menu.h"

#include <QMenuBar>
#include <QMessageBox>

#include "app/editor/user_guide.h"
#include "facet_version.h"
#include "ui/menu_entries.h"

namespace facet::ui {

void HelpMenu::add(QMenuBar* bar, QWidget* window) {
  addEntries(bar->addMenu(tr("&Help")), window,
             {{tr("&User guide"), QKeySequence::HelpContents, "userGuideAction", [window] {
                 auto* guide = new QMessageBox(QMessageBox::NoIcon, tr("Facet user guide"), app::userGuideHtml(),
                                               QMessageBox::Close, window);
                 guide->setObjectName("userGuide");
                 guide->setTextFormat(Qt::RichText);
                 guide->setAttribute(Qt::WA_DeleteOnClose);
                 guide->open();
               }},
              {tr("&About Facet"), {}, nullptr, [window] {
                 QMessageBox::about(window, tr("About Facet"),
                                    tr("Facet %1\nEdit the attributes of faces in photos and videos with StyleGAN2 "
                                       "and the Latent Transformer.").arg(FACET_VERSION));
               }}});
}

}  // namespace facet::ui
