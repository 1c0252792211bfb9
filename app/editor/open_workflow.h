#pragma once
// Opening something to edit, without a widget: a photo (through the photo workflow), a W+ code, a random face
// (mapped on the pool), a session (its photo face found again when the photo is unchanged) or the autosave of a
// run that crashed; the recent files; and what happens to unsaved edits first (the view asks Save, Discard or
// Cancel, and where to save).
#include <cstdint>
#include <functional>

#include <QObject>
#include <QString>
#include <QStringList>

namespace facet::app {

class EditDocument;
class JobRunner;
class PhotoWorkflow;

class OpenWorkflow : public QObject {
  Q_OBJECT
 public:
  enum class UnsavedChoice { Save, Discard, Cancel };

  OpenWorkflow(EditDocument* document, JobRunner* jobs, PhotoWorkflow* photos, QObject* parent = nullptr);

  // By suffix: a session (.facet), a W+ code (.npy), else a photo.
  void openAny(const QString& path);
  void openPhoto(const QString& path);
  bool openWplus(const QString& path);
  bool openSession(const QString& path);
  void randomFace(uint64_t seed);
  // The autosave of an earlier run; the restored work counts as unsaved (it is in no file of the user's).
  bool restoreAutosave();
  bool saveSession(const QString& path);  // ".facet" appended when missing

  // Unsaved edits before something else is opened or the window closes: asks `choose` (Save, Discard, Cancel)
  // and, to save a session never saved, `askPath` ("" = cancelled). True when nothing is left unsaved.
  void setUnsavedPrompt(std::function<UnsavedChoice()> choose, std::function<QString()> askPath);
  bool settleUnsavedChanges();

  // Where file dialogs start (the opened file's folder, else the last folder used, else home) with the name they
  // suggest ("astronaut-edited.jpg" for a photo astronaut.png); rememberFolder keeps a dialog's folder (returns
  // `path`).
  enum class FileKind { EditedImage, AlignedFace, SideBySide, Wplus, Session };
  QString suggestedPath(FileKind kind) const;
  static QString rememberFolder(const QString& path);

  static QStringList recentFiles();
  // The bundled sample photo (installed beside the program, else in the source tree); "" when missing.
  static QString samplePhotoPath();

 Q_SIGNALS:
  void message(const QString& text);
  void problem(const QString& text);
  void recentFilesChanged();
  void sessionSaved(const QString& path);   // by the user (not the autosave)
  void sessionOpened(const QString& path);  // its code is the document's face (the autosave's too)

 private:
  void addRecentFile(const QString& path);

  EditDocument* doc_;
  JobRunner* jobs_;
  PhotoWorkflow* photos_;
  std::function<UnsavedChoice()> choose_;
  std::function<QString()> askPath_;
};

}  // namespace facet::app
