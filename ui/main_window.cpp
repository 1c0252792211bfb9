#include "ui/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageReader>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include "app/editor/render_controller.h"
#include "facet_version.h"
#include "ui/attribute_edit_command.h"
#include "ui/language.h"
#ifdef FACET_WITH_TIMELINE
#include "ui/timeline_panel.h"
#endif

namespace facet::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setWindowTitle(tr("Facet"));
  resize(1200, 800);
  undo_ = new QUndoStack(this);
  renderer_ = new app::RenderController(nullptr, this);
  connect(renderer_, &app::RenderController::resultReady, this, &MainWindow::showResult);
  buildMenus();
  buildPanels();
  statusBar()->showMessage(tr("Open a photo to begin (File ▸ Open)."));
}

void MainWindow::buildMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::showOpenDialog);
  open->setShortcut(QKeySequence::Open);
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
  quit->setShortcut(QKeySequence::Quit);

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* undo = undo_->createUndoAction(this, tr("&Undo"));
  undo->setShortcut(QKeySequence::Undo);
  edit->addAction(undo);
  QAction* redo = undo_->createRedoAction(this, tr("&Redo"));
  redo->setShortcut(QKeySequence::Redo);
  edit->addAction(redo);
  edit->addSeparator();
  QAction* resetAll = edit->addAction(tr("Reset &all attributes"), this, [this] { sliders_->resetAll(); });
  resetAll->setObjectName("resetAllAction");
  resetAll->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));

  QMenu* view = menuBar()->addMenu(tr("&View"));
  QMenu* language = view->addMenu(tr("&Language"));
  auto* languages = new QActionGroup(this);
  for (const QString& code : availableLanguages()) {
    QAction* action = language->addAction(languageName(code));
    action->setObjectName("language_" + code);
    action->setCheckable(true);
    action->setChecked(code == (savedLanguage().isEmpty() ? QString("en") : savedLanguage()));
    languages->addAction(action);
    connect(action, &QAction::triggered, this, [this, code] {
      saveLanguage(code);
      statusBar()->showMessage(tr("The language changes when Facet restarts."));
    });
  }
  menuBar()->addMenu(tr("&Tools"));
  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About Facet"), this, &MainWindow::showAbout);
}

void MainWindow::buildPanels() {
  preview_ = new QLabel(tr("No photo open"), this);
  preview_->setObjectName("preview");
  preview_->setAlignment(Qt::AlignCenter);
  preview_->setMinimumSize(512, 512);
  setCentralWidget(preview_);

  auto* dock = new QDockWidget(tr("Attributes"), this);
  dock->setObjectName("attributesDock");
  sliders_ = new AttributeSliderPanel(dock);
  sliders_->setObjectName("attributeSliders");
  sliders_->setMinimumWidth(380);
  dock->setWidget(sliders_);
  addDockWidget(Qt::RightDockWidgetArea, dock);
  connect(sliders_, &AttributeSliderPanel::alphasChanged, this,
          [this](const std::vector<float>& alphas) { renderer_->setAlphas(alphas); });
  connect(sliders_, &AttributeSliderPanel::editCommitted, this, &MainWindow::commitEdit);
#ifdef FACET_WITH_TIMELINE
  installTimeline(this, sliders_, renderer_);  // video room: record / play / render timelines, edit videos
#endif

  timingLabel_ = new QLabel(this);
  timingLabel_->setObjectName("timingLabel");
  statusBar()->addPermanentWidget(timingLabel_);
  deviceLabel_ = new QLabel(tr("device: cpu"), this);
  statusBar()->addPermanentWidget(deviceLabel_);
}

void MainWindow::showOpenDialog() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Open photo"), QString(),
                                                    tr("Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)"));
  if (!path.isEmpty()) openPhoto(path);
}

void MainWindow::openPhoto(const QString& path) {
  QImageReader reader(path);
  reader.setAutoTransform(true);  // honour EXIF orientation
  const QImage image = reader.read();
  if (image.isNull()) {
    const QString message = tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), reader.errorString());
    statusBar()->showMessage(message);
    return;
  }
  currentPath_ = path;
  preview_->setPixmap(QPixmap::fromImage(image).scaled(preview_->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation));
  statusBar()->showMessage(tr("Opened %1 (%2×%3)").arg(QFileInfo(path).fileName()).arg(image.width()).arg(image.height()));
}

void MainWindow::setAttributes(const QVector<AttributeSlot>& attributes) {
  sliders_->setAttributes(attributes);
#ifdef FACET_WITH_TIMELINE
  if (auto* timeline = findChild<TimelinePanel*>()) timeline->setAttributes(attributes);
#endif
  committed_ = sliders_->alphas();
  undo_->clear();
}

void MainWindow::setRenderBackend(std::unique_ptr<app::RenderBackend> backend) {
  renderer_->setBackend(std::move(backend));
  renderer_->renderFull(sliders_->alphas());
}

void MainWindow::commitEdit(const std::vector<float>& alphas) {
  if (alphas == committed_) return;
  undo_->push(new AttributeEditCommand(committed_, alphas, [this](const std::vector<float>& a) { applyAlphas(a); },
                                       tr("Change attributes")));
  committed_ = alphas;
}

void MainWindow::applyAlphas(const std::vector<float>& alphas) {
  sliders_->setAlphas(alphas);
  committed_ = alphas;
  renderer_->renderFull(alphas);
}

void MainWindow::showResult(const app::RenderResult& result) {
  if (!result.ok()) {
    statusBar()->showMessage(result.error);
    return;
  }
  lastResult_ = result;
  // The old image stays until the new one arrives; a preview is scaled up to the same on-screen size.
  preview_->setPixmap(QPixmap::fromImage(result.image).scaled(preview_->size(), Qt::KeepAspectRatio,
                                                              Qt::SmoothTransformation));
  sliders_->setProbabilities(result.probabilities);
  const QString kind = result.quality == app::RenderQuality::Preview ? tr("preview") : tr("full");
  timingLabel_->setText(tr("%1 ms/%2").arg(result.timings.total_ms, 0, 'f', 0).arg(kind));
  Q_EMIT previewUpdated();
}

void MainWindow::quitAfter(int milliseconds) { QTimer::singleShot(milliseconds, qApp, &QApplication::quit); }

MainWindow::~MainWindow() = default;

QString MainWindow::statusText() const { return statusBar()->currentMessage(); }

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About Facet"),
                     tr("Facet %1\nEdit the attributes of faces in photos and videos with StyleGAN2 and the "
                        "Latent Transformer.").arg(FACET_VERSION));
}

}  // namespace facet::ui
