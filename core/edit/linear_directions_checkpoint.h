#pragma once
// Linear directions built from a checkpoint already read, as load_directions does after reading the file; the fuzz
// target of the slider files feeds it bytes from memory. `name` is the file named in errors.
#include <string>

#include "core/edit/linear_directions.h"
#include "core/io/checkpoint.h"

namespace facet::edit {

DirectionSet directions_from_checkpoint(const io::Checkpoint& checkpoint, const std::string& name,
                                        torch::Device device = torch::kCPU);

}  // namespace facet::edit
