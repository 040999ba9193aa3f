package dev.transfuse.cache.write;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.transfuse.cache.stats.TransferCounters;
import dev.transfuse.translators.store.FileAttributes;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads staged files: one upload per file at a time (a flush that finds one running waits for
 * it, then uploads again only if there is newer content), failures recorded with an exponential
 * back-off from {@code retryMin} up to {@code retryMax}, and {@link #retryDue} to retry those
 * whose back-off has passed.
 */
public final class Uploader {
  private static final Logger LOG = LoggerFactory.getLogger(Uploader.class);

  private final Store store;
  private final StagingArea staging;
  private final Ticker ticker;
  private final Duration retryMin;
  private final Duration retryMax;
  private final TransferCounters transfers;
  private final UploadListener listener;

  public Uploader(
      Store store,
      StagingArea staging,
      Ticker ticker,
      Duration retryMin,
      Duration retryMax,
      TransferCounters transfers,
      UploadListener listener) {
    this.store = store;
    this.staging = staging;
    this.ticker = ticker;
    this.retryMin = retryMin;
    this.retryMax = retryMax;
    this.transfers = transfers;
    this.listener = listener;
  }

  /**
   * Makes the store hold {@code f}'s content as of this call. Returns the attributes the store
   * confirmed (null if {@code f} was never changed nor uploaded); throws the store's error, with
   * the staged copy kept for a retry.
   */
  public FileAttributes flush(StagedFile f) throws StoreException {
    long wanted = f.generation();
    while (true) {
      if (!f.isDirty()) {
        return f.confirmed();
      }
      CompletableFuture<FileAttributes> mine = f.beginUpload();
      if (mine == null) {
        CompletableFuture<FileAttributes> other = f.upload();
        if (other != null) {
          awaitQuietly(other);
        }
        continue;
      }
      FileAttributes attrs = uploadOnce(f, mine);
      if (f.confirmedAtLeast(wanted)) {
        return attrs;
      }
    }
  }

  /** Retries every dirty staged file whose back-off has passed; returns how many succeeded. */
  public int retryDue() {
    int ok = 0;
    long now = ticker.read();
    for (StagedFile f : staging.all()) {
      if (!f.retryDue(now) && !(f.isDirty() && f.failures() == 0 && f.handles() == 0)) {
        continue;
      }
      CompletableFuture<FileAttributes> mine = f.beginUpload();
      if (mine == null) {
        continue;
      }
      try {
        uploadOnce(f, mine);
        ok++;
      } catch (StoreException e) {
        LOG.info("upload of {} failed again ({} times): {}", f.path(), f.failures(), e.toString());
      }
    }
    return ok;
  }

  private FileAttributes uploadOnce(StagedFile f, CompletableFuture<FileAttributes> mine)
      throws StoreException {
    long gen = f.generation();
    String path = f.path();
    FileAttributes attrs;
    long bytes;
    try {
      f.force();
      bytes = Files.size(f.dataFile());
      attrs = store.upload(path, f.dataFile());
    } catch (StoreException | RuntimeException e) {
      StoreException se =
          e instanceof StoreException
              ? (StoreException) e
              : new StoreException(StoreException.Kind.IO, "upload of " + path + " failed", e);
      failed(f, se, mine);
      throw se;
    } catch (IOException e) {
      StoreException se = new StoreException(StoreException.Kind.IO, "staged file unreadable", e);
      failed(f, se, mine);
      throw se;
    }
    f.uploaded(gen, attrs);
    transfers.uploaded(bytes);
    mine.complete(attrs);
    listener.uploaded(f, path, attrs);
    return attrs;
  }

  private void failed(StagedFile f, StoreException e, CompletableFuture<FileAttributes> mine) {
    int failures = f.failures() + 1;
    f.failed(e, ticker.read() + backoff(failures).toNanos());
    transfers.uploadFailed();
    mine.completeExceptionally(e);
  }

  /** {@code retryMin * 2^(failures-1)}, at most {@code retryMax}. */
  Duration backoff(int failures) {
    Duration d = retryMin;
    for (int i = 1; i < failures && d.compareTo(retryMax) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(retryMax) > 0 ? retryMax : d;
  }

  private static void awaitQuietly(CompletableFuture<FileAttributes> f) throws StoreException {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(StoreException.Kind.UNAVAILABLE, "interrupted during upload", e);
    } catch (ExecutionException e) {
      // That upload's failure was reported to its caller; this flush tries on its own.
    }
  }
}
