#pragma once
// The engine behind the render worker: turns slider values into an image and scores. Implementations own the
// networks and the current W+ on their device; the worker calls them only from its own thread, one call at a time.
#include <functional>

#include "app/editor/render_types.h"

namespace facet::app {

class RenderBackend {
 public:
  virtual ~RenderBackend() = default;

  // Renders `request`. `superseded()` turns true once a newer request is waiting: a long render may check it
  // between stages and return early with a null image (the worker then drops the result). May throw
  // facet::Error (shown to the user as it is); the worker fills in sequence, quality and total time.
  virtual RenderResult render(const RenderRequest& request, const std::function<bool()>& superseded) = 0;
};

}  // namespace facet::app
