#pragma once
// "Add text edit…": type a prompt and pick how it becomes a slider — a global direction (CLIP + relevance
// statistics, computed once per generator and cached), latent optimisation of the current face, or a saved
// direction/mapper file. The long jobs run as background jobs (app::JobRunner) with progress and Cancel; the GUI
// thread never waits. Without a CLIP model the dialog says so and still loads files.
#include <atomic>
#include <memory>

#include <QDialog>


class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace facet::app {
class JobRunner;
struct TextEditJob;
}
namespace facet::edit {
struct RelevanceOptions;
struct TextDirection;
}

namespace facet::ui {

class TextEditDialog : public QDialog {
  Q_OBJECT
 public:
  enum Method { Global = 0, Optimisation = 1, LoadFile = 2 };

  // `base` carries the files, device, face and cache folder; the dialog fills in prompt, method and numbers.
  // The job runs on `jobs`.
  TextEditDialog(app::JobRunner* jobs, const app::TextEditJob& base, QWidget* parent = nullptr);
  ~TextEditDialog() override;  // cancels a running job (it holds its own copies and stops soon)

  void setPrompt(const QString& prompt);
  void setMethod(Method method);
  void setSteps(int steps);
  void setFile(const QString& path);  // for LoadFile
  // Global statistics options (tests use tiny ones).
  void setRelevanceOptions(const edit::RelevanceOptions& options);
  void setBeta(double beta);

  void start();   // what the OK button does: loads the file now, or starts the job
  void cancel();  // what Cancel does while a job runs
  bool isRunning() const { return running_; }
  bool clipAvailable() const { return clipReason_.isEmpty(); }
  QString statusText() const;
  // The direction made (null until done).
  std::shared_ptr<const edit::TextDirection> direction() const { return direction_; }

 Q_SIGNALS:
  void finishedJob(bool ok);  // a job (or a file load) finished, cancelled or failed (ok = direction made)

 private:
  void updateControls();
  void jobDone(std::shared_ptr<edit::TextDirection> result, const QString& error);

  std::unique_ptr<app::TextEditJob> base_;
  QString clipReason_;
  QLineEdit* prompt_ = nullptr;
  QLineEdit* neutral_ = nullptr;
  QComboBox* method_ = nullptr;
  QSpinBox* steps_ = nullptr;
  QDoubleSpinBox* beta_ = nullptr;
  QSpinBox* samples_ = nullptr;  // global: faces per channel for the statistics
  QLineEdit* file_ = nullptr;
  QPushButton* browse_ = nullptr;
  QLabel* clipNote_ = nullptr;
  QLabel* status_ = nullptr;
  QProgressBar* progress_ = nullptr;
  QPushButton* run_ = nullptr;
  QPushButton* cancelButton_ = nullptr;
  app::JobRunner* jobs_ = nullptr;
  quint64 job_ = 0;
  std::shared_ptr<const edit::TextDirection> direction_;
  bool running_ = false;
};

}  // namespace facet::ui
