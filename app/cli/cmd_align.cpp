// facet-cli align: find the faces in a photo and write the FFHQ-aligned crop of one of them.
#include <chrono>
#include <iostream>

#include "app/cli/command.h"
#include "app/cli/face_json.h"
#include "core/face/photo.h"
#include "core/pipeline/photo_pipeline.h"

namespace facet::cli {
namespace {

struct AlignArgs {
  std::string image, out, predictor;
  int size = 1024, face = 0, transform_size = 0;
  bool json = false;
};

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void register_align(CLI::App& root, Commands& commands) {
  auto* cmd = root.add_subcommand("align", "Find faces in a photo and write one aligned as FFHQ (StyleGAN2's data)");
  auto a = std::make_shared<AlignArgs>();
  cmd->add_option("image", a->image, "photo (JPEG, PNG, BMP, WebP, TIFF)")->required();
  cmd->add_option("--out", a->out, "aligned crop (.png/.jpg); omit to only report");
  cmd->add_option("--size", a->size, "aligned size (the generator's: 256, 512, 1024)")->capture_default_str();
  cmd->add_option("--face", a->face, "which face, 0 = the largest")->capture_default_str();
  cmd->add_option("--transform-size", a->transform_size, "intermediate quad size (default 4 × --size, as FFHQ)");
  cmd->add_option("--predictor", a->predictor, "dlib 68-point shape predictor (.dat; default: libdlib-data's)");
  cmd->add_flag("--json", a->json, "print faces, boxes, landmarks, quad and transform as JSON");
  commands.bind(cmd, [a] {
    if (!a->out.empty()) check_not_input(a->out, a->image);
    const cv::Mat photo = face::read_photo(a->image);
    const auto t0 = std::chrono::steady_clock::now();
    const auto faces = pipeline::find_faces(photo, a->predictor).faces;
    const double detect_s = seconds_since(t0);
    const face::Face& chosen = pipeline::choose_face(faces, a->face, a->image);
    face::AlignOptions options;
    options.transform_size = a->transform_size;
    const auto t1 = std::chrono::steady_clock::now();
    const face::AlignedFace aligned = pipeline::align_face(photo, chosen, a->size, options);
    const double align_s = seconds_since(t1);
    if (!a->out.empty()) face::write_photo(a->out, aligned.image);
    if (a->json) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& f : faces) list.push_back(face_to_json(f));
      print_json({{"image", a->image},
                  {"width", photo.cols},
                  {"height", photo.rows},
                  {"faces", list},
                  {"face", a->face},
                  {"alignment", alignment_to_json(aligned)},
                  {"out", a->out},
                  {"seconds", {{"detect_landmarks", detect_s}, {"align", align_s}}}});
    } else {
      std::cerr << faces.size() << " face(s) in " << a->image << "; face " << a->face << " at " << chosen.box
                << (a->out.empty() ? std::string() : " aligned → " + a->out) << "\n";
    }
    return kOk;
  });
}
FACET_CLI_COMMAND(register_align);

}  // namespace
}  // namespace facet::cli
