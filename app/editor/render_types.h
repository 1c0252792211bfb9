#pragma once
// What the UI asks the render worker for, and what comes back. Plain values, copied across threads.
#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <vector>

#include <QImage>
#include <QMetaType>
#include <QString>
#include <QtGlobal>

namespace facet::edit {
struct TextDirection;
struct TwoFaces;
}

namespace facet::app {

// Preview renders the small size (skip outputs, ~256²) while a slider moves; Full renders once it stops.
enum class RenderQuality { Preview, Full };

// One text slider (StyleCLIP direction) as the render sees it. The direction travels with the request (shared,
// never changed once made), so the worker needs no state of its own and a stale request keeps its own sliders.
struct TextSliderValue {
  std::shared_ptr<const edit::TextDirection> direction;
  float alpha = 0;
};

// A text slider as the editor shows and stores it: the id stays fixed for the session (timelines and undo steps
// find sliders by it).
struct TextSlider {
  QString id;
  std::shared_ptr<const edit::TextDirection> direction;
  float alpha = 0;
};

// The edit at one moment, as the render side sees it: made by the document, never changed once made (requests
// share it), so the render side keeps no editing state of its own.
struct EditSnapshot {
  std::vector<float> alphas;       // one α per attribute slider (catalogue order), −3…3
  std::vector<bool> editedLayers;  // the W+ layers the edit touches (n_latent entries); empty: the default 0–10
  std::vector<TextSliderValue> textEdits;             // text sliders, applied after the attribute edits
  std::shared_ptr<const edit::TwoFaces> twoFaces;     // applied before the attribute edits; null: none
  std::function<QImage(const QImage&)> paste;         // show in photo: the render → the photo with it pasted back
};

struct RenderRequest {
  quint64 sequence = 0;       // set by the sender; strictly increasing; the newest wins
  std::vector<float> alphas;  // one α per attribute slider (catalogue order), −3…3
  RenderQuality quality = RenderQuality::Preview;
  std::vector<bool> editedLayers;  // the W+ layers the edit touches (n_latent entries); empty: the default 0–10
  std::vector<TextSliderValue> textEdits;  // text sliders, applied after the attribute edits
  // Morph, mix or expression transfer with other faces, applied before the attribute edits; null: none. Shared and
  // never changed once made, like the text directions.
  std::shared_ptr<const edit::TwoFaces> twoFaces;
  // Show in photo: the rendered face → the photo with it pasted back, run on the worker after the render (it holds
  // its own copy of the photo); empty: none.
  std::function<QImage(const QImage&)> paste;
};

struct RenderTimings {
  double edit_ms = 0;       // edit stack: W+ → edited W+
  double synthesis_ms = 0;  // generator
  double scoring_ms = 0;    // classifier + identity
  double total_ms = 0;      // measured by the worker around the whole render
};

// What the face-analysis networks read from an image's pixels (face-api.js: age, gender, expression).
struct FaceReadout {
  bool valid = false;           // false when no face-analysis models are installed
  float age = 0;                // years
  float maleProbability = 0;    // 0…1
  std::vector<float> expressions;  // 7 probabilities: neutral, happy, sad, angry, fearful, disgusted, surprised
};

// One face of a photo as face-api reads it (a photo shown without a generator).
struct AnalyzedFace {
  FaceReadout readout;  // invalid when the face was too small or cut by the border
  double distanceToFirst = std::numeric_limits<double>::quiet_NaN();  // descriptor distance to the first face
};

struct RenderResult {
  quint64 sequence = 0;  // the request this answers
  RenderQuality quality = RenderQuality::Preview;
  QImage image;                      // null when the render failed or was superseded
  QImage before;                     // the unedited face at full size (before/after); null when unknown
  QImage inPhoto;                    // `image` pasted into the photo when the request asked for it; else null
  std::vector<float> probabilities;  // classifier output per attribute, empty when no classifier
  std::vector<float> originalProbabilities;  // the same for the unedited W+ (charts: original against edited)
  double identity = std::numeric_limits<double>::quiet_NaN();  // vs the unedited face; NaN when unknown
  // With a second face (morph, mix): the classifier's probabilities for it and the identity score against it.
  std::vector<float> secondProbabilities;
  double identitySecond = std::numeric_limits<double>::quiet_NaN();
  FaceReadout edited;    // read from `image`
  FaceReadout original;  // read from the unedited face
  RenderTimings timings;
  QString error;  // user-facing message when the backend threw; empty on success

  bool ok() const { return error.isEmpty() && !image.isNull(); }
};

}  // namespace facet::app

Q_DECLARE_METATYPE(facet::app::RenderResult)
