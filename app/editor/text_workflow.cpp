#include "app/editor/text_workflow.h"

#include <QFile>

#include "app/editor/edit_document.h"
#include "app/editor/error_text.h"
#include "app/editor/text_edit_job.h"
#include "app/editor/text_slider_set.h"
#include "core/edit/text_direction.h"
#include "core/models/model_paths.h"
#include "core/models/model_registry.h"

namespace facet::app {

TextWorkflow::TextWorkflow(EditDocument* document, QObject* parent) : QObject(parent), doc_(document) {}

bool TextWorkflow::add(std::shared_ptr<const edit::TextDirection> direction, float alpha, QString* id) {
  if (!direction || !direction->delta.defined()) return false;
  const QString prompt = QString::fromStdString(direction->prompt);
  // A direction made for another generator would only fail at render time; say so now.
  if (const auto models = doc_->models(); models && !edit::fits_generator(*direction, models->generator->config())) {
    Q_EMIT problem(tr("The text direction \"%1\" was made for another generator.").arg(prompt));
    return false;
  }
  const QString made = doc_->textSliders()->add(std::move(direction), alpha);
  if (id) *id = made;
  Q_EMIT message(tr("Added the text edit \"%1\"").arg(prompt));
  return true;
}

bool TextWorkflow::load(const QString& path) {
  try {
    return add(std::make_shared<const edit::TextDirection>(edit::load_text_direction(QFile::encodeName(path).toStdString())));
  } catch (const std::exception& e) {
    Q_EMIT problem(tr("Cannot load the text direction: %1").arg(errorText(e)));
    return false;
  }
}

void TextWorkflow::setClipFiles(const QString& clip, const QString& vocab) {
  clip_ = clip;
  vocab_ = vocab;
}

TextEditJob TextWorkflow::job() const {
  TextEditJob job;
  if (const auto models = doc_->models()) {
    job.generator = models->files.generator;
    job.device = models->device;
    job.clip = models->files.clip;
    job.vocab = models->files.clip_vocab;
  }
  if (!clip_.isEmpty()) {
    job.clip = clip_.toStdString();
    job.vocab = vocab_.toStdString();
  }
  if (doc_->hasFace()) job.wplus = doc_->wplus();
  job.cache_dir = cacheDir_.isEmpty() ? models::user_models_dir() + "/relevance" : cacheDir_.toStdString();
  return job;
}

}  // namespace facet::app
