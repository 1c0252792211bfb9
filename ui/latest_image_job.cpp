#include "ui/latest_image_job.h"

#include <exception>

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace facet::ui {

namespace {
struct Outcome {
  QImage image;
  QString error;
};
}  // namespace

LatestImageJob::LatestImageJob(QObject* parent) : QObject(parent) {}

LatestImageJob::~LatestImageJob() {
  if (watcher_) watcher_->waitForFinished();
}

void LatestImageJob::submit(quint64 tag, const QImage& input) {
  if (running_) {
    if (waiting_) ++dropped_;
    waiting_ = Request{tag, input};
    return;
  }
  start(Request{tag, input});
}

void LatestImageJob::reset() {
  ++generation_;
  if (waiting_) ++dropped_;
  waiting_.reset();
}

void LatestImageJob::start(Request request) {
  if (!work_) return;
  running_ = true;
  ++runs_;
  auto* watcher = new QFutureWatcher<Outcome>(this);
  watcher_ = watcher;
  const quint64 generation = generation_;
  const quint64 tag = request.tag;
  connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, generation, tag] {
    const Outcome outcome = watcher->result();
    watcher->deleteLater();
    watcher_ = nullptr;
    running_ = false;
    if (generation == generation_) {
      if (outcome.error.isEmpty())
        Q_EMIT ready(tag, outcome.image);
      else
        Q_EMIT failed(outcome.error);
    }
    if (waiting_) {
      Request next = std::move(*waiting_);
      waiting_.reset();
      start(std::move(next));
    }
  });
  watcher->setFuture(QtConcurrent::run([work = work_, input = std::move(request.input)] {
    Outcome outcome;
    try {
      outcome.image = work(input);
    } catch (const std::exception& e) {
      outcome.error = QString::fromStdString(e.what());
    }
    return outcome;
  }));
}

}  // namespace facet::ui
