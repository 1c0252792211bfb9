#pragma once
// edit-video --shard I/N: each shard edits one block of the frames into its part of the work folder
// (.OUT.facet-work/parts/shard-I-of-N/ by default); `facet-cli merge OUT` writes the video from all the parts,
// the same frames one process writes.
#include <string>
#include <vector>

namespace facet::cli {

// The folder whose parts/ `merge` reads for `out`: `out` itself when it holds parts, else the work folder of the
// video `out` names when that holds them (so `merge EDITED.mp4` works).
std::string parts_root(const std::string& out);
// Where a sharded edit-video command line (edit-video … --out V [--work-dir W]) keeps its parts: W, else V's work
// folder.
std::string edit_video_parts_dir(const std::vector<std::string>& command);
// Joins the parts of a sharded edit-video, removes the work folder and prints what it wrote.
int merge_edit_video_parts(const std::string& root);

}  // namespace facet::cli
