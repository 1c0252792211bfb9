#pragma once
// The editor's one way to run work in the background. A job runs on the runner's thread pool with a JobContext
// that reports progress and sees cancellation; its result (on success) or its error in plain words (facet::Error's
// text) comes back on the GUI thread. A job with a key replaces the running one with that key: the older is
// cancelled and its result dropped ("newest wins"). Views follow the jobs through the signals (a progress dialog
// with Cancel for blocking jobs, the status bar for the others) and never run work themselves.
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThreadPool>

namespace facet::app {

// What a view shows of a running job.
struct JobInfo {
  quint64 id = 0;
  QString title;          // "Finding faces in portrait.jpg…"
  QString key;            // newest wins among jobs with this key; "" = none
  bool blocking = false;  // the user waits for it (a window-modal progress with Cancel)
  int value = 0, maximum = 0;  // maximum 0: busy without a measure
  QString text;                // the latest progress line ("" = the title)
  bool cancelKeepsResult = false;  // Cancel now stops early and keeps what the job has (a refinement's best code)
};

// The job's side: thread-safe.
class JobContext {
 public:
  bool cancelled() const { return cancel_.load(); }
  const std::atomic<bool>* cancelFlag() const { return &cancel_; }
  // Set by Cancel while the job said that cancelling keeps its result (setCancelKeepsResult).
  const std::atomic<bool>* stopFlag() const { return &stop_; }
  bool stopped() const { return stop_.load(); }
  // From here on Cancel asks the job to stop early and keep what it has, instead of dropping it.
  void setCancelKeepsResult(bool keeps);
  void progress(int value, int maximum, const QString& text = {});
  void setText(const QString& text);

 private:
  friend class JobRunner;
  std::atomic<bool> cancel_{false};
  std::atomic<bool> stop_{false};
  std::atomic<bool> keeps_{false};
  std::function<void(std::function<void(JobInfo&)>)> update_;  // set by the runner: changes the job's JobInfo
};

class JobRunner : public QObject {
  Q_OBJECT
 public:
  struct Options {
    QString key;
    bool blocking = false;
    // Cancel asks the job to stop early and still delivers what it returns (from the start; a job can also say so
    // once it reaches such a phase, JobContext::setCancelKeepsResult).
    bool cancelKeepsResult = false;
  };

  explicit JobRunner(QObject* parent = nullptr);
  ~JobRunner() override;  // cancels every job and waits for those running

  // Runs `work` on the pool; `done` gets its result on the GUI thread unless the job was cancelled (or replaced by
  // a newer job with its key) first. A job that throws reports failed(title, what()) instead.
  template <typename Result>
  quint64 run(const QString& title, std::function<Result(JobContext&)> work, std::function<void(Result)> done,
              Options options = {}) {
    auto result = std::make_shared<std::optional<Result>>();
    return start(
        title, options, [work = std::move(work), result](JobContext& context) { result->emplace(work(context)); },
        [done = std::move(done), result] {
          if (done && result->has_value()) done(std::move(**result));
        });
  }

  void cancel(quint64 id);
  void cancelKey(const QString& key);
  void cancelAll();
  bool isRunning(quint64 id) const { return jobs_.count(id) != 0; }
  bool hasRunning(const QString& key) const;
  int runningCount() const { return static_cast<int>(jobs_.size()); }
  std::optional<JobInfo> info(quint64 id) const;
  // Waits (running the event loop) until no job is left or `timeoutMs` passed; true when none is left.
  bool waitForIdle(int timeoutMs);

 Q_SIGNALS:
  void started(const facet::app::JobInfo& job);
  void progressed(const facet::app::JobInfo& job);
  void finished(quint64 id);  // done, failed or cancelled: the job is gone
  void failed(const QString& title, const QString& error);

 private:
  struct Job {
    JobInfo info;
    std::shared_ptr<JobContext> context;
    bool dropped = false;  // cancelled or replaced: its result is not delivered
  };
  quint64 start(const QString& title, const Options& options, std::function<void(JobContext&)> work,
                std::function<void()> deliver);
  void complete(quint64 id, const QString& error, const std::function<void()>& deliver);

  QThreadPool pool_;
  std::map<quint64, Job> jobs_;
  quint64 next_ = 0;
};

}  // namespace facet::app

Q_DECLARE_METATYPE(facet::app::JobInfo)
