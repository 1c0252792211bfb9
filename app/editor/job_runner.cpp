#include "app/editor/job_runner.h"
#include "app/editor/error_text.h"

#include <exception>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QThread>

namespace facet::app {

void JobContext::setCancelKeepsResult(bool keeps) {
  keeps_ = keeps;
  if (update_) update_([keeps](JobInfo& info) { info.cancelKeepsResult = keeps; });
}

void JobContext::progress(int value, int maximum, const QString& text) {
  if (update_)
    update_([value, maximum, text](JobInfo& info) {
      info.value = value;
      info.maximum = maximum;
      if (!text.isEmpty()) info.text = text;
    });
}

void JobContext::setText(const QString& text) {
  if (update_) update_([text](JobInfo& info) { info.text = text; });
}

JobRunner::JobRunner(QObject* parent) : QObject(parent) {
  // Room for a long job (a refinement) beside short ones (a random face, a photo's analysis).
  pool_.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
}

JobRunner::~JobRunner() {
  cancelAll();
  pool_.waitForDone();  // the jobs hold no pointer to this runner beyond this point (their deliveries are dropped)
}

quint64 JobRunner::start(const QString& title, const Options& options, std::function<void(JobContext&)> work,
                         std::function<void()> deliver) {
  if (!options.key.isEmpty()) cancelKey(options.key);  // newest wins
  const quint64 id = ++next_;
  Job job;
  job.info.id = id;
  job.info.title = title;
  job.info.key = options.key;
  job.info.blocking = options.blocking;
  job.context = std::make_shared<JobContext>();
  job.context->keeps_ = options.cancelKeepsResult;
  job.info.cancelKeepsResult = options.cancelKeepsResult;
  QPointer<JobRunner> self(this);
  job.context->update_ = [self, id](std::function<void(JobInfo&)> change) {
    QMetaObject::invokeMethod(
        self.data(),
        [self, id, change = std::move(change)] {
          if (!self) return;
          const auto it = self->jobs_.find(id);
          if (it == self->jobs_.end() || it->second.dropped) return;
          change(it->second.info);
          Q_EMIT self->progressed(it->second.info);
        },
        Qt::QueuedConnection);
  };
  std::shared_ptr<JobContext> context = job.context;
  jobs_.emplace(id, std::move(job));
  Q_EMIT started(jobs_.at(id).info);
  pool_.start([self, id, context, work = std::move(work), deliver = std::move(deliver)] {
    QString error;
    try {
      work(*context);
    } catch (const std::exception& e) {
      error = errorText(e);
      if (error.isEmpty()) error = tr("The operation failed without saying why.");
    }
    QMetaObject::invokeMethod(
        self.data(), [self, id, error, deliver] { if (self) self->complete(id, error, deliver); },
        Qt::QueuedConnection);
  });
  return id;
}

void JobRunner::complete(quint64 id, const QString& error, const std::function<void()>& deliver) {
  const auto it = jobs_.find(id);
  if (it == jobs_.end()) return;
  const Job job = it->second;
  jobs_.erase(it);
  // A job cancelled after it said Cancel keeps its result still delivers it.
  const bool deliverable = !job.dropped && (!job.context->cancelled() || job.context->stopped());
  if (deliverable) {
    if (!error.isEmpty())
      Q_EMIT failed(job.info.title, error);
    else
      deliver();
  }
  Q_EMIT finished(id);
}

void JobRunner::cancel(quint64 id) {
  const auto it = jobs_.find(id);
  if (it == jobs_.end()) return;
  JobContext& context = *it->second.context;
  if (context.keeps_) {
    context.stop_ = true;  // the job ends early and delivers what it has
  } else {
    context.cancel_ = true;
    it->second.dropped = true;
  }
}

void JobRunner::cancelKey(const QString& key) {
  for (auto& [id, job] : jobs_)
    if (job.info.key == key) {
      job.context->cancel_ = true;  // replaced: never delivered, whatever the job keeps
      job.context->stop_ = true;
      job.dropped = true;
    }
}

void JobRunner::cancelAll() {
  for (auto& [id, job] : jobs_) {
    job.context->cancel_ = true;
    job.context->stop_ = true;
    job.dropped = true;
  }
}

bool JobRunner::hasRunning(const QString& key) const {
  for (const auto& [id, job] : jobs_)
    if (job.info.key == key && !job.dropped) return true;
  return false;
}

std::optional<JobInfo> JobRunner::info(quint64 id) const {
  const auto it = jobs_.find(id);
  if (it == jobs_.end()) return std::nullopt;
  return it->second.info;
}

bool JobRunner::waitForIdle(int timeoutMs) {
  QElapsedTimer timer;
  timer.start();
  while (!jobs_.empty() && timer.elapsed() < timeoutMs) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QThread::msleep(2);
  }
  return jobs_.empty();
}

}  // namespace facet::app
