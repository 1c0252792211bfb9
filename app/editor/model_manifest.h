#pragma once
// models/manifest.json as the model manager shows it: each model, where it was found in the model search path,
// and whether its bytes match the published SHA-256. Hashing reads whole files (hundreds of MB): call
// checkModel off the GUI thread.
#include <QString>
#include <QStringList>
#include <QVector>

namespace facet::app {

struct ManifestEntry {
  QString id, role, file, url, download, license, sha256, sha256Prefix;
  qint64 sizeBytes = -1;  // -1: unknown
  QStringList features;
};

enum class ChecksumStatus {
  Missing,        // not found in the search path
  NotChecked,     // found, not hashed yet
  Match,          // the hash matches the manifest
  Mismatch,       // it does not: a damaged or different file
  NoReference,    // found; the manifest has neither a size nor a hash to compare with
  WrongSize,      // its size is not the published file's: a test file, a truncated download or another model
  SizeOnly,       // the size matches; no checksum is published to compare the bytes with
};

// The manifest in the model search path (the repo's or the install prefix's models/); "" when none.
QString findManifest();
// Reads a manifest; facet::Error naming the file when missing or malformed.
QVector<ManifestEntry> readManifest(const QString& path);
// Where the model's file is, through the model search path; "" when absent.
QString locateModel(const ManifestEntry& entry);
// Compares the file's size with the entry's (always, when the manifest gives one), then hashes `path` and compares
// with the published checksum where there is one (slow: run off the GUI thread).
ChecksumStatus checkModel(const ManifestEntry& entry, const QString& path);
QString checksumStatusText(ChecksumStatus status);
// The fetch script beside the manifest; "" when absent.
QString findFetchScript();

}  // namespace facet::app
