#include "app/cli/apply_batch.h"

#include <iostream>

#include "app/cli/faceapi_options.h"
#include "app/cli/photo_batch.h"
#include "core/io/error.h"

namespace facet::cli {

int run_apply_batch(const ApplyArgs& args, const BatchArgs& batch) {
  if (!args.save_wplus.empty()) throw Error("--save-wplus names one file: it is for a single photo, not a batch");
  ApplyModels models;
  PhotoBatch job;
  job.command = "apply";
  job.source = batch.source;
  job.out = batch.out;
  job.shard = batch.shard;
  job.settings = apply_settings(args);
  job.prepare = [&] {
    models = load_apply_models(args);
    if (batch.identity) {
      try {
        models.analyzer.emplace(load_face_analyzer(batch.faceapi));
      } catch (const Error& e) {
        std::cerr << "apply: no identity scores (" << e.what() << ")\n";
      }
    }
  };
  job.run_item = [&](const batch::WorkItem& item, nlohmann::json& line, const std::atomic<bool>*) {
    int detected = -1, wanted_face = args.face;
    // Unknown (null) when the photo could not be searched at all.
    auto record_faces = [&] {
      line["faces"] = detected >= 0 ? nlohmann::json(detected) : nlohmann::json(nullptr);
      line["face_found"] = detected >= 0 ? nlohmann::json(detected > wanted_face) : nlohmann::json(nullptr);
    };
    try {
      const ApplyArgs own = with_item_options(args, item.options);
      wanted_face = own.face;
      const nlohmann::json r = apply_photo(own, models, item.photo, item.output, &detected);
      line["identity_score"] = r["identity_score"];
    } catch (...) {
      record_faces();
      throw;
    }
    record_faces();
  };
  return run_photo_batch(job);
}

}  // namespace facet::cli
