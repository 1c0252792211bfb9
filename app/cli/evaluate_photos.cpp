#include "app/cli/evaluate_photos.h"

#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

#include <torch/torch.h>

#include "app/cli/command.h"
#include "core/batch/work_items.h"
#include "core/edit/attributes.h"
#include "core/face/face_finder.h"
#include "core/face/photo.h"
#include "core/io/error.h"
#include "core/io/atomic_file.h"
#include "core/io/image.h"
#include "core/models/device.h"
#include "core/models/model_registry.h"
#include "core/pipeline/inversion_comparison.h"
#include "core/pipeline/photo_pipeline.h"

namespace facet::cli {
namespace {

constexpr pipeline::InversionMethod kMethods[] = {pipeline::InversionMethod::Encoder,
                                                  pipeline::InversionMethod::Refined,
                                                  pipeline::InversionMethod::Tuned};

nlohmann::json optional_json(const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

// Attributes named by --attrs (names or indices, comma-separated); default: every one the editor can edit.
std::vector<int> chosen_attributes(const std::vector<std::string>& groups, const edit::Editor* editor) {
  std::vector<int> out;
  for (const auto& group : groups) {
    std::stringstream in(group);
    for (std::string name; std::getline(in, name, ',');)
      if (!name.empty()) out.push_back(edit::require_attribute(name).index);
  }
  if (!editor) {
    if (!out.empty()) throw Error("--attrs needs --transformers DIR and/or --directions FILE to edit with");
    return out;
  }
  if (out.empty()) {
    for (const auto& attr : edit::celeba_attributes())
      if (editor->method_for(attr.index) != edit::EditMethod::None) out.push_back(attr.index);
  }
  for (int k : out)
    if (editor->method_for(k) == edit::EditMethod::None)
      throw Error("no transformer and no direction for " + edit::celeba_attributes()[k].id);
  return out;
}

// The identity meter: ArcFace when installed (or given), else face-api when installed (or given), else none.
std::optional<pipeline::IdentityMeter> identity_meter(const PhotoEvaluationArgs& a, torch::Device device,
                                                      std::vector<std::string>& notes) {
  if (auto arcface = models::load_optional_arcface(a.arcface, device))
    return pipeline::arcface_meter(std::make_shared<const nn::ArcFace>(std::move(*arcface)));
  if (!a.faceapi.empty() || !models::find_role_file(models::Role::FaceApi).empty())
    return pipeline::faceapi_meter(models::load_face_analyzer(a.faceapi, device));
  notes.push_back("identity distance absent: neither ArcFace (model_ir_se50.pth) nor face-api's models are installed");
  return std::nullopt;
}

// The aligned crop of a photo's largest face (or the image itself with --aligned), at least 256² so the encoder
// gets a sharp input; an empty Mat and a reason when there is none.
cv::Mat aligned_crop(const std::string& path, const face::FaceFinder* finder, int size, std::string& why) {
  const cv::Mat photo = face::read_photo(path);
  if (!finder) {
    if (photo.cols != photo.rows) {
      why = "the image is not square, so it is not an aligned crop";
      return {};
    }
    return photo;
  }
  const std::vector<face::Face> faces = finder->find(photo);
  if (faces.empty()) {
    why = "no face found (Facet looks for upright, roughly frontal faces at least about 40 px wide)";
    return {};
  }
  return pipeline::align_face(photo, faces.front(), size).image;
}

std::string fixed(double v, int digits) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(digits) << v;
  return s.str();
}
std::string fixed(const nlohmann::json& v, int digits) { return v.is_number() ? fixed(v.get<double>(), digits) : "—"; }

void print_table(const nlohmann::json& doc) {
  const auto& attrs = doc["attributes"];
  std::cout << std::left << std::setw(24) << "photo" << std::setw(9) << "method" << std::right << std::setw(9)
            << "MSE" << std::setw(8) << "LPIPS" << std::setw(10) << "identity";
  for (const auto& attr : attrs) std::cout << std::setw(std::max<int>(10, attr.get<std::string>().size() + 2)) << attr.get<std::string>();
  std::cout << std::setw(9) << "seconds" << "\n";
  auto row = [&](const std::string& label, const std::string& method, const nlohmann::json& m) {
    std::cout << std::left << std::setw(24) << label << std::setw(9) << method << std::right;
    if (m.is_null()) {
      std::cout << "  (not run)\n";
      return;
    }
    std::cout << std::setw(9) << fixed(m["mse"], 4) << std::setw(8) << fixed(m["lpips"], 3) << std::setw(10)
              << fixed(m["identity"], 3);
    for (const auto& attr : attrs)
      std::cout << std::setw(std::max<int>(10, attr.get<std::string>().size() + 2))
                << fixed(m["edits"][attr.get<std::string>()], 3);
    std::cout << std::setw(9) << fixed(m["seconds"], 1) << "\n";
  };
  for (const auto& p : doc["photos"]) {
    const std::string name = std::filesystem::path(p["photo"].get<std::string>()).filename().string();
    if (!p["error"].is_null()) {
      std::cout << std::left << std::setw(24) << name << "not evaluated: " << p["error"].get<std::string>() << "\n";
      continue;
    }
    bool first = true;
    for (auto method : kMethods) {
      const std::string id = pipeline::inversion_method_name(method);
      row(first ? name : "", id, p["methods"][id]);
      first = false;
    }
  }
  bool first = true;
  for (auto method : kMethods) {
    const std::string id = pipeline::inversion_method_name(method);
    row(first ? "mean of " + std::to_string(doc["evaluated"].get<int>()) + " photo(s)" : "", id, doc["means"][id]);
    first = false;
  }
  const auto& metrics = doc["metrics"];
  std::cout << "MSE on images in [-1, 1] at " << doc["size"] << "²; LPIPS: "
            << (metrics["lpips"].get<bool>() ? "v0.1 (VGG)" : "absent (its files are not installed)")
            << "; identity: "
            << (metrics["identity"].is_null() ? "absent" : metrics["identity"].get<std::string>() + " to the photo")
            << (attrs.empty() ? "" : "; edits at α = " + fixed(doc["alpha"].get<double>(), 2)) << "\n";
  for (const auto& note : doc["notes"]) std::cout << "note: " << note.get<std::string>() << "\n";
}

}  // namespace

int evaluate_photos(const PhotoEvaluationArgs& a) {
  if (!a.generator.tuned.empty())
    throw Error("evaluate --photos tunes the base generator itself: give --generator alone");
  if (a.encoder.empty() && a.refine_steps <= 0)
    throw Error("nothing to start from: give --encoder, or --refine-steps N to refine from the average face");
  const auto items = batch::read_work_items(a.photos, a.out.empty() ? "." : a.out);
  auto g = load_generator(a.generator);
  const torch::Device device = g->device();
  std::vector<std::string> notes;

  pipeline::ComparisonModels models;
  models.generator = g;
  if (!a.encoder.empty()) models.encoder = facet::models::load_encoder(a.encoder, device);
  else notes.push_back("no --encoder: no encoder method; refinement starts from the average face");
  if (a.loss != "l2") {
    std::string note;
    try {
      models.perceptual = facet::models::load_perceptual("lpips", device, note);
    } catch (const Error&) {
      if (a.loss == "lpips") throw;
      notes.push_back("LPIPS files not found (models/fetch): refinement and tuning use the pixel loss alone, "
                      "and no LPIPS figures");
    }
  }
  const bool lpips = models.perceptual.kind() == embed::PerceptualKind::Lpips;
  models.identity = identity_meter(a, device, notes);
  if (!a.transformers.empty() || !a.directions.empty())
    models.editor = facet::models::load_editor(a.transformers, a.directions, device);

  pipeline::ComparisonOptions o;
  o.refine_steps = a.refine_steps;
  o.refine.lr = a.refine_lr;
  o.refine.keep_best = true;
  o.tune.steps = a.tune_steps;
  o.tune.lr = a.tune_lr;
  o.attributes = chosen_attributes(a.attrs, models.editor.get());
  o.alpha = a.alpha;
  if (!o.attributes.empty() && !models.identity)
    notes.push_back("the edits are not measured: identity distance needs ArcFace or face-api");

  if (!a.out.empty()) std::filesystem::create_directories(a.out);  // the reconstructions go there as they come
  std::optional<face::FaceFinder> finder;
  if (!a.aligned) finder = face::FaceFinder::create(a.predictor);
  const int crop_size = static_cast<int>(std::max<int64_t>(pipeline::kEncoderInputSize, g->size()));

  nlohmann::json attr_names = nlohmann::json::array();
  for (int k : o.attributes) attr_names.push_back(edit::celeba_attributes()[k].id);
  nlohmann::json photos = nlohmann::json::array();
  // Sums over the evaluated photos, per method and figure.
  std::map<std::string, std::map<std::string, std::pair<double, int>>> sums;
  int evaluated = 0;
  for (const auto& item : items) {
    nlohmann::json p{{"photo", item.photo}, {"error", nullptr}, {"methods", nullptr}};
    try {
      std::string why;
      const cv::Mat crop = aligned_crop(item.photo, finder ? &*finder : nullptr, crop_size, why);
      if (crop.empty()) throw Error(why);
      if (!a.json) std::cerr << "evaluating " << item.photo << "…\n";
      const pipeline::PhotoComparison c = pipeline::compare_inversions(crop, models, o);
      nlohmann::json methods;
      for (auto method : kMethods) methods[pipeline::inversion_method_name(method)] = nullptr;
      for (const auto& f : c.methods) {
        const std::string id = pipeline::inversion_method_name(f.method);
        nlohmann::json edits = nlohmann::json::object();
        for (size_t i = 0; i < f.edit_identity.size(); ++i) edits[attr_names[i].get<std::string>()] = optional_json(f.edit_identity[i]);
        methods[id] = {{"mse", f.mse},
                       {"lpips", optional_json(f.lpips)},
                       {"identity", optional_json(f.identity)},
                       {"edits", edits},
                       {"seconds", f.seconds}};
        auto add = [&](const std::string& key, const nlohmann::json& v) {
          if (!v.is_number()) return;
          auto& s = sums[id][key];
          s.first += v.get<double>();
          ++s.second;
        };
        for (const char* key : {"mse", "lpips", "identity", "seconds"}) add(key, methods[id][key]);
        for (const auto& [name, v] : edits.items()) add("edit:" + name, v);
        if (!a.out.empty()) {
          const std::string stem = std::filesystem::path(item.output).stem().string();
          io::write_image(a.out + "/" + stem + "_" + id + ".png", f.image[0]);
        }
      }
      p["methods"] = methods;
      ++evaluated;
    } catch (const Error& e) {
      p["error"] = e.what();
      if (!a.json) std::cerr << item.photo << ": not evaluated: " << e.what() << "\n";
    }
    photos.push_back(p);
  }

  nlohmann::json means;
  for (auto method : kMethods) {
    const std::string id = pipeline::inversion_method_name(method);
    if (!sums.count(id)) {
      means[id] = nullptr;
      continue;
    }
    const auto mean = [&](const std::string& key) -> nlohmann::json {
      const auto it = sums[id].find(key);
      return it == sums[id].end() ? nlohmann::json() : nlohmann::json(it->second.first / it->second.second);
    };
    nlohmann::json edits = nlohmann::json::object();
    for (const auto& name : attr_names) edits[name.get<std::string>()] = mean("edit:" + name.get<std::string>());
    means[id] = {{"mse", mean("mse")}, {"lpips", mean("lpips")}, {"identity", mean("identity")},
                 {"edits", edits},     {"seconds", mean("seconds")}};
  }
  const nlohmann::json doc{
      {"generator", a.generator.file},
      {"size", g->size()},
      {"device", facet::models::describe_device(device)},
      {"encoder", a.encoder.empty() ? nlohmann::json() : nlohmann::json(a.encoder)},
      {"refine_steps", a.refine_steps},
      {"tune_steps", a.tune_steps},
      {"loss", lpips ? "l2+lpips" : "l2"},
      {"metrics",
       {{"mse", "mean squared error, images clamped to [-1, 1]"},
        {"lpips", lpips},
        {"identity", models.identity ? nlohmann::json(models.identity->metric) : nlohmann::json()}}},
      {"attributes", attr_names},
      {"alpha", a.alpha},
      {"photos", photos},
      {"evaluated", evaluated},
      {"not_evaluated", static_cast<int>(photos.size()) - evaluated},
      {"means", means},
      {"notes", notes}};
  if (!a.out.empty()) {
    io::write_file_atomic(a.out + "/evaluation.json", doc.dump(2) + "\n");
  }
  if (a.json) print_json(doc);
  else print_table(doc);
  if (evaluated == 0) throw Error("no photo could be evaluated");
  return kOk;
}

}  // namespace facet::cli
