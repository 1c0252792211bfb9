// MainWindow: the "Two faces" dock — a view of the document's two-face state; the two-face workflow fills the
// slots and changes the operation.
#include <QDockWidget>
#include <QFileDialog>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QStatusBar>

#include "app/editor/edit_document.h"
#include "app/editor/editor.h"
#include "app/editor/open_workflow.h"
#include "app/editor/two_face_state.h"
#include "app/editor/two_face_workflow.h"
#include "core/edit/two_faces.h"
#include "ui/dock_panel.h"
#include "ui/main_window.h"
#include "ui/message_bar.h"
#include "ui/two_faces_panel.h"

namespace facet::ui {

void MainWindow::buildTwoFacesPanel() {
  QDockWidget* dock =
      addDockPanel(this, twoFaces_, tr("Two faces"), "twoFacesDock", "twoFaces", Qt::RightDockWidgetArea);
  dock->toggleViewAction()->setText(tr("&Two faces"));
  // Its texts wrap and its layer boxes take rows: in a short dock it scrolls instead of clipping them.
  auto* scroll = new QScrollArea(dock);
  scroll->setObjectName("twoFacesScroll");
  scroll->setWidgetResizable(true);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setWidget(twoFaces_);
  dock->setWidget(scroll);
  // A tab beside Text edits and Edited layers: the attribute sliders keep the height.
  tabifyDockWidget(textDock_, dock);
  textDock_->raise();
  app::TwoFaceWorkflow* workflow = editor_->twoFaces();
  connect(twoFaces_, &TwoFacesPanel::modeChosen, workflow, &app::TwoFaceWorkflow::setMode);
  connect(twoFaces_, &TwoFacesPanel::amountMoved, workflow, &app::TwoFaceWorkflow::moveAmount);
  connect(twoFaces_, &TwoFacesPanel::amountReleased, workflow, &app::TwoFaceWorkflow::releaseAmount);
  connect(twoFaces_, &TwoFacesPanel::mixLayersChanged, workflow, &app::TwoFaceWorkflow::setMixLayers);
  connect(twoFaces_, &TwoFacesPanel::faceRequested, this,
          [this, workflow](const QString& roleText, TwoFacesPanel::Source source, int recent) {
            const std::string role = roleText.toStdString();
            const QString name = app::TwoFaceWorkflow::roleName(role);
            const auto ask = [this](const QString& title, FileKind kind, const QString& filter) {
              const QString path = QFileDialog::getOpenFileName(this, title, editor_->files()->suggestedPath(kind), filter);
              return path.isEmpty() ? path : app::OpenWorkflow::rememberFolder(path);
            };
            if (source == TwoFacesPanel::Source::Photo) {
              const QString path = ask(tr("Photo of the %1 face").arg(name), FileKind::Session,
                                       tr("Images (*.png *.jpg *.jpeg *.bmp *.webp *.tif *.tiff)"));
              if (!path.isEmpty()) workflow->fromPhoto(role, path);
            } else if (source == TwoFacesPanel::Source::Wplus) {
              const QString path = ask(tr("W+ code of the %1 face").arg(name), FileKind::Wplus, tr("NumPy arrays (*.npy)"));
              if (!path.isEmpty()) workflow->fromWplus(role, path);
            } else if (source == TwoFacesPanel::Source::Random) {
              workflow->fromSeed(role, QRandomGenerator::global()->generate());
            } else {
              workflow->fromRecent(role, recent);
            }
          });
  connect(workflow, &app::TwoFaceWorkflow::message, this, [this](const QString& m) { statusBar()->showMessage(m); });
  connect(workflow, &app::TwoFaceWorkflow::problem, this, [this](const QString& m) { showProblem(m); });
  connect(workflow, &app::TwoFaceWorkflow::faceUsed, messageBar_, &MessageBar::dismiss);
  connect(workflow, &app::TwoFaceWorkflow::stateChanged, this, [this] { twoFaces_->showState(doc_->twoFaces()); });
  // The document changes the state (the workflow, undo, sessions, timeline playback): the panel follows.
  connect(doc_, &app::EditDocument::twoFacesChanged, this, [this] { twoFaces_->showState(doc_->twoFaces()); });
  connect(doc_, &app::EditDocument::recentFacesChanged, this,
          [this] { twoFaces_->setRecentFaces(doc_->recentFaces()); });
  connect(doc_, &app::EditDocument::editedLayersChanged, this,
          [this](const std::vector<bool>& mask) { twoFaces_->setLayerCount(static_cast<int>(mask.size())); });
}

}  // namespace facet::ui
