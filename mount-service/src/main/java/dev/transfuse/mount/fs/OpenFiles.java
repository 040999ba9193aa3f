package dev.transfuse.mount.fs;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** File handles given to the kernel, each naming one {@link OpenFile}. */
final class OpenFiles {
  private final ConcurrentHashMap<Long, OpenFile> byHandle = new ConcurrentHashMap<>();
  private final AtomicLong next = new AtomicLong(1);

  long add(OpenFile f) {
    long fh = next.getAndIncrement();
    byHandle.put(fh, f);
    return fh;
  }

  OpenFile get(long fh) {
    return byHandle.get(fh);
  }

  OpenFile remove(long fh) {
    return byHandle.remove(fh);
  }

  int size() {
    return byHandle.size();
  }
}
