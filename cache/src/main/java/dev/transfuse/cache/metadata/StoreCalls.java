package dev.transfuse.cache.metadata;

import dev.transfuse.translators.store.StoreException;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Gets the {@link StoreException} a loader threw back out of Caffeine's wrapping. */
final class StoreCalls {
  private StoreCalls() {}

  static <T> T unwrap(Supplier<T> load) throws StoreException {
    try {
      return load.get();
    } catch (CompletionException e) {
      Throwable c = e.getCause();
      if (c instanceof StoreException) {
        throw (StoreException) c;
      }
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      if (c instanceof Error) {
        throw (Error) c;
      }
      throw new StoreException(StoreException.Kind.IO, String.valueOf(c), c);
    }
  }
}
