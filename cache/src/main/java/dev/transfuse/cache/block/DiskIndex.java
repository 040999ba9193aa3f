package dev.transfuse.cache.block;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.BitSet;

/**
 * The index file of one disk-cached object: which version it holds and which blocks of the data
 * file are valid. Written to a temporary file and renamed over the old one, so a reader after a
 * crash sees either the old index or the new one, never half of one.
 */
record DiskIndex(ObjectVersion version, int blockSize, BitSet present) {
  private static final int MAGIC = 0x54464249; // "TFBI"
  private static final int FORMAT = 1;

  void writeTo(Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream os = Files.newOutputStream(tmp);
        DataOutputStream out = new DataOutputStream(os)) {
      out.writeInt(MAGIC);
      out.writeInt(FORMAT);
      out.writeUTF(version.path());
      out.writeUTF(version.token());
      out.writeLong(version.size());
      out.writeInt(blockSize);
      long[] words = present.toLongArray();
      out.writeInt(words.length);
      for (long w : words) {
        out.writeLong(w);
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The index in {@code file}; IOException if it is not one we wrote. */
  static DiskIndex readFrom(Path file) throws IOException {
    try (InputStream is = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(is)) {
      if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
        throw new IOException("not a block index: " + file);
      }
      ObjectVersion v = new ObjectVersion(in.readUTF(), in.readUTF(), in.readLong());
      int blockSize = in.readInt();
      int n = in.readInt();
      if (n < 0 || n > (v.blockCount(blockSize) + 63) / 64) {
        throw new IOException("corrupt block index: " + file);
      }
      long[] words = new long[n];
      for (int i = 0; i < n; i++) {
        words[i] = in.readLong();
      }
      return new DiskIndex(v, blockSize, BitSet.valueOf(words));
    }
  }
}
