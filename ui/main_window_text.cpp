// MainWindow: text edits (StyleCLIP directions as sliders). The "Text edits" dock sits under the attribute
// sliders; its values travel with every render request and are applied after the attribute edits. Sessions embed
// each direction (its JSON) with its α, so a session file is complete on its own.
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSignalBlocker>
#include <QStandardPaths>
#include <QStatusBar>
#include <QUndoStack>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "app/editor/edit_document.h"
#include "app/editor/render_controller.h"
#include "app/editor/undo_commands.h"
#include "core/models/model_paths.h"
#include "ui/dock_panel.h"
#include "ui/main_window.h"
#include "ui/text_edit_dialog.h"
#include "ui/text_slider_panel.h"
#ifdef FACET_WITH_VISION
#include "app/editor/timeline_model.h"
#endif

namespace facet::ui {

void MainWindow::buildTextPanel() {
  QDockWidget* dock = addDockPanel(this, textPanel_, tr("Text edits"), "textEditsDock", "textSliders",
                                   Qt::RightDockWidgetArea);
  if (auto* attributes = findChild<QDockWidget*>("attributesDock")) splitDockWidget(attributes, dock, Qt::Vertical);
  connect(textPanel_, &TextSliderPanel::textEditsChanged, this, &MainWindow::sendTextEdits);
  connect(textPanel_, &TextSliderPanel::slidersChanged, this, [this] {
    // Adding or removing a slider is not an undo step; the undo point follows the new list.
    committedText_ = textPanel_->alphas();
  });
  connect(textPanel_, &TextSliderPanel::editCommitted, this, &MainWindow::commitTextEdit);
  connect(textPanel_, &TextSliderPanel::sliderRemovedByUser, this,
          [this](const TextSlider& slider) { pushTextSliderStep(slider, false); });
  connect(textPanel_, &TextSliderPanel::addRequested, this, [this] { showAddTextEdit(); });
#ifdef FACET_WITH_VISION
  // The timeline records text slider moves beside the attribute ones and plays them back.
  if (app::TimelineModel* model = doc_->timeline()) {
    connect(textPanel_, &TextSliderPanel::slidersChanged, model,
            [this, model] { model->setTextSliders(textPanel_->ids()); });
    connect(textPanel_, &TextSliderPanel::textEditsChanged, model,
            [this, model] { model->recordTextChange(textPanel_->ids(), textPanel_->alphas()); });
    connect(model, &app::TimelineModel::textAlphasAt, this, [this](const QStringList& keys, const std::vector<float>& a) {
      std::vector<float> alphas = textPanel_->alphas();
      for (int k = 0; k < keys.size() && k < static_cast<int>(a.size()); ++k) {
        const int i = textPanel_->indexOf(keys[k]);
        if (i >= 0) alphas[static_cast<size_t>(i)] = a[static_cast<size_t>(k)];
      }
      textPanel_->setAlphas(alphas);  // quietly: playback is not a new edit
      doc_->renderer()->setTextEdits(textPanel_->values());
    });
  }
#endif
}

void MainWindow::sendTextEdits() { doc_->setTextEdits(textPanel_->values()); }

void MainWindow::commitTextEdit(const std::vector<float>& alphas) {
  if (alphas == committedText_) return;
  // Both sides follow the slider list of this moment; sliders added or removed later must not shift them, so the
  // values are put back by slider id (a removed slider's value is skipped).
  const QStringList ids = textPanel_->ids();
  doc_->undoStack()->push(new app::ValuesCommand(
      committedText_, alphas,
      [this, ids](const std::vector<float>& a) {
        std::vector<float> current = textPanel_->alphas();
        for (int k = 0; k < ids.size() && k < static_cast<int>(a.size()); ++k) {
          const int i = textPanel_->indexOf(ids[k]);
          if (i >= 0) current[static_cast<size_t>(i)] = a[static_cast<size_t>(k)];
        }
        textPanel_->setAlphas(current);
        committedText_ = textPanel_->alphas();
        sendTextEdits();
      },
      tr("Change text edits")));
  committedText_ = alphas;
}

void MainWindow::pushTextSliderStep(const TextSlider& slider, bool added) {
  // Re-added sliders keep their id, so timeline keys and earlier undo steps (which go by id) still find them.
  const QString id = slider.id;
  const auto direction = slider.direction;
  const float alpha = slider.alpha;
  auto add = [this, id, direction, alpha] {
    if (textPanel_->indexOf(id) < 0) textPanel_->addSlider(direction, alpha, id);
  };
  auto remove = [this, id] {
    const int i = textPanel_->indexOf(id);
    if (i >= 0) textPanel_->removeSlider(i);
  };
  const QString prompt = QString::fromStdString(direction->prompt);
  doc_->undoStack()->push(added ? new app::AppliedCommand(remove, add, tr("Add the text edit \"%1\"").arg(prompt))
                                : new app::AppliedCommand(add, remove, tr("Remove the text edit \"%1\"").arg(prompt)));
}

bool MainWindow::addTextDirection(std::shared_ptr<const edit::TextDirection> direction, float alpha, QString* id) {
  if (!direction || !direction->delta.defined()) return false;
  if (const auto models = doc_->models()) {
    // A direction made for another generator would only fail at render time; say so now.
    const auto& g = *models->generator;
    bool fits = true;
    if (direction->kind == edit::TextDirectionKind::Latent) {
      fits = direction->delta.dim() == 2 && direction->delta.size(0) == g.n_latent() &&
             direction->delta.size(1) == g.style_dim();
    } else {
      torch::InferenceMode guard;  // the style sizes of this generator (one mapping-free pass: cheap)
      const auto styles = g.styles(torch::zeros({1, g.n_latent(), g.style_dim()}, g.device()));
      fits = styles.size() == direction->style_sizes.size();
      for (size_t i = 0; fits && i < styles.size(); ++i) fits = styles[i].size(-1) == direction->style_sizes[i];
    }
    if (!fits) {
      statusBar()->showMessage(tr("The text direction \"%1\" was made for another generator.")
                                   .arg(QString::fromStdString(direction->prompt)));
      return false;
    }
  }
  const QString made = textPanel_->addSlider(std::move(direction), alpha);
  if (id) *id = made;
  pushTextSliderStep(textPanel_->slider(textPanel_->indexOf(made)), true);
  statusBar()->showMessage(tr("Added the text edit \"%1\"").arg(QString::fromStdString(textPanel_->slider(
                                                                 textPanel_->indexOf(made)).direction->prompt)));
  return true;
}

bool MainWindow::loadTextDirection(const QString& path) {
  try {
    return addTextDirection(
        std::make_shared<const edit::TextDirection>(edit::load_text_direction(QFile::encodeName(path).toStdString())));
  } catch (const std::exception& e) {
    statusBar()->showMessage(tr("Cannot load the text direction: %1").arg(QString::fromStdString(e.what())));
    return false;
  }
}

TextEditDialog* MainWindow::showAddTextEdit() {
  app::TextEditJob job;
  if (const auto models = doc_->models()) {
    job.generator = models->files.generator;
    job.device = models->device;
    job.clip = models->files.clip;
    job.vocab = models->files.clip_vocab;
  }
  if (clipOverride_.size() == 2) {
    job.clip = clipOverride_[0].toStdString();
    job.vocab = clipOverride_[1].toStdString();
  }
  if (doc_->hasFace()) job.wplus = doc_->wplus();
  job.cache_dir = textCacheDir_.isEmpty() ? models::user_models_dir() + "/relevance" : textCacheDir_.toStdString();
  auto* dialog = new TextEditDialog(job, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QDialog::accepted, this, [this, dialog] {
    if (dialog->direction()) addTextDirection(dialog->direction());
  });
  dialog->open();
  return dialog;
}

std::vector<app::SessionTextSlider> MainWindow::textSessionSliders() const {
  std::vector<app::SessionTextSlider> out;
  for (int i = 0; i < textPanel_->count(); ++i) {
    const TextSlider& s = textPanel_->slider(i);
    const std::string json = edit::text_direction_to_json(*s.direction).dump();
    out.push_back({s.id, s.alpha, QJsonDocument::fromJson(QByteArray::fromStdString(json)).object()});
  }
  return out;
}

void MainWindow::restoreTextSliders(const std::vector<app::LoadedTextSlider>& sliders) {
  {
    const QSignalBlocker quiet(textPanel_);  // one render for the whole session, when its face is set
    textPanel_->clear();
    for (const app::LoadedTextSlider& t : sliders) textPanel_->addSlider(t.direction, t.alpha, t.id);
  }
  Q_EMIT textPanel_->slidersChanged();
  committedText_ = textPanel_->alphas();
  doc_->renderer()->storeTextEdits(textPanel_->values());  // the face's first render has them
}

}  // namespace facet::ui
