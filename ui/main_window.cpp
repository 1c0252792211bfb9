#include "ui/main_window.h"

#include <QAction>
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
#include <QVBoxLayout>

#include "facet_version.h"

namespace facet::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setWindowTitle(tr("Facet"));
  resize(1200, 800);
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
  edit->addAction(tr("&Undo"))->setEnabled(false);
  edit->addAction(tr("&Redo"))->setEnabled(false);

  menuBar()->addMenu(tr("&View"));
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
  auto* panel = new QLabel(tr("Attribute sliders appear here once a photo is open."), dock);
  panel->setWordWrap(true);
  panel->setMargin(12);
  dock->setWidget(panel);
  addDockWidget(Qt::RightDockWidgetArea, dock);

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

void MainWindow::quitAfter(int milliseconds) { QTimer::singleShot(milliseconds, qApp, &QApplication::quit); }

QString MainWindow::statusText() const { return statusBar()->currentMessage(); }

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About Facet"),
                     tr("Facet %1\nEdit the attributes of faces in photos and videos with StyleGAN2 and the "
                        "Latent Transformer.").arg(FACET_VERSION));
}

}  // namespace facet::ui
