// MainWindow: the "Two faces" dock — a second face to morph into or mix layers from, or a neutral and an expressive
// face whose difference is added to the edited face. The faces come from photos (embedded off the GUI thread with
// the same pipeline as the edited face), W+ files, random draws or the recent faces; the document holds the state,
// renders it and makes the undo steps.
#include <atomic>
#include <memory>

#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPointer>
#include <QProgressDialog>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

#include "app/editor/edit_document.h"
#include "app/editor/two_face_state.h"
#include "core/edit/two_faces.h"
#include "ui/dock_panel.h"
#ifdef FACET_WITH_VISION
#include "core/pipeline/photo_pipeline.h"
#endif
#include "ui/main_window.h"
#include "ui/message_bar.h"
#include "ui/two_faces_panel.h"

namespace facet::ui {

namespace {
QString roleName(const std::string& role) {
  if (role == "neutral") return MainWindow::tr("neutral");
  if (role == "expressive") return MainWindow::tr("expressive");
  return MainWindow::tr("second");
}

QString modeName(edit::TwoFaceMode mode) {
  switch (mode) {
    case edit::TwoFaceMode::Morph: return MainWindow::tr("morph");
    case edit::TwoFaceMode::Mix: return MainWindow::tr("mix layers");
    case edit::TwoFaceMode::Expression: return MainWindow::tr("transfer an expression");
    case edit::TwoFaceMode::None: break;
  }
  return MainWindow::tr("off");
}

// What is still missing before the operation changes the face ("" when nothing is).
QString missingFaces(const app::TwoFaceState& state) {
  switch (state.mode) {
    case edit::TwoFaceMode::Morph:
    case edit::TwoFaceMode::Mix:
      return state.second ? QString() : MainWindow::tr("Choose the second face (Two faces ▸ Choose).");
    case edit::TwoFaceMode::Expression:
      return state.neutral && state.expressive
                 ? QString()
                 : MainWindow::tr("Choose a neutral and an expressive face, best two photos of one person (Two faces "
                                  "▸ Choose).");
    case edit::TwoFaceMode::None: break;
  }
  return {};
}
}  // namespace

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
  if (auto* text = findChild<QDockWidget*>("textEditsDock")) {
    tabifyDockWidget(text, dock);
    text->raise();
  }
  connect(twoFaces_, &TwoFacesPanel::modeChosen, this, &MainWindow::setTwoFaceMode);
  connect(twoFaces_, &TwoFacesPanel::amountMoved, this, [this](double amount) {
    app::TwoFaceState state = doc_->twoFaces();
    state.amount = amount;
    doc_->setTwoFaces(state);
  });
  connect(twoFaces_, &TwoFacesPanel::amountReleased, this,
          [this] { doc_->commitTwoFaces(tr("Change %1").arg(modeName(doc_->twoFaces().mode))); });
  connect(twoFaces_, &TwoFacesPanel::mixLayersChanged, this, [this](const std::vector<bool>& layers) {
    app::TwoFaceState state = doc_->twoFaces();
    state.mixLayers = layers;
    if (doc_->setTwoFaces(state)) doc_->commitTwoFaces(tr("Change the mixed layers"));
  });
  connect(twoFaces_, &TwoFacesPanel::faceRequested, this,
          [this](const QString& role, TwoFacesPanel::Source source, int recent) {
            requestOtherFace(role, static_cast<int>(source), recent);
          });
  // The document changes the state too (undo, sessions, timeline playback): the panel follows.
  connect(doc_, &app::EditDocument::twoFacesChanged, this, [this] { twoFaces_->showState(doc_->twoFaces()); });
  connect(doc_, &app::EditDocument::recentFacesChanged, this,
          [this] { twoFaces_->setRecentFaces(doc_->recentFaces()); });
  connect(doc_, &app::EditDocument::editedLayersChanged, this,
          [this](const std::vector<bool>& mask) { twoFaces_->setLayerCount(static_cast<int>(mask.size())); });
}

