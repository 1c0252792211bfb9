#include "app/editor/edit_document.h"

#include <algorithm>

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QUndoStack>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include "app/editor/autosave.h"
#include "app/editor/error_text.h"
#include "app/editor/generator_backend.h"
#include "app/editor/image_export.h"
#include "app/editor/job_runner.h"
#include "app/editor/layer_mask.h"
#include "app/editor/photo_face.h"
#include "app/editor/render_controller.h"
#include "app/editor/text_slider_set.h"
#include "app/editor/undo_commands.h"
#include "core/edit/attributes.h"
#include "core/edit/text_direction.h"
#include "core/io/error.h"
#include "core/io/npy.h"
#ifdef FACET_WITH_VISION
#include "app/editor/timeline_model.h"
#endif

namespace facet::app {

namespace {
QString noGenerator() {
  return EditDocument::tr("No generator is loaded. Open Tools ▸ Models to install or locate one.");
}

// A session's α values in the catalogue's order, matched by attribute id (older catalogues may differ).
std::vector<float> alphasInCatalogueOrder(const Session& session, int count) {
  std::vector<float> alphas(static_cast<size_t>(count), 0.f);
  const auto& catalogue = edit::celeba_attributes();
  for (int i = 0; i < static_cast<int>(session.alphas.size()); ++i) {
    int index = i;
    if (!session.attributeIds.isEmpty()) {
      index = -1;
      for (const auto& a : catalogue)
        if (QString::fromStdString(a.id) == session.attributeIds[i]) index = a.index;
    }
    if (index >= 0 && index < count) alphas[static_cast<size_t>(index)] = session.alphas[static_cast<size_t>(i)];
  }
  return alphas;
}

bool sameFace(const std::optional<OtherFace>& a, const std::optional<OtherFace>& b) {
  return a.has_value() == b.has_value() && (!a || a->wplus.is_same(b->wplus));
}

bool sameState(const TwoFaceState& a, const TwoFaceState& b) {
  return a.mode == b.mode && a.amount == b.amount && a.mixLayers == b.mixLayers && sameFace(a.second, b.second) &&
         sameFace(a.neutral, b.neutral) && sameFace(a.expressive, b.expressive);
}

// Two records of one face: the same code, or the same photo face, file or seed.
bool sameOrigin(const OtherFace& a, const OtherFace& b) {
  if (a.wplus.is_same(b.wplus)) return true;
  const session::OtherFace &x = a.origin, &y = b.origin;
  if (x.kind != y.kind) return false;
  if (x.kind == "random") return x.seed == y.seed;
  return !x.path.empty() && x.path == y.path && x.face_index == y.face_index;
}

constexpr size_t kRecentFaces = 10;
}  // namespace

EditDocument::EditDocument(int attributeCount, QObject* parent, const QString& autosaveDir, JobRunner* jobs)
    : QObject(parent), alphas_(static_cast<size_t>(attributeCount), 0.f), committed_(alphas_), jobs_(jobs) {
  if (!jobs_) jobs_ = new JobRunner(this);
  undo_ = new QUndoStack(this);
  text_ = new TextSliderSet(undo_, this);
  connect(text_, &TextSliderSet::valuesChanged, this, &EditDocument::showTextValues);
  renderer_ = new RenderController(nullptr, this);
  connect(renderer_, &RenderController::resultReady, this, &EditDocument::receive);
  autosaver_ = new Autosaver([this] { return session(); },
                             autosaveDir.isEmpty() ? Autosaver::defaultDir() : autosaveDir, this);
  connect(autosaver_, &Autosaver::failed, this, &EditDocument::fail);
#ifdef FACET_WITH_VISION
  timeline_ = new TimelineModel(this);
  connectTimeline();
#endif
}

EditDocument::~EditDocument() = default;

void EditDocument::connectTimeline() {
#ifdef FACET_WITH_VISION
  // Playback and scrubbing change the document like the sliders, without undo steps: the layers a span was
  // recorded with first, then its α values.
  connect(timeline_, &TimelineModel::editedLayersAt, this, [this](const std::vector<bool>& mask) {
    if (!models_ || static_cast<int64_t>(mask.size()) != models_->generator->n_latent()) return;
    editedLayers_ = mask;  // the α values that follow render it
    Q_EMIT editedLayersChanged(mask);
  });
  connect(timeline_, &TimelineModel::alphasAt, this, [this](const std::vector<float>& alphas) {
    if (alphas.size() != alphas_.size()) return;
    alphas_ = alphas;
    Q_EMIT alphasChanged(alphas_);
    if (models_ && !hasFace()) return;
    show(true);
  });
  connect(timeline_, &TimelineModel::twoFaceAt, this, [this](float amount) {
    if (twoFaces_.mode == edit::TwoFaceMode::None) return;
    twoFaces_.amount = amount;  // the α values that follow render it
    Q_EMIT twoFacesChanged();
  });
  // Text sliders: recorded beside the attribute ones (by id) and played back without undo steps.
  connect(text_, &TextSliderSet::listChanged, timeline_, [this] { timeline_->setTextSliders(text_->ids()); });
  connect(text_, &TextSliderSet::valuesChanged, timeline_, [this](bool byUser) {
    if (byUser) timeline_->recordTextChange(text_->ids(), text_->alphas());
  });
  connect(timeline_, &TimelineModel::textAlphasAt, text_, &TextSliderSet::play);
  connect(timeline_, &TimelineModel::keyframesChanged, this, [this] {
    if (hasFace()) autosaver_->markChanged();
  });
#endif
}

// --- models and the face ---------------------------------------------------------------------------------------------

void EditDocument::setModels(std::shared_ptr<const models::ModelSet> models) {
  models_ = std::move(models);
  if (!models_) return;
  const int64_t layers = models_->generator->n_latent();
  if (static_cast<int64_t>(editedLayers().size()) != layers) {
    const std::vector<bool> mask = layerPresetMask(LayerPreset::Default, layers);
    editedLayers_ = mask;
#ifdef FACET_WITH_VISION
    timeline_->setEditedLayers(mask);
#endif
    Q_EMIT editedLayersChanged(mask);
  }
  for (const auto* face : {&twoFaces_.second, &twoFaces_.neutral, &twoFaces_.expressive})
    if (*face && !fits((*face)->wplus)) {
      // Another generator: the other faces' codes mean nothing to it.
      applyTwoFaces(TwoFaceState{});
      break;
    }
  if (hasFace()) {
    // The same face on the new models: it keeps its photo and where it came from.
    const FaceOrigin origin = origin_;
    const QString session = sessionPath_;
    if (setFace(wplus_, photo_)) {
      origin_ = origin;
      sessionPath_ = session;
    }
  }
}

std::unique_ptr<GeneratorBackend> EditDocument::makeBackend(const torch::Tensor& wplus) const {
  GeneratorBackend::Options options;
  options.preview_size = previewSize_;
  options.preview_budget_ms = previewBudgetMs_;
  return std::make_unique<GeneratorBackend>(models_, wplus, options);
}

void EditDocument::setPreviewBudget(double ms) {
  previewBudgetMs_ = std::max(0.0, ms);
  if (!models_ || !hasFace()) return;
  try {
    renderer_->setBackend(makeBackend(wplus_));  // the same face and edit, previews on the new budget
    show(false);
  } catch (const std::exception& e) {
    fail(errorText(e));
  }
}

bool EditDocument::setFace(const torch::Tensor& wplus, std::shared_ptr<const PhotoFace> photo) {
  if (!models_) {
    fail(noGenerator());
    return false;
  }
  try {
    auto backend = makeBackend(wplus);
    wplus_ = wplus.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    if (wplus_.dim() == 2) wplus_ = wplus_.unsqueeze(0);
    sessionPath_.clear();  // another face: no longer the session's (openSession sets it again)
    photo_ = std::move(photo);
    origin_ = photo_ ? FaceOrigin{photo_->path, photo_->sha256, photo_->faceIndex} : FaceOrigin{};
    renderer_->setBackend(std::move(backend));
    show(false);
    autosaver_->markChanged();
    Q_EMIT faceChanged();
    return true;
  } catch (const std::exception& e) {
    fail(errorText(e));
    return false;
  }
}

void EditDocument::setFaceOrigin(const QString& photoPath, const QString& sha256, int faceIndex) {
  origin_ = {photoPath.isEmpty() ? QString() : QFileInfo(photoPath).absoluteFilePath(), sha256, faceIndex};
}

void EditDocument::setPhotoFace(std::shared_ptr<const PhotoFace> photo) {
  photo_ = std::move(photo);
  if (photo_) origin_ = {photo_->path, photo_->sha256, photo_->faceIndex};
  if (showInPhoto_ && hasFace()) renderFull();
}

void EditDocument::clearFace() {
  const bool had = hasFace();
  wplus_ = torch::Tensor();
  photo_.reset();
  origin_ = {};
  lastResult_ = RenderResult{};
  sessionPath_.clear();
  undo_->clear();
  markSaved();
  if (had) Q_EMIT faceChanged();  // nothing to edit until the next face: the views say so
}

// --- α ----------------------------------------------------------------------------------------------------------------

void EditDocument::setAlphas(const std::vector<float>& alphas) {
  alphas_ = alphas;
#ifdef FACET_WITH_VISION
  timeline_->recordChange(alphas_);
#endif
  if (models_ && !hasFace()) {
    // Models are in but no face to edit (none opened yet, or a photo whose faces are not embedded).
    Q_EMIT message(tr("No face to edit yet: open a photo, a W+ code or a random face (File menu)."));
    return;
  }
  show(true);
  changed();
}

void EditDocument::commitAlphas(const std::vector<float>& alphas) {
  if (alphas == committed_) return;
  undo_->push(new ValuesCommand(committed_, alphas, [this](const std::vector<float>& a) { applyAlphas(a); },
                                tr("Change attributes")));
  committed_ = alphas;
  alphas_ = alphas;
  changed();
}

void EditDocument::resetAlphas(const std::vector<float>& alphas) {
  alphas_ = alphas;
  committed_ = alphas;
  undo_->clear();
  Q_EMIT alphasChanged(alphas_);
}

void EditDocument::applyAlphas(const std::vector<float>& alphas) {
  alphas_ = alphas;
  committed_ = alphas;
  Q_EMIT alphasChanged(alphas_);
  if (models_ && !hasFace()) return;  // no face: nothing to render
  show(false);
  changed();
}

// --- two faces -------------------------------------------------------------------------------------------------------

bool EditDocument::fits(const torch::Tensor& code) const {
  if (!models_ || !code.defined()) return false;
  const auto& g = *models_->generator;
  return code.dim() == 3 && code.size(0) == 1 && code.size(1) == g.n_latent() && code.size(2) == g.style_dim();
}

bool EditDocument::setTwoFaces(const TwoFaceState& state) {
  if (!models_) {
    fail(noGenerator());
    return false;
  }
  for (const auto* face : {&state.second, &state.neutral, &state.expressive})
    if (*face && !fits((*face)->wplus)) {
      fail(tr("%1 was embedded for another generator; choose the face again").arg((*face)->label));
      return false;
    }
  if (!state.mixLayers.empty() && static_cast<int64_t>(state.mixLayers.size()) != models_->generator->n_latent()) {
    fail(tr("the mixed layers name %1 layers; the loaded generator has %2")
             .arg(state.mixLayers.size()).arg(models_->generator->n_latent()));
    return false;
  }
  const double previous = twoFaces_.active() ? twoFaces_.amount : edit::resting_amount(state.mode);
  twoFaces_ = state;
#ifdef FACET_WITH_VISION
  if (state.active()) timeline_->recordTwoFaceChange(static_cast<float>(state.amount), static_cast<float>(previous));
#else
  (void)previous;
#endif
  if (!hasFace()) return true;  // kept for the face that comes next
  show(true);
  changed();
  return true;
}

void EditDocument::commitTwoFaces(const QString& undoText) {
  if (sameState(twoFaces_, committedTwoFaces_)) return;
  const TwoFaceState before = committedTwoFaces_, after = twoFaces_;
  undo_->push(new AppliedCommand([this, before] { applyTwoFaces(before); }, [this, after] { applyTwoFaces(after); },
                                 undoText));
  committedTwoFaces_ = twoFaces_;
  changed();
}

void EditDocument::applyTwoFaces(const TwoFaceState& state) {
  twoFaces_ = state;
  committedTwoFaces_ = state;
  Q_EMIT twoFacesChanged();
  if (!hasFace()) return;
  renderFull();
  changed();
}

void EditDocument::addRecentFace(const OtherFace& face) {
  if (!face.wplus.defined()) return;
  const OtherFace entry = face;  // `face` may be one of recent_'s own, which the erase below destroys
  const auto same = [&](const OtherFace& f) { return sameOrigin(f, entry); };
  recent_.erase(std::remove_if(recent_.begin(), recent_.end(), same), recent_.end());
  recent_.insert(recent_.begin(), entry);
  if (recent_.size() > kRecentFaces) recent_.resize(kRecentFaces);
  Q_EMIT recentFacesChanged();
}

// --- text, layers, show in photo -------------------------------------------------------------------------------------

void EditDocument::showTextValues(bool byUser) {
  if (!hasFace()) return;  // kept for the face that comes next
  show(true);
  if (byUser) changed();
}

void EditDocument::setEditedLayers(const std::vector<bool>& mask) {
  const std::vector<bool> before = editedLayers();
  applyEditedLayers(mask);
  const std::vector<bool> after = editedLayers();
  if (hasFace() && before != after)
    undo_->push(new AppliedCommand([this, before] { applyEditedLayers(before); },
                                   [this, after] { applyEditedLayers(after); }, tr("Change the edited layers")));
}

void EditDocument::applyEditedLayers(const std::vector<bool>& mask) {
  editedLayers_ = mask;
#ifdef FACET_WITH_VISION
  timeline_->setEditedLayers(mask);
#endif
  Q_EMIT editedLayersChanged(mask);
  if (!hasFace()) return;
  renderFull();
  changed();
}

const std::vector<bool>& EditDocument::editedLayers() const { return editedLayers_; }

void EditDocument::setShowInPhoto(bool on) {
  showInPhoto_ = on;
  if (on && !photo_) Q_EMIT message(tr("Show in photo applies to faces from photos (File ▸ Open)."));
  if (hasFace() && photo_) renderFull();
}

// --- rendering ---------------------------------------------------------------------------------------------------------

void EditDocument::renderFull() { show(false); }

EditSnapshot EditDocument::snapshot() const {
  EditSnapshot edit;
  edit.alphas = alphas_;
  edit.editedLayers = editedLayers_;
  edit.textEdits = text_->values();
  edit.twoFaces = twoFaces_.toEdit();
  if (showInPhoto_ && photo_) edit.paste = photo_->paste;
  return edit;
}

void EditDocument::show(bool moving) { renderer_->show(snapshot(), moving); }

bool EditDocument::fullResultIsCurrent() const {
  return lastResult_.ok() && lastResult_.quality == RenderQuality::Full &&
         lastResult_.sequence == renderer_->lastSubmitted();
}

void EditDocument::receive(const RenderResult& result) {
  if (result.ok()) {
    lastResult_ = result;
    if (!result.inPhoto.isNull()) ++photoComposites_;
  }
  Q_EMIT resultReady(result);
}

// --- undo, autosave ------------------------------------------------------------------------------------------------------

void EditDocument::changed() {
  if (!hasFace()) return;
  autosaver_->markChanged();
}

bool EditDocument::isModified() const {
  if (!hasFace()) return false;
  // Undoing back to the saved state is saved; a gesture not yet released is not.
  if (modified_ || !undo_->isClean()) return true;
  if (alphas_ != committed_ || !sameState(twoFaces_, committedTwoFaces_) || text_->moving()) return true;
#ifdef FACET_WITH_VISION
  return timeline_->toJson() != savedTimeline_;  // keyframes recorded, moved or deleted since the last save
#else
  return false;
#endif
}

void EditDocument::markSaved() {
  modified_ = false;
  undo_->setClean();
#ifdef FACET_WITH_VISION
  savedTimeline_ = timeline_->toJson();
#endif
}

void EditDocument::markModified() { modified_ = true; }

void EditDocument::fail(const QString& text) {
  Q_EMIT message(text);
  Q_EMIT problem(text);
}

// --- sessions ------------------------------------------------------------------------------------------------------------

std::optional<SessionWithCode> EditDocument::session() const {
  if (!hasFace()) return std::nullopt;
  SessionWithCode out;
  out.session.photoPath = origin_.photoPath;
  out.session.photoSha256 = origin_.photoSha256;
  out.session.faceIndex = origin_.faceIndex;
  if (!out.session.photoPath.isEmpty() && out.session.photoSha256.isEmpty()) {
    try {
      out.session.photoSha256 = sha256OfFile(out.session.photoPath);
    } catch (const facet::Error&) {
    }
  }
  out.session.alphas = alphas_;
  for (const edit::Attribute& a : edit::celeba_attributes()) out.session.attributeIds << QString::fromStdString(a.id);
  if (out.session.attributeIds.size() != static_cast<int>(out.session.alphas.size())) out.session.attributeIds.clear();
  if (models_)
    for (const std::string& id : models::model_ids(models_->files)) out.session.modelIds << QString::fromStdString(id);
  out.wplus = wplus_;
  if (models_ && layerPresetOf(editedLayers(), models_->generator->n_latent()) != LayerPreset::Default)
    out.session.editedLayers = editedLayers();  // the default (0–10) is left out, as older sessions have it
  out.session.textSliders = text_->toSession();
  out.session.twoFaces = twoFaces_.settings();
  out.otherFaces = twoFaces_.codes();
#ifdef FACET_WITH_VISION
  out.session.timeline = timeline_->toJson();
#endif
  return out;
}

bool EditDocument::saveSession(const QString& path) {
  const auto current = session();
  if (!current) {
    Q_EMIT message(tr("Nothing to save: open a photo, a W+ code or a random face first."));
    return false;
  }
  try {
    saveSessionFiles(path, current->session, current->wplus, current->otherFaces);
    sessionPath_ = path;
    markSaved();
    Q_EMIT message(tr("Saved session %1").arg(QFileInfo(path).fileName()));
    return true;
  } catch (const std::exception& e) {
    fail(tr("Cannot save the session: %1").arg(errorText(e)));
    return false;
  }
}

bool EditDocument::openSession(const QString& path, SessionWithCode* loadedOut) {
  try {
    const SessionWithCode loaded = loadSessionFiles(path);
    if (!loaded.wplus.defined())
      throw Error(tr("this session holds no W+ code (the face was never embedded)").toStdString());
    if (!models_) throw Error(noGenerator().toStdString());
    const int64_t layerCount = models_->generator->n_latent();
    const auto& layers = loaded.session.editedLayers;
    if (!layers.empty() && static_cast<int64_t>(layers.size()) != layerCount)
      throw Error(tr("its layer mask has %1 layers; the loaded generator has %2")
                      .arg(layers.size()).arg(layerCount).toStdString());
    // Everything is checked before anything changes; the view shows the text sliders before the face renders.
    std::vector<TextSlider> text = TextSliderSet::fromSession(loaded.session.textSliders);
    const TwoFaceState two = TwoFaceState::fromSession(loaded.session.twoFaces, loaded.otherFaces);
    for (const auto* face : {&two.second, &two.neutral, &two.expressive})
      if (*face && !fits((*face)->wplus))
        throw Error(tr("its %1 face's code does not fit the loaded generator").arg((*face)->label).toStdString());
    if (!two.mixLayers.empty() && static_cast<int64_t>(two.mixLayers.size()) != layerCount)
      throw Error(tr("its mixed layers name %1 layers; the loaded generator has %2")
                      .arg(two.mixLayers.size()).arg(layerCount).toStdString());
    text_->reset(std::move(text));  // the face's first render has them
    resetAlphas(alphasInCatalogueOrder(loaded.session, attributeCount()));
    // Before the face, so its first render already holds the operation.
    twoFaces_ = committedTwoFaces_ = two;
    Q_EMIT twoFacesChanged();
    for (const auto* face : {&two.expressive, &two.neutral, &two.second})
      if (*face) addRecentFace(**face);
    setEditedLayers(layers.empty() ? layerPresetMask(LayerPreset::Default, layerCount) : layers);
    if (!setFace(loaded.wplus)) return false;
    setFaceOrigin(loaded.session.photoPath, loaded.session.photoSha256, loaded.session.faceIndex);
#ifdef FACET_WITH_VISION
    timeline_->fromJson(loaded.session.timeline);
#endif
    undo_->clear();
    sessionPath_ = path;
    markSaved();
    if (loadedOut) *loadedOut = loaded;
    return true;
  } catch (const std::exception& e) {
    fail(tr("Cannot open %1: %2").arg(QFileInfo(path).fileName(), errorText(e)));
    return false;
  }
}

// --- exports -------------------------------------------------------------------------------------------------------------

void EditDocument::runExport(const QString& path, std::function<QString()> job) {
  Q_EMIT message(tr("Exporting %1…").arg(QFileInfo(path).fileName()));
  jobs_->run<QString>(
      tr("Exporting %1…").arg(QFileInfo(path).fileName()), [job = std::move(job)](JobContext&) { return job(); },
      [this, path](QString error) {
        if (error.isEmpty())
          Q_EMIT message(tr("Exported %1").arg(QFileInfo(path).fileName()));
        else
          fail(error);
        Q_EMIT exportFinished(path, error.isEmpty());
      });
}

bool EditDocument::overwritesOriginal(const QString& path) {
  // Canonical paths where the files exist, so a link or "./" does not hide the original.
  const auto canonical = [](const QString& p) {
    const QFileInfo info(p);
    return info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
  };
  const QString target = canonical(path);
  for (const QString& original : {openedPath_, origin_.photoPath}) {
    if (!original.isEmpty() && target == canonical(original)) {
      fail(tr("%1: this is the opened file; choose another file name (Facet never overwrites the source)").arg(path));
      return true;
    }
  }
  return false;
}

bool EditDocument::exportRendered(const QString& path, int quality, std::function<QImage()> image, bool needsBefore) {
  if (!fullResultIsCurrent() || (needsBefore && lastResult_.before.isNull())) {
    Q_EMIT message(tr("The full-size image is still rendering; export again in a moment."));
    return false;
  }
  if (overwritesOriginal(path)) return false;
  ImageExportOptions options;
  options.quality = quality;
  options.sourcePath = origin_.photoPath.isEmpty() ? openedPath_ : origin_.photoPath;
  try {
    checkExportPath(path, options);
  } catch (const std::exception& e) {
    fail(errorText(e));
    return false;
  }
  runExport(path, [image = std::move(image), path, options]() -> QString {
    try {
      exportImage(image(), path, options);
      return {};
    } catch (const std::exception& e) {
      return errorText(e);
    }
  });
  return true;
}

bool EditDocument::exportEdited(const QString& path, int quality) {
  // A photo's face goes back into the photo at its original resolution; otherwise the face as generated.
  const QImage generated = lastResult_.image;
  const auto paste = photo_ ? photo_->paste : nullptr;
  return exportRendered(path, quality, [generated, paste] { return paste ? paste(generated) : generated; }, false);
}

bool EditDocument::exportAlignedFace(const QString& path, int quality) {
  const QImage generated = lastResult_.image;
  return exportRendered(path, quality, [generated] { return generated; }, false);
}

bool EditDocument::exportSideBySide(const QString& path, int quality) {
  const QImage before = lastResult_.before, after = lastResult_.image;
  return exportRendered(path, quality, [before, after] { return sideBySide(before, after); }, true);
}

bool EditDocument::exportWplus(const QString& path) {
  if (!hasFace() || !models_) {
    Q_EMIT message(tr("Nothing to export: open a face first."));
    return false;
  }
  if (overwritesOriginal(path)) return false;
  // The edit stack runs on the models' device, on a pool thread with the file's write.
  const auto models = models_;
  const torch::Tensor wplus = wplus_;
  const std::vector<float> alphas = alphas_;
  const std::vector<bool> layers = editedLayers();
  const auto text = text_->values();  // latent text sliders are part of the W+
  const auto two = twoFaces_.toEdit();
  runExport(path, [=]() -> QString {
    try {
      io::write_npy(QFile::encodeName(path).toStdString(), editedWplus(*models, wplus, alphas, layers, text, two));
      return {};
    } catch (const std::exception& e) {
      return errorText(e);
    }
  });
  return true;
}

}  // namespace facet::app
