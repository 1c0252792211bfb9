#include "ui/job_progress.h"

#include <QProgressDialog>

#include "app/editor/job_runner.h"

namespace facet::ui {

JobProgress::JobProgress(app::JobRunner* jobs, QWidget* window, std::function<void(const QString&)> status,
                         std::function<void(const QString&)> problem)
    : QObject(window), jobs_(jobs), window_(window), status_(std::move(status)) {
  connect(jobs, &app::JobRunner::started, this, &JobProgress::show);
  connect(jobs, &app::JobRunner::progressed, this, &JobProgress::show);
  connect(jobs, &app::JobRunner::finished, this, &JobProgress::finish);
  connect(jobs, &app::JobRunner::failed, this,
          [problem = std::move(problem)](const QString&, const QString& error) { problem(error); });
}

void JobProgress::show(const app::JobInfo& job) {
  const QString text = job.text.isEmpty() ? job.title : job.text;
  if (!job.blocking) {
    status_(text);
    return;
  }
  if (!dialog_) {
    dialog_ = new QProgressDialog(text, tr("Cancel"), 0, 0, window_);
    dialog_->setObjectName("jobProgress");
    dialog_->setWindowModality(Qt::WindowModal);
    dialog_->setMinimumDuration(400);
    dialog_->setAutoReset(false);
    dialog_->setAutoClose(false);
    connect(dialog_, &QProgressDialog::canceled, this, [this] {
      const auto info = jobs_->info(dialogJob_);
      if (info && info->cancelKeepsResult) status_(tr("Stopping; the best result so far is kept…"));
      jobs_->cancel(dialogJob_);
    });
  }
  dialogJob_ = job.id;
  dialog_->setLabelText(text);
  dialog_->setRange(0, job.maximum);
  if (job.maximum > 0) dialog_->setValue(job.value);
}

void JobProgress::finish(quint64 id) {
  if (id != dialogJob_ || !dialog_) return;
  dialog_->deleteLater();
  dialog_ = nullptr;
  dialogJob_ = 0;
}

}  // namespace facet::ui
