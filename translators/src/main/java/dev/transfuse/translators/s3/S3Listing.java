package dev.transfuse.translators.s3;

import dev.transfuse.translators.store.DirEntry;
import dev.transfuse.translators.store.FileAttributes;
import dev.transfuse.translators.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The children of one prefix, from ListObjectsV2 with delimiter "/" (one page per 1,000 keys):
 * objects are files with size, mtime and ETag from the page itself, common prefixes and "dir/"
 * markers are directories.
 *
 * @param entries the children, each name once
 * @param marker whether the prefix's own "dir/" marker object exists (an empty directory)
 */
record S3Listing(List<DirEntry> entries, boolean marker) {

  static S3Listing collect(S3Store store, String prefix, String dir) throws StoreException {
    // Keyed by name: a "dir/" marker can come back both as a common prefix and (from some
    // servers, S3Proxy's included) as an object, and must list once, as a directory.
    Map<String, DirEntry> entries = new LinkedHashMap<>();
    boolean marker = false;
    String token = null;
    do {
      ListObjectsV2Response page = store.listPage(prefix, token, 1000, dir);
      for (CommonPrefix p : page.commonPrefixes()) {
        addDirectory(entries, p.prefix().substring(prefix.length()));
      }
      for (S3Object o : page.contents()) {
        String name = o.key().substring(prefix.length());
        if (name.isEmpty()) {
          marker = true;
        } else if (name.endsWith("/")) {
          addDirectory(entries, name);
        } else if (name.indexOf('/') < 0) {
          entries.putIfAbsent(name, new DirEntry(name,
              S3Store.fileAttributes(o.size(), o.lastModified(), o.eTag())));
        }
      }
      token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (token != null);
    return new S3Listing(new ArrayList<>(entries.values()), marker);
  }

  private static void addDirectory(Map<String, DirEntry> entries, String nameWithSlash) {
    String name = nameWithSlash.substring(0, nameWithSlash.length() - 1);
    // "a//b" keys give an empty segment, which no file system can show: skipped.
    if (!name.isEmpty() && name.indexOf('/') < 0) {
      entries.put(name, new DirEntry(name, FileAttributes.directory(Instant.EPOCH)));
    }
  }
}
