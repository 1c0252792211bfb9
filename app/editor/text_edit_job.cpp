#include "app/editor/text_edit_job.h"
#include "app/editor/error_text.h"

#include <filesystem>

#include <QCoreApplication>
#include <torch/torch.h>

#include "core/edit/clip_guidance.h"
#include "core/edit/latent_mapper.h"
#include "core/edit/text_optimisation.h"
#include "core/io/error.h"
#include "core/models/model_registry.h"

namespace facet::app {

std::string missing_clip_reason(const std::string& clip, const std::string& vocab) {
  if (clip.empty() || !std::filesystem::exists(clip))
    return "No CLIP model is installed (ViT-B-32.pt): global directions and optimisation need it. Fetch it with "
           "models/fetch clip-vit-b32, or load a saved direction file instead.";
  if (vocab.empty() || !std::filesystem::exists(vocab))
    return "CLIP's vocabulary (bpe_simple_vocab_16e6.txt.gz) is not installed: fetch it with models/fetch "
           "clip-bpe-vocab, or load a saved direction file instead.";
  return {};
}

std::shared_ptr<edit::TextDirection> run_text_edit_job(const TextEditJob& job, const edit::TextProgressFn& progress,
                                                       const std::atomic<bool>* cancel) {
  if (job.prompt.empty()) throw Error("type a prompt first (e.g. \"a face with curly hair\")");
  if (const std::string reason = missing_clip_reason(job.clip, job.vocab); !reason.empty()) throw Error(reason);
  if (job.generator.empty()) throw Error("no generator loaded");
  const auto g = models::load_generator(job.generator, job.device);
  const edit::ClipGuide clip = models::load_clip(job.clip, job.vocab, job.device);
  auto out = std::make_shared<edit::TextDirection>();
  if (job.method == TextEditJob::Method::Global) {
    edit::RelevanceOptions ro = job.relevance;
    if (ro.render_size >= g->size()) ro.render_size = 0;  // small generators: their own size
    const auto r = edit::cached_channel_relevance(job.cache_dir, job.generator, job.clip, *g, clip, ro, progress, cancel);
    if (r.cancelled) return nullptr;
    *out = edit::global_direction(r, edit::text_delta(clip, job.prompt, job.neutral), job.beta, job.prompt, job.neutral);
  } else {
    if (!job.wplus.defined()) throw Error("open a face first: optimisation starts from the face being edited");
    edit::TextOptimisationOptions o;
    o.steps = job.steps;
    o.output_size = job.output_size > 0 && job.output_size < g->size() ? job.output_size : 0;
    auto result = edit::optimise_text_edit(*g, clip, job.prompt, job.wplus, o, nullptr, progress, cancel);
    if (result.cancelled) return nullptr;
    *out = std::move(result.direction);
  }
  out->generator = std::filesystem::path(job.generator).filename().string();
  return out;
}

LoadedDirection loadTextDirectionFile(const QString& path, const QString& prompt, const torch::Tensor& face) {
  LoadedDirection out;
  try {
    if (path.endsWith(".pt") || path.endsWith(".pth")) {
      if (!face.defined())
        throw Error(QCoreApplication::translate("TextEditDialog", "open a face first: a mapper is applied to it").toStdString());
      auto mapper = edit::load_latent_mapper(path.toStdString(), torch::kCPU);
      torch::NoGradGuard no_grad;
      out.direction = std::make_shared<edit::TextDirection>(
          edit::mapper_direction(mapper, face.to(torch::kCPU, torch::kFloat32), prompt.toStdString()));
    } else {
      out.direction = std::make_shared<edit::TextDirection>(edit::load_text_direction(path.toStdString()));
    }
  } catch (const std::exception& e) {
    out.error = QCoreApplication::translate("TextEditDialog", "Cannot load the direction: %1").arg(errorText(e));
  }
  return out;
}

}  // namespace facet::app