void MainWindow::setTwoFaceMode(edit::TwoFaceMode mode) {
  app::TwoFaceState state = doc_->twoFaces();
  state.mode = mode;
  state.amount = edit::starting_amount(mode);
  if (mode == edit::TwoFaceMode::Mix && doc_->models())
    state.mixLayers = edit::mix_layer_preset("coarse", doc_->models()->generator->n_latent());
  if (!doc_->setTwoFaces(state)) {
    twoFaces_->showState(doc_->twoFaces());
    return;
  }
  doc_->commitTwoFaces(tr("Two faces: %1").arg(modeName(mode)));
  twoFaces_->showState(state);
  const QString missing = missingFaces(state);
  statusBar()->showMessage(missing.isEmpty() ? tr("Two faces: %1").arg(modeName(mode)) : missing);
}

void MainWindow::useOtherFace(const std::string& role, const app::OtherFace& face) {
  app::TwoFaceState state = doc_->twoFaces();
  state.slot(role) = face;
  // The slot decides the operation when none is on, or when the one on does not use the slot.
  const bool secondRole = role == "second";
  const bool usesSecond = state.mode == edit::TwoFaceMode::Morph || state.mode == edit::TwoFaceMode::Mix;
  if (state.mode == edit::TwoFaceMode::None || secondRole != usesSecond) {
    state.mode = secondRole ? edit::TwoFaceMode::Morph : edit::TwoFaceMode::Expression;
    state.amount = edit::starting_amount(state.mode);
  }
  if (!doc_->setTwoFaces(state)) return;
  messageBar_->dismiss();  // an earlier failure to get a face no longer applies
  doc_->addRecentFace(face);
  doc_->commitTwoFaces(tr("Choose the %1 face").arg(roleName(role)));
  twoFaces_->showState(state);
  const QString missing = missingFaces(state);
  statusBar()->showMessage(missing.isEmpty() ? tr("The %1 face is %2").arg(roleName(role), face.label) : missing);
}

void MainWindow::sampleOtherFace(const std::string& role, uint64_t seed) {
  const auto models = doc_->models();
  if (!models) {
    showProblem(tr("No generator is loaded. Open Tools ▸ Models to install or locate one."));
    return;
  }
  try {
    useOtherFace(role, app::otherFaceFromSeed(*models->generator, seed));  // the mapping network alone: milliseconds
  } catch (const std::exception& e) {
    showProblem(QString::fromStdString(e.what()));
  }
}

void MainWindow::requestOtherFace(const QString& roleText, int source, int recent) {
  const std::string role = roleText.toStdString();
  const auto models = doc_->models();
  if (!models) {
    showProblem(tr("No generator is loaded. Open Tools ▸ Models to install or locate one."));
    return;
  }
  switch (static_cast<TwoFacesPanel::Source>(source)) {
    case TwoFacesPanel::Source::Photo: {
      const QString path = QFileDialog::getOpenFileName(this, tr("Photo of the %1 face").arg(roleName(role)),
                                                        QFileInfo(suggestedPath(FileKind::Session)).absolutePath(),
                                                        tr("Images (*.png *.jpg *.jpeg *.bmp *.webp *.tif *.tiff)"));
      if (path.isEmpty()) return;
      rememberFolder(path);
      openOtherFacePhoto(role, path);
      return;
    }
    case TwoFacesPanel::Source::Wplus: {
      const QString path = QFileDialog::getOpenFileName(this, tr("W+ code of the %1 face").arg(roleName(role)),
                                                        suggestedPath(FileKind::Wplus), tr("NumPy arrays (*.npy)"));
      if (path.isEmpty()) return;
      rememberFolder(path);
      try {
        useOtherFace(role, app::otherFaceFromWplus(*models->generator, path));
      } catch (const std::exception& e) {
        showProblem(tr("Cannot use %1: %2").arg(QFileInfo(path).fileName(), QString::fromStdString(e.what())));
      }
      return;
    }
    case TwoFacesPanel::Source::Random:
      sampleOtherFace(role, QRandomGenerator::global()->generate());
      return;
    case TwoFacesPanel::Source::Recent:
      if (recent >= 0 && recent < static_cast<int>(doc_->recentFaces().size()))
        useOtherFace(role, doc_->recentFaces()[static_cast<size_t>(recent)]);
      return;
  }
}

