#pragma once
// JSON views of faces and alignments for --json output (align, apply).
#include <nlohmann/json.hpp>

#include "core/face/face_finder.h"
#include "core/face/ffhq_align.h"

namespace facet::cli {

nlohmann::json face_to_json(const face::Face& face);
nlohmann::json alignment_to_json(const face::AlignedFace& aligned);

// Refuses to write over the input photo (same file, also through links).
void check_not_input(const std::string& out, const std::string& input);

}  // namespace facet::cli
