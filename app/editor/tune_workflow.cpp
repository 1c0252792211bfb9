#include "app/editor/tune_workflow.h"

#include <chrono>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <torch/torch.h>

#include "app/editor/edit_document.h"
#include "app/editor/error_text.h"
#include "app/editor/job_runner.h"
#include "app/editor/photo_face.h"
#include "app/editor/refinement_settings.h"
#include "core/io/error.h"
#include "core/models/model_registry.h"
#include "core/tune/pivotal_tuning.h"
#include "core/tune/tuned_change.h"
#ifdef FACET_WITH_VISION
#include "core/pipeline/photo_pipeline.h"
#endif

namespace facet::app {

struct TuneWorkflow::Tuned {
  std::shared_ptr<const models::ModelSet> base, models;  // as loaded; with the tuned generator
  torch::Tensor face;                                    // the code it was tuned for
  std::shared_ptr<const tune::TunedChange> change;       // what a session saves
};

namespace {
const QString kJobKey = QStringLiteral("tune");  // one tuning or restore at a time

struct Outcome {
  std::shared_ptr<nn::StyleGan2> generator;
  std::shared_ptr<const tune::TunedChange> change;
  QString text;  // what the status bar says
};
}  // namespace

TuneWorkflow::TuneWorkflow(EditDocument* document, JobRunner* jobs, QObject* parent)
    : QObject(parent), doc_(document), jobs_(jobs) {
  connect(doc_, &EditDocument::faceChanged, this, &TuneWorkflow::faceOrModelsChanged);
}

TuneWorkflow::~TuneWorkflow() = default;

bool TuneWorkflow::available() const {
  const auto photo = doc_->photoFace();
  return doc_->models() && doc_->hasFace() && photo && !photo->aligned.isNull();
}

void TuneWorkflow::tune(int steps) {
#ifndef FACET_WITH_VISION
  (void)steps;
  Q_EMIT problem(tr("This build cannot read photos, so there is nothing to tune to."));
#else
  if (!available()) {
    Q_EMIT problem(tr("Open a photo and let its face get a code first: tuning matches the generator to that face."));
    return;
  }
  const auto base = tuned_ ? tuned_->base : doc_->models();  // a second tuning starts again from the loaded generator
  const torch::Tensor pivot = doc_->wplus().clone();
  const QImage aligned = doc_->photoFace()->aligned;
  jobs_->run<Outcome>(
      tr("Tuning the generator to %1…").arg(QFileInfo(doc_->photoFace()->path).fileName()),
      [base, pivot, aligned, steps](JobContext& context) {
        std::string note;
        tune::PivotalTuner tuner(base->generator, models::load_perceptual("auto", base->device, note));
        tune::TuneOptions options;
        options.steps = steps;
        tune::TuneTarget target;
        target.image = pipeline::generator_target(imageToMat(aligned), base->generator->size(), base->device);
        target.pivot = pivot.to(base->device);
        const auto started = std::chrono::steady_clock::now();
        const tune::TuneResult r = tuner.tune(
            {target}, options,
            [&context, started](const tune::TuneProgress& p) {
              const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
              const QString loss = p.lpips >= 0 ? tr("LPIPS %1").arg(p.lpips, 0, 'f', 3)
                                                 : tr("pixel error %1").arg(p.l2, 0, 'g', 3);
              context.progress(p.step, p.steps,
                               tr("Tuning: step %1 of %2, %3, %4 left (Cancel keeps the best so far)…")
                                   .arg(p.step).arg(p.steps).arg(loss)
                                   .arg(RefinementSettings::durationText(elapsed / p.step * (p.steps - p.step))));
            },
            context.stopFlag());
        Outcome out;
        out.generator = r.generator;
        out.change = std::make_shared<const tune::TunedChange>(tune::make_change(*base->generator, *r.generator));
        QString how = r.lpips >= 0 ? tr("LPIPS %1 → %2").arg(r.start_lpips, 0, 'f', 3).arg(r.lpips, 0, 'f', 3)
                                   : tr("pixel error %1 → %2").arg(r.start_l2, 0, 'g', 3).arg(r.l2, 0, 'g', 3);
        if (tuner.perceptual().kind() == embed::PerceptualKind::None)
          how += ", " + tr("pixel loss alone (no LPIPS or VGG-16 model installed)");
        out.text = r.cancelled ? tr("Tuning stopped after %1 steps; the best weights so far are used (%2).")
                                     .arg(r.steps_done).arg(how)
                               : tr("The generator is tuned to this photo in %1 steps (%2).").arg(r.steps_done).arg(how);
        return out;
      },
      [this, base, pivot](Outcome out) {
        if (!doc_->hasFace() || !torch::equal(doc_->wplus(), pivot)) return;  // another face meanwhile
        auto models = std::make_shared<models::ModelSet>(*base);
        models->generator = out.generator;
        use(std::make_shared<const Tuned>(Tuned{base, models, pivot, out.change}));
        Q_EMIT message(out.text);
      },
      {kJobKey, true, true});
#endif
}

void TuneWorkflow::use(std::shared_ptr<const Tuned> tuned) {
  tuned_ = std::move(tuned);
  doc_->setModels(tuned_->models);  // the same face and edits, rendered by the tuned copy
  Q_EMIT tunedChanged(true);
}

QString TuneWorkflow::changePath(const QString& sessionPath) {
  const QFileInfo session(sessionPath);
  return session.dir().filePath(session.completeBaseName() + ".tuned");
}

bool TuneWorkflow::saveChange(const QString& path) {
  try {
    if (tuned_) {
      if (written_.lock() == tuned_ && path == writtenPath_ && QFileInfo::exists(path)) return true;
      tune::save_change(QFile::encodeName(path).toStdString(), *tuned_->change);
      written_ = tuned_;
      writtenPath_ = path;
    } else if (jobs_->hasRunning(kJobKey)) {
      // A tuning or a restore is on its way: the save after it lands writes it (the file may be what it reads).
    } else if (QFileInfo::exists(path) && !QFile::remove(path)) {
      throw Error("cannot remove " + path.toStdString() + ", which belongs to an earlier save of this session");
    }
    return true;
  } catch (const std::exception& e) {
    Q_EMIT problem(tr("Cannot save the tuning: %1").arg(errorText(e)));
    return false;
  }
}

void TuneWorkflow::restoreChange(const QString& path) {
  const auto base = tuned_ ? tuned_->base : doc_->models();
  if (!base || !doc_->hasFace()) return;
  const torch::Tensor face = doc_->wplus().clone();
  const QString name = QFileInfo(path).fileName();
  jobs_->run<Outcome>(
      tr("Applying the tuning %1…").arg(name),
      [base, path, name](JobContext&) {
        Outcome out;
        auto change = std::make_shared<const tune::TunedChange>(tune::load_change(QFile::encodeName(path).toStdString()));
        out.generator = tune::apply_change(*base->generator, *change, name.toStdString());
        out.change = std::move(change);
        return out;
      },
      [this, base, face, name](Outcome out) {
        if (!doc_->hasFace() || !torch::equal(doc_->wplus(), face)) return;
        auto models = std::make_shared<models::ModelSet>(*base);
        models->generator = out.generator;
        use(std::make_shared<const Tuned>(Tuned{base, models, face, out.change}));
        Q_EMIT message(tr("The generator is tuned to this face as saved (%1).").arg(name));
      },
      {kJobKey});
}

void TuneWorkflow::faceOrModelsChanged() {
  if (!tuned_ || (doc_->models() == tuned_->models && doc_->hasFace() && torch::equal(doc_->wplus(), tuned_->face)))
    return;
  // Another face, or other models: the tuned copy belongs to the old face.
  const auto old = std::move(tuned_);
  tuned_.reset();
  if (doc_->models() == old->models) doc_->setModels(old->base);  // the new face on the generator as loaded
  Q_EMIT tunedChanged(false);
}

}  // namespace facet::app
