// facet-cli analyze: every face in a photo with its age, gender, expressions and 128-D descriptor (face-api.js).
#include <iomanip>
#include <iostream>

#include "app/cli/command.h"
#include "app/cli/face_json.h"
#include "core/pipeline/face_measure.h"
#include "app/cli/faceapi_options.h"
#include "core/face/photo.h"
#include "core/pipeline/photo_pipeline.h"
#include "core/nn/faceapi/face_expression_net.h"

namespace facet::cli {
namespace {

struct AnalyzeArgs {
  std::string image, faceapi, predictor;
  bool json = false, descriptor = false;
};

nlohmann::json analysis_to_json(const nn::FaceAnalysis& a, bool with_descriptor) {
  nlohmann::json expressions;
  for (size_t i = 0; i < a.expressions.size(); ++i) expressions[nn::faceapi::kExpressionLabels[i]] = a.expressions[i];
  nlohmann::json j{{"age", a.age},
                   {"gender", a.male ? "male" : "female"},
                   {"gender_probability", a.gender_probability},
                   {"expressions", expressions}};
  if (with_descriptor) {
    std::vector<float> d(a.descriptor.data_ptr<float>(), a.descriptor.data_ptr<float>() + a.descriptor.numel());
    j["descriptor"] = d;
  }
  return j;
}

std::string top_expression(const nn::FaceAnalysis& a) {
  size_t best = 0;
  for (size_t i = 1; i < a.expressions.size(); ++i)
    if (a.expressions[i] > a.expressions[best]) best = i;
  return nn::faceapi::kExpressionLabels[best];
}

void register_analyze(CLI::App& root, Commands& commands) {
  auto* cmd = root.add_subcommand("analyze", "Faces in a photo: age, gender, expressions, descriptor (face-api.js)");
  auto a = std::make_shared<AnalyzeArgs>();
  cmd->add_option("image", a->image, "photo")->required();
  add_faceapi_option(cmd, a->faceapi);
  cmd->add_option("--predictor", a->predictor, "dlib 68-point shape predictor (.dat; default: libdlib-data's)");
  cmd->add_flag("--descriptor", a->descriptor, "include the 128-D descriptor in --json");
  cmd->add_flag("--json", a->json, "Machine-readable output");
  commands.bind(cmd, [a] {
    const cv::Mat photo = face::read_photo(a->image);
    const auto faces = pipeline::find_faces(photo, a->predictor).faces;
    if (faces.empty()) pipeline::choose_face(faces, 0, a->image);  // throws the "no face" message
    const nn::FaceAnalyzer analyzer = load_face_analyzer(a->faceapi);
    nlohmann::json list = nlohmann::json::array();
    for (size_t i = 0; i < faces.size(); ++i) {
      const pipeline::MeasuredFace m = pipeline::measure_face(photo, faces[i], analyzer, nullptr);
      nlohmann::json j = face_to_json(faces[i]);
      j.update(analysis_to_json(m.analysis, a->descriptor));
      list.push_back(j);
      if (!a->json)
        std::cout << "face " << i << " at " << faces[i].box << ": age " << std::fixed << std::setprecision(1)
                  << m.analysis.age << ", " << (m.analysis.male ? "male" : "female") << " ("
                  << std::setprecision(2) << m.analysis.gender_probability << "), " << top_expression(m.analysis)
                  << "\n";
    }
    if (a->json) print_json({{"image", a->image}, {"width", photo.cols}, {"height", photo.rows}, {"faces", list}});
    return kOk;
  });
}
FACET_CLI_COMMAND(register_analyze);

}  // namespace
}  // namespace facet::cli
