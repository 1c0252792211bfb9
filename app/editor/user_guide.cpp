#include "app/editor/user_guide.h"

#include <QCoreApplication>
#include <QStringList>

namespace facet::app {

namespace {
QString tr(const char* text) { return QCoreApplication::translate("UserGuide", text); }

QString section(const QString& title, const QStringList& paragraphs) {
  QString html = "<h3>" + title + "</h3>";
  for (const QString& p : paragraphs) html += "<p>" + p + "</p>";
  return html;
}
}  // namespace

QString userGuideHtml() {
  QString html = "<h2>" + tr("Facet in five minutes") + "</h2>";
  html += section(tr("Open a photo"),
                  {tr("File ▸ Open (Ctrl+O), drag a photo onto the window, or File ▸ Open sample photo. Facet finds "
                      "the faces, asks which one when there are several, aligns it and gives it a code in the "
                      "generator's latent space (W+)."),
                   tr("With an encoder installed this takes seconds. Without one, the message above the preview "
                      "offers to refine the face from the average face; Tools ▸ Photo refinement sets how many "
                      "steps follow the encoder and says how long they take here.")});
  html += section(tr("Edit with the sliders"),
                  {tr("Each attribute slider moves the face along one attribute (age, smile, glasses…) while the "
                      "others are kept. The preview follows the slider at a small size and renders at full size "
                      "when you let go. The Numbers dock shows what the classifier reads and how alike the edited "
                      "face is to the original."),
                   tr("Edited layers chooses which W+ layers the edits change: the coarse ones change the shape, "
                      "the fine ones colour and texture. Text edits add sliders made from a prompt (StyleCLIP). "
                      "Every change can be undone (Ctrl+Z).")});
  html += section(tr("Save and export"),
                  {tr("File ▸ Save session keeps the face, every slider and the timeline in a .facet file. File ▸ "
                      "Export writes the edited photo (the face pasted back), the aligned face, a before/after "
                      "image or the edited code. The opened photo is never overwritten.")});
  html += section(tr("Timelines and videos"),
                  {tr("● Record in the Timeline dock records slider moves as keyframes; play them back, change "
                      "them, and render them to a video. Edit video applies the current edit to every frame of a "
                      "video, with the face tracked steadily.")});
  html += section(tr("Two faces"),
                  {tr("The Two faces dock morphs the face into a second face, mixes layers from it, or transfers "
                      "an expression from a neutral and an expressive face. The faces come from photos, W+ files "
                      "or random draws.")});
  html += section(tr("Models"),
                  {tr("Tools ▸ Models lists every model Facet uses, where it was found, and how to get the missing "
                      "ones. Without a generator Facet still finds and reads the faces in a photo when the "
                      "face-analysis models are installed.")});
  return html;
}

}  // namespace facet::app
