#include "app/editor/session_files.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "core/io/error.h"
#include "core/io/npy.h"

namespace facet::app {

void saveSessionFiles(const QString& path, Session session, const torch::Tensor& wplus) {
  const QFileInfo info(path);
  if (wplus.defined()) {
    session.wplusFile = info.completeBaseName() + ".wplus.npy";
    io::write_npy(QFile::encodeName(info.dir().filePath(session.wplusFile)).toStdString(),
                  wplus.detach().to(torch::kCPU, torch::kFloat32).contiguous());
  }
  saveSession(path, session);
}

SessionWithCode loadSessionFiles(const QString& path) {
  SessionWithCode out;
  out.session = loadSession(path);
  if (!out.session.wplusFile.isEmpty()) {
    const QString file = QFileInfo(path).dir().filePath(out.session.wplusFile);
    if (!QFileInfo::exists(file))
      throw Error(path.toStdString() + ": its W+ code " + file.toStdString() + " is missing (keep it beside the session)");
    torch::Tensor w = io::read_npy(QFile::encodeName(file).toStdString()).to(torch::kFloat32);
    if (w.dim() == 2) w = w.unsqueeze(0);
    if (w.dim() != 3 || w.size(0) != 1) throw Error(file.toStdString() + ": not a single W+ code [1, n_latent, dim]");
    out.wplus = w;
  }
  return out;
}

}  // namespace facet::app
