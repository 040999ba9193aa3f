package dev.transfuse.cache.write;

import dev.transfuse.translators.store.FileAttributes;

/** Told when the store confirmed an upload, so the caller can update its caches. */
@FunctionalInterface
public interface UploadListener {
  void uploaded(StagedFile file, String path, FileAttributes attrs);
}
