#pragma once
// The exception every Facet layer throws for problems a user can act on (bad file, missing model, bad input).
// Catch at the UI/CLI boundary and show what() as it is: it names the file and what to do.
#include <stdexcept>
#include <string>

namespace facet {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace facet