#ifdef FACET_WITH_VISION
namespace {
struct FoundOutcome {
  app::OtherFacePhoto photo;
  QString error;
};
struct OtherFaceOutcome {
  app::OtherFace face;
  QString error;
};
}  // namespace

void MainWindow::openOtherFacePhoto(const std::string& role, const QString& path) {
  const auto models = doc_->models();
  if (!models) {
    showProblem(tr("No generator is loaded. Open Tools ▸ Models to install or locate one."));
    return;
  }
  // Found on the pool, the face chosen here when there are several, then embedded on the pool; one progress
  // dialog and one cancel for both.
  auto cancel = std::make_shared<std::atomic<bool>>(false);
  auto* progress = new QProgressDialog(tr("Finding and embedding the %1 face in %2…")
                                           .arg(roleName(role), QFileInfo(path).fileName()),
                                       tr("Cancel"), 0, 0, this);
  progress->setObjectName("otherFaceProgress");
  progress->setWindowModality(Qt::WindowModal);
  progress->setMinimumDuration(400);
  progress->setAutoClose(false);
  progress->setAutoReset(false);
  connect(progress, &QProgressDialog::canceled, this, [cancel] { *cancel = true; });
  const auto fail = [this, role, path, progress, cancel](const QString& error) {
    progress->deleteLater();
    if (*cancel) statusBar()->showMessage(tr("The %1 face was not changed.").arg(roleName(role)));
    else showProblem(tr("Cannot use %1: %2").arg(QFileInfo(path).fileName(), error));
  };

  auto* finder = new QFutureWatcher<FoundOutcome>(this);
  connect(finder, &QFutureWatcher<FoundOutcome>::finished, this, [this, finder, progress, cancel, role, models, fail] {
    const FoundOutcome found = finder->result();
    finder->deleteLater();
    if (*cancel || !found.error.isEmpty()) {
      fail(found.error);
      return;
    }
    int index = 0;
    if (found.photo.faceCount > 1) {
      index = askWhichFace(found.photo.found->faces,
                           tr("%1 faces were found. Which one is the %2 face?").arg(found.photo.faceCount)
                               .arg(roleName(role)));
      if (index < 0 || index >= found.photo.faceCount) {
        *cancel = true;
        fail({});
        return;
      }
    }
    const int steps = refinementSteps();
    auto* embedder = new QFutureWatcher<OtherFaceOutcome>(this);
    connect(embedder, &QFutureWatcher<OtherFaceOutcome>::finished, this,
            [this, embedder, progress, cancel, role, fail] {
              const OtherFaceOutcome outcome = embedder->result();
              embedder->deleteLater();
              if (*cancel || !outcome.error.isEmpty()) {
                fail(outcome.error);
                return;
              }
              progress->deleteLater();
              useOtherFace(role, outcome.face);
            });
    embedder->setFuture(QtConcurrent::run([models, photo = found.photo, index, steps, cancel] {
      OtherFaceOutcome outcome;
      try {
        outcome.face = app::embedOtherFacePhoto(*models, photo, index, steps, cancel.get());
      } catch (const std::exception& e) {
        outcome.error = QString::fromStdString(e.what());
      }
      return outcome;
    }));
  });
  finder->setFuture(QtConcurrent::run([path] {
    FoundOutcome outcome;
    try {
      outcome.photo = app::findOtherFacePhoto(path);
    } catch (const std::exception& e) {
      outcome.error = QString::fromStdString(e.what());
    }
    return outcome;
  }));
}
#else
void MainWindow::openOtherFacePhoto(const std::string&, const QString&) {
  showProblem(tr("This build of Facet cannot find faces in photos; use a W+ code or a random face."));
}
#endif

}  // namespace facet::ui
