package dev.transfuse.translators.http;

import dev.transfuse.translators.store.DirEntry;
import dev.transfuse.translators.store.FileAttributes;
import dev.transfuse.translators.store.FileType;
import dev.transfuse.translators.store.StoreException;
import dev.transfuse.translators.store.StoreException.Kind;
import dev.transfuse.translators.store.StorePath;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Lists an HTTP directory from one GET of its index page. Sizes and dates come from the page's
 * rows, so a listing is one request (rclone's http backend HEADs every file); only rows that lack
 * an exact size or a date (python http.server, Apache's rounded sizes) are filled in with HEAD,
 * several at once.
 */
final class HttpLister implements AutoCloseable {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final HttpSettings settings;
  private final CloseableHttpClient client;
  private final HttpStore store;
  private final ExecutorService heads;

  HttpLister(HttpSettings settings, CloseableHttpClient client, HttpStore store) {
    this.settings = settings;
    this.client = client;
    this.store = store;
    int pool = POOLS.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    this.heads = Executors.newFixedThreadPool(settings.headConcurrency(), r -> {
      Thread t = new Thread(r, "http-head-" + pool + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  List<DirEntry> list(String dir) throws StoreException {
    String what = "list " + settings.base() + " " + dir;
    HttpGet get = new HttpGet(settings.dir(dir));
    // Caddy answers JSON only when asked; nginx (json), Apache, lighttpd and python ignore it.
    get.setHeader("Accept", "application/json;q=1.0, text/html;q=0.9, */*;q=0.5");
    String body;
    String contentType;
    try (ClassicHttpResponse r = client.executeOpen(null, get, null)) {
      int code = r.getCode();
      if (code == 404 || code == 410) {
        throw missing(dir, what);
      }
      if (code == 403) {
        throw new StoreException(Kind.ACCESS_DENIED, what
            + ": HTTP 403 (the server refuses the directory, or has no index pages)");
      }
      if (code < 200 || code >= 300 || r.getEntity() == null) {
        throw HttpErrors.status(code, r.getReasonPhrase(), what);
      }
      ContentType type = ContentType.parseLenient(r.getEntity().getContentType());
      Charset charset = type == null || type.getCharset() == null
          ? StandardCharsets.UTF_8 : type.getCharset();
      contentType = type == null ? "" : type.getMimeType();
      body = EntityUtils.toString(r.getEntity(), charset);
    } catch (IOException e) {
      throw HttpErrors.transport(e, what);
    } catch (org.apache.hc.core5.http.ParseException e) {
      throw new StoreException(Kind.IO, what + ": unreadable index page: " + e, e);
    }
    boolean indexType = contentType.contains("html") || contentType.contains("json");
    List<IndexEntry> rows;
    try {
      rows = indexType ? IndexPageParser.parse(body, contentType, settings.dir(dir)) : List.of();
    } catch (IllegalArgumentException e) {
      throw new StoreException(Kind.IO, what + ": " + e.getMessage(), e);
    }
    if (rows.isEmpty() && !StorePath.isRoot(dir)) {
      // Servers with PATH_INFO semantics (lighttpd) answer "file/" with the file itself, so an
      // empty or non-index answer is checked with one HEAD: a file is not a directory.
      Optional<FileAttributes> a = store.stat(dir);
      if (a.isPresent() && !a.get().isDirectory()) {
        throw new StoreException(Kind.NOT_A_DIRECTORY, what + ": is a file");
      }
    }
    if (!indexType && !rows.isEmpty()) {
      throw new StoreException(Kind.IO, what + ": not an index page (" + contentType + ")");
    }
    return complete(dir, rows, what);
  }

  private StoreException missing(String dir, String what) throws StoreException {
    Optional<FileAttributes> a = store.stat(dir);
    if (a.isPresent() && !a.get().isDirectory()) {
      return new StoreException(Kind.NOT_A_DIRECTORY, what + ": is a file");
    }
    return new StoreException(Kind.NOT_FOUND, what + ": no such directory");
  }

  private List<DirEntry> complete(String dir, List<IndexEntry> rows, String what)
      throws StoreException {
    List<DirEntry> entries = new ArrayList<>(rows.size());
    List<Future<Optional<FileAttributes>>> pending = new ArrayList<>();
    List<String> pendingNames = new ArrayList<>();
    for (IndexEntry row : rows) {
      if (row.directory()) {
        entries.add(new DirEntry(row.name(), FileAttributes.directory(
            row.modified() == null ? Instant.EPOCH : row.modified())));
      } else if (!row.needsHead()) {
        entries.add(new DirEntry(row.name(), new FileAttributes(FileType.FILE, row.size(),
            row.modified(), row.modified().toEpochMilli() + "/" + row.size(), -1)));
      } else {
        String child = StorePath.child(dir, row.name());
        pending.add(heads.submit(() -> store.stat(child)));
        pendingNames.add(row.name());
      }
    }
    try {
      for (int i = 0; i < pending.size(); i++) {
        Optional<FileAttributes> a = pending.get(i).get();
        if (a.isPresent()) { // else gone between the page and the HEAD: not listed
          entries.add(new DirEntry(pendingNames.get(i), a.get()));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(Kind.IO, what + ": interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StoreException) {
        throw (StoreException) e.getCause();
      }
      throw new StoreException(Kind.IO, what + ": " + e.getCause(), e.getCause());
    }
    return entries;
  }

  @Override
  public void close() {
    heads.shutdownNow();
  }
}
