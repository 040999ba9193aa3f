package dev.transfuse.cache;

import dev.transfuse.cache.block.BlockReader;
import dev.transfuse.cache.block.ObjectVersion;
import dev.transfuse.cache.block.ReadAheadWindow;
import dev.transfuse.cache.write.Filler;
import dev.transfuse.cache.write.StagedFile;
import dev.transfuse.translators.store.FileAttributes;
import dev.transfuse.translators.store.StoreException;
import java.nio.ByteBuffer;

/**
 * Copies a file's current version into its new staged file, through the block cache (so the
 * copy warms it and reuses what is there), reading ahead as any sequential reader would.
 * Whole-object stores (S3, HTTP) cannot change bytes in place, so a writer that does not
 * truncate needs the whole old content locally.
 */
final class StagedCopier implements Filler {
  private final String path;
  private final FileAttributes source;
  private final BlockReader reader;
  private final int blockSize;
  private final int readAheadBlocks;

  StagedCopier(
      String path, FileAttributes source, BlockReader reader, int blockSize, int readAheadBlocks) {
    this.path = path;
    this.source = source;
    this.reader = reader;
    this.blockSize = blockSize;
    this.readAheadBlocks = readAheadBlocks;
  }

  @Override
  public FileAttributes fill(StagedFile staged) throws StoreException {
    ObjectVersion v = ObjectVersion.of(path, source);
    ReadAheadWindow window = new ReadAheadWindow(blockSize, readAheadBlocks);
    ByteBuffer buf = ByteBuffer.allocate(blockSize);
    long offset = 0;
    while (offset < v.size()) {
      buf.clear();
      int n = reader.read(v, offset, buf, window);
      if (n == 0) {
        break;
      }
      buf.flip();
      staged.write(offset, buf, source.modified());
      offset += n;
    }
    return source;
  }
}
