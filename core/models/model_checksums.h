#pragma once
// Model files are checked, not trusted: the SHA-256 of each model file is recorded the first time it loads, in a
// small record in the user's data folder ($XDG_DATA_HOME/facet/model-checksums.json, else
// ~/.local/share/facet/model-checksums.json), and a later load of the same path whose bytes hash differently is
// reported. Most models publish no checksum (models/manifest.json), so this is what notices a model replaced,
// damaged or swapped for another file under the same name after it first worked.
//
// A file is hashed again only when its size, inode, modification or status-change time differ from the record's:
// no write or replacement leaves all of them as they were (the status-change time cannot be set back), and hashing
// a 380 MB generator at every start is avoided.
#include <string>
#include <vector>

namespace facet::models {

std::string model_checksum_record_path();

struct ChecksumCheck {
  std::vector<std::string> warnings;  // one sentence per file whose checksum changed, or a record that was unreadable
  int hashed = 0;                     // files read and hashed now (the others were unchanged since recorded)
};

// Checks `paths` (files; a folder stands for the regular files directly in it) against the record at
// `record_path`, records the ones seen for the first time and the new checksum of a changed one (so a replaced file
// is reported once), drops entries whose file no longer exists, and writes the record atomically when it changed.
// Slow the first time for large files: call it off any interactive thread. A file that cannot be read, or a record
// that cannot be written, is a warning, never an exception: the models already loaded.
ChecksumCheck check_model_checksums(const std::vector<std::string>& paths,
                                    const std::string& record_path = model_checksum_record_path());

}  // namespace facet::models
