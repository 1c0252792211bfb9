#include "app/editor/tune_workflow.h"

#include <chrono>

#include <QFileInfo>

#include <torch/torch.h>

#include "app/editor/edit_document.h"
#include "app/editor/error_text.h"
#include "app/editor/job_runner.h"
#include "app/editor/photo_face.h"
#include "app/editor/refinement_settings.h"
#include "core/models/model_registry.h"
#include "core/tune/pivotal_tuning.h"
#ifdef FACET_WITH_VISION
#include "core/pipeline/photo_pipeline.h"
#endif

namespace facet::app {

namespace {
struct Tuned {
  tune::TuneResult result;
  QString note;  // which loss was used
};
}  // namespace

TuneWorkflow::TuneWorkflow(EditDocument* document, JobRunner* jobs, QObject* parent)
    : QObject(parent), doc_(document), jobs_(jobs) {
  connect(doc_, &EditDocument::faceChanged, this, &TuneWorkflow::faceOrModelsChanged);
}

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
  const auto models = base_ ? base_ : doc_->models();  // a second tuning starts again from the loaded generator
  const auto photo = doc_->photoFace();
  const torch::Tensor pivot = doc_->wplus().clone();
  const QImage aligned = photo->aligned;
  const QString name = QFileInfo(photo->path).fileName();
  jobs_->run<Tuned>(
      tr("Tuning the generator to %1…").arg(name),
      [models, pivot, aligned, steps](JobContext& context) {
        Tuned out;
        std::string note;
        tune::PivotalTuner tuner(models->generator, models::load_perceptual("auto", models->device, note));
        if (tuner.perceptual().kind() == embed::PerceptualKind::None)
          out.note = tr("pixel loss alone (no LPIPS or VGG-16 model installed)");
        tune::TuneOptions options;
        options.steps = steps;
        tune::TuneTarget target;
        target.image = pipeline::generator_target(imageToMat(aligned), models->generator->size(), models->device);
        target.pivot = pivot.to(models->device);
        const auto started = std::chrono::steady_clock::now();
        out.result = tuner.tune(
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
        return out;
      },
      [this, models, photo](Tuned out) {
        if (doc_->photoFace() != photo || !doc_->hasFace()) return;  // another face meanwhile: nothing to use it for
        auto tunedSet = std::make_shared<models::ModelSet>(*models);
        tunedSet->generator = out.result.generator;
        base_ = models;
        tuned_ = tunedSet;
        tunedFor_ = photo;
        doc_->setModels(tunedSet);  // the same face and edits, rendered by the tuned copy
        const tune::TuneResult& r = out.result;
        QString how = r.lpips >= 0 ? tr("LPIPS %1 → %2").arg(r.start_lpips, 0, 'f', 3).arg(r.lpips, 0, 'f', 3)
                                   : tr("pixel error %1 → %2").arg(r.start_l2, 0, 'g', 3).arg(r.l2, 0, 'g', 3);
        if (!out.note.isEmpty()) how += ", " + out.note;
        Q_EMIT message(r.cancelled ? tr("Tuning stopped after %1 steps; the best weights so far are used (%2).")
                                         .arg(r.steps_done).arg(how)
                                   : tr("The generator is tuned to this photo in %1 steps (%2).").arg(r.steps_done).arg(how));
        Q_EMIT tunedChanged(true);
      },
      {QStringLiteral("tune"), true, true});
#endif
}

void TuneWorkflow::faceOrModelsChanged() {
  if (!tuned_ || (doc_->models() == tuned_ && doc_->photoFace() == tunedFor_)) return;
  // Another face, or other models: the tuned copy belongs to the old face.
  const auto base = base_;
  const bool ownModels = doc_->models() == tuned_;
  base_.reset();
  tuned_.reset();
  tunedFor_.reset();
  if (ownModels) doc_->setModels(base);  // the new face on the generator as loaded
  Q_EMIT tunedChanged(false);
}

}  // namespace facet::app
