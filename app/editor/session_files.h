#pragma once
// A session on disk with its W+ code: "<name>.facet" plus "<name>.wplus.npy" beside it (both written atomically).
#include <map>
#include <string>

#include <QString>
#include <torch/types.h>

#include "app/editor/session.h"

namespace facet::app {

struct SessionWithCode {
  Session session;
  torch::Tensor wplus;  // [1, n_latent, dim] float32 CPU; undefined when the session has none
  std::map<std::string, torch::Tensor> otherFaces;  // the codes of the faces in session.twoFaces, by role
};

// Writes the W+ (when defined) and the other faces' codes (by role) beside `path`, and the session pointing at
// them. facet::Error on failure.
void saveSessionFiles(const QString& path, Session session, const torch::Tensor& wplus,
                      const std::map<std::string, torch::Tensor>& otherFaces = {});
// Reads the session and its W+; facet::Error naming the file when either is unreadable.
SessionWithCode loadSessionFiles(const QString& path);

}  // namespace facet::app
