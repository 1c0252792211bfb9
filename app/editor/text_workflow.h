#pragma once
// Text sliders made ready, without a widget: a direction (a file, or what "Add text edit…" made) is checked
// against the loaded generator by its shape and becomes a slider of the document; the job the dialog runs gets
// the document's generator, device, face and CLIP files.
#include <memory>

#include <QObject>
#include <QString>

namespace facet::edit {
struct TextDirection;
}

namespace facet::app {

class EditDocument;
struct TextEditJob;

class TextWorkflow : public QObject {
  Q_OBJECT
 public:
  explicit TextWorkflow(EditDocument* document, QObject* parent = nullptr);

  // A slider for `direction` (an undo step); false, with problem(), when it was made for another generator.
  bool add(std::shared_ptr<const edit::TextDirection> direction, float alpha = 0, QString* id = nullptr);
  bool load(const QString& path);  // a saved direction file (small: read at once)

  // What "Add text edit…" starts from. CLIP files other than the model path's (tests: a stand-in) and the folder
  // the global statistics are cached in ("": the user's models folder).
  TextEditJob job() const;
  void setClipFiles(const QString& clip, const QString& vocab);
  void setCacheDir(const QString& dir) { cacheDir_ = dir; }

 Q_SIGNALS:
  void message(const QString& text);
  void problem(const QString& text);

 private:
  EditDocument* doc_;
  QString clip_, vocab_, cacheDir_;
};

}  // namespace facet::app
