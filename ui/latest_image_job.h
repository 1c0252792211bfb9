#pragma once
// Runs one image → image function on a pool thread, newest request wins: at most one job runs at a time; a request
// made while one runs waits, and a newer request replaces the waiting one (the replaced one is counted as
// dropped, never run). Results come back on the owner's thread through ready(tag, image). Used by the editor's
// "Show in photo" preview, whose paste-back costs 100+ ms on a large photo and must not run on the GUI thread.
#include <functional>
#include <optional>

#include <QImage>
#include <QObject>

class QFutureWatcherBase;

namespace facet::ui {

class LatestImageJob : public QObject {
  Q_OBJECT
 public:
  using Work = std::function<QImage(const QImage&)>;
  explicit LatestImageJob(QObject* parent = nullptr);
  ~LatestImageJob() override;  // waits for a running job (its result is discarded)

  // The work for the following requests (captured by value when a job starts).
  void setWork(Work work) { work_ = std::move(work); }
  void submit(quint64 tag, const QImage& input);
  // Drops the waiting request and ignores the running one's result (the photo or the face changed).
  void reset();

  bool busy() const { return running_; }
  int runs() const { return runs_; }
  int dropped() const { return dropped_; }

 Q_SIGNALS:
  void ready(quint64 tag, const QImage& output);
  void failed(const QString& message);

 private:
  struct Request {
    quint64 tag;
    QImage input;
  };
  void start(Request request);

  Work work_;
  std::optional<Request> waiting_;
  bool running_ = false;
  quint64 generation_ = 0;  // bumped by reset(): results of older generations are ignored
  int runs_ = 0, dropped_ = 0;
  QFutureWatcherBase* watcher_ = nullptr;
};

}  // namespace facet::ui
