#pragma once
// A session on disk with its W+ code: "<name>.facet" plus "<name>.wplus.npy" beside it (both written atomically).
#include <QString>
#include <torch/types.h>

#include "app/editor/session.h"

namespace facet::app {

struct SessionWithCode {
  Session session;
  torch::Tensor wplus;  // [1, n_latent, dim] float32 CPU; undefined when the session has none
};

// Writes the W+ (when defined) beside `path` and the session pointing at it. facet::Error on failure.
void saveSessionFiles(const QString& path, Session session, const torch::Tensor& wplus);
// Reads the session and its W+; facet::Error naming the file when either is unreadable.
SessionWithCode loadSessionFiles(const QString& path);

}  // namespace facet::app
