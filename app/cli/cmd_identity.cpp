// facet-cli identity A B: are the (largest) faces of two photos the same person? face-api's descriptor distance
// and the 0–100 identity score the editor shows, plus ArcFace's cosine similarity when that model is installed.
#include <iomanip>
#include <iostream>

#include <torch/torch.h>

#include "app/cli/command.h"
#include "app/cli/face_json.h"
#include "core/pipeline/face_measure.h"
#include "app/cli/faceapi_options.h"
#include "core/pipeline/photo_pipeline.h"

namespace facet::cli {
namespace {

struct IdentityArgs {
  std::string a, b, faceapi, arcface, predictor;
  int face_a = 0, face_b = 0;
  bool json = false;
};

void register_identity(CLI::App& root, Commands& commands) {
  auto* cmd = root.add_subcommand("identity", "Identity score between the faces of two photos");
  auto a = std::make_shared<IdentityArgs>();
  cmd->add_option("a", a->a, "first photo")->required();
  cmd->add_option("b", a->b, "second photo")->required();
  cmd->add_option("--face-a", a->face_a, "face in the first photo, 0 = the largest")->capture_default_str();
  cmd->add_option("--face-b", a->face_b, "face in the second photo, 0 = the largest")->capture_default_str();
  add_faceapi_option(cmd, a->faceapi);
  cmd->add_option("--arcface", a->arcface, "ArcFace IR-SE50 (model_ir_se50.pth; default: the models folders, if any)");
  cmd->add_option("--predictor", a->predictor, "dlib 68-point shape predictor (.dat; default: libdlib-data's)");
  cmd->add_flag("--json", a->json, "Machine-readable output");
  commands.bind(cmd, [a] {
    const nn::FaceAnalyzer analyzer = load_face_analyzer(a->faceapi);
    const auto arcface = load_optional_arcface(a->arcface);
    auto measure = [&](const std::string& path, int index) {
      const pipeline::PhotoFaces found = pipeline::find_faces(path, a->predictor);
      return pipeline::measure_face(found.photo, pipeline::choose_face(found.faces, index, path), analyzer,
                          arcface ? &*arcface : nullptr);
    };
    const pipeline::MeasuredFace fa = measure(a->a, a->face_a), fb = measure(a->b, a->face_b);
    const double distance = nn::descriptor_distance(fa.analysis.descriptor, fb.analysis.descriptor);
    nlohmann::json out{{"a", a->a},
                       {"b", a->b},
                       {"descriptor_distance", distance},
                       {"identity_score", nn::identity_score(distance)},
                       {"same_person", distance < nn::kSamePersonDistance},
                       {"same_person_threshold", nn::kSamePersonDistance},
                       {"arcface_cosine", nullptr}};
    if (arcface) out["arcface_cosine"] = torch::dot(fa.arcface, fb.arcface).item<double>();  // both unit length
    if (a->json) {
      print_json(out);
    } else {
      std::cout << std::fixed << std::setprecision(3) << "descriptor distance " << distance << " (same person below "
                << nn::kSamePersonDistance << "): " << (distance < nn::kSamePersonDistance ? "same" : "different")
                << " person; identity score " << std::setprecision(1) << nn::identity_score(distance) << "/100";
      if (arcface) std::cout << "; ArcFace cosine " << std::setprecision(3) << out["arcface_cosine"].get<double>();
      else std::cout << "; ArcFace not installed (model_ir_se50.pth)";
      std::cout << "\n";
    }
    return kOk;
  });
}
FACET_CLI_COMMAND(register_identity);

}  // namespace
}  // namespace facet::cli
