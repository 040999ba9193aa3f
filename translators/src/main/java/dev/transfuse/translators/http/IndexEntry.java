package dev.transfuse.translators.http;

import java.time.Instant;

/**
 * One row of a directory index page, as far as the page tells.
 *
 * @param name decoded file name (no slash)
 * @param directory the link ends with "/"
 * @param size exact size in bytes, or -1 when the page shows none or only a rounded one ("1.2K")
 * @param modified modification time, or null when the page shows none
 */
record IndexEntry(String name, boolean directory, long size, Instant modified) {

  /** True when a file's row lacks what a listing must carry, so one HEAD has to fill it in. */
  boolean needsHead() {
    return !directory && (size < 0 || modified == null);
  }
}
