#pragma once
// Shows the editor's background jobs: a window-modal progress dialog with Cancel for the jobs the user waits for
// (opening a photo, a second face), the status bar for the others, and each failure in the message bar.
#include <functional>

#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QString>

class QWidget;

namespace facet::app {
class JobRunner;
struct JobInfo;
}

namespace facet::ui {

class JobProgress : public QObject {
  Q_OBJECT
 public:
  JobProgress(app::JobRunner* jobs, QWidget* window, std::function<void(const QString&)> status,
              std::function<void(const QString&)> problem);
  QProgressDialog* dialog() const { return dialog_; }  // the blocking job's, while one runs

 private:
  void show(const app::JobInfo& job);
  void finish(quint64 id);

  app::JobRunner* jobs_;
  QWidget* window_;
  std::function<void(const QString&)> status_;
  QPointer<QProgressDialog> dialog_;
  quint64 dialogJob_ = 0;
};

}  // namespace facet::ui
