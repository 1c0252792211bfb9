#include "core/edit/train_checkpoint.h"

#include <ATen/CPUGeneratorImpl.h>

#include <sstream>

#include "core/io/atomic_file.h"
#include "core/io/error.h"

namespace facet::edit {

std::string resume_path(const std::string& weights_path) { return weights_path + ".resume"; }

void save_resume_state(const std::string& path, const std::string& kind, uint64_t seed, int64_t batch,
                       const TrainPosition& pos, torch::nn::Module& module, torch::optim::Optimizer& optimizer) {
  torch::serialize::OutputArchive archive, model, optim;
  archive.write("format", c10::IValue(std::string("facet-train-resume")));
  archive.write("kind", c10::IValue(kind));
  archive.write("seed", c10::IValue(static_cast<int64_t>(seed)));
  archive.write("batch", c10::IValue(batch));
  archive.write("epoch", c10::IValue(pos.epoch));
  archive.write("step_in_epoch", c10::IValue(pos.step_in_epoch));
  archive.write("step", c10::IValue(pos.step));
  module.save(model);
  optimizer.save(optim);
  archive.write("model", model);
  archive.write("optimizer", optim);
  std::ostringstream bytes;
  archive.save_to(bytes);
  io::write_file_atomic(path, bytes.str());
}

TrainPosition load_resume_state(const std::string& path, const std::string& kind, uint64_t seed, int64_t batch,
                                torch::nn::Module& module, torch::optim::Optimizer& optimizer) {
  const std::string data = io::read_file(path);
  torch::serialize::InputArchive archive, model, optim;
  try {
    archive.load_from(data.data(), data.size());
  } catch (const c10::Error&) {
    throw Error(path + ": not a training resume file");
  }
  auto read = [&](const char* key) {
    c10::IValue v;
    if (!archive.try_read(key, v)) throw Error(path + ": no '" + std::string(key) + "'; not a training resume file");
    return v;
  };
  if (read("format").toStringRef() != "facet-train-resume") throw Error(path + ": not a training resume file");
  const std::string saved_kind = read("kind").toStringRef();
  if (saved_kind != kind) throw Error(path + ": saved by a '" + saved_kind + "' run, cannot resume a '" + kind + "' run");
  const auto saved_seed = static_cast<uint64_t>(read("seed").toInt());
  if (saved_seed != seed)
    throw Error(path + ": the run started with seed " + std::to_string(saved_seed) + "; resume with the same --seed");
  if (read("batch").toInt() != batch)
    throw Error(path + ": the run used batch " + std::to_string(read("batch").toInt()) + "; resume with the same batch");
  TrainPosition pos{read("epoch").toInt(), read("step_in_epoch").toInt(), read("step").toInt()};
  try {
    archive.read("model", model);
    archive.read("optimizer", optim);
    module.load(model);
    optimizer.load(optim);
  } catch (const c10::Error& e) {
    throw Error(path + ": its weights or optimizer state do not fit this model (" + e.what_without_backtrace() + ")");
  }
  return pos;
}

torch::Tensor epoch_permutation(int64_t n, uint64_t seed, int64_t epoch) {
  auto gen = at::detail::createCPUGenerator(seed * 1000003ull + static_cast<uint64_t>(epoch) + 1);
  return torch::randperm(n, gen, torch::kLong);
}

}  // namespace facet::edit
