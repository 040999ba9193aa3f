package dev.transfuse.mount.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The dataset of bench/mount-bench.sh, written to a local directory: {@code tree/dNN/fNNN.txt}
 * (20 directories of 250 small files), {@code flat/fNNNN.txt} (5,000 small files in one
 * directory) and {@code big.bin} (random bytes). Contents come from fixed seeds, so every run
 * measures the same bytes.
 */
final class BenchDataset {
  static final int TREE_DIRS = 20;
  static final int TREE_FILES = 250;
  static final int FLAT_FILES = 5000;

  private BenchDataset() {}

  static void write(Path root, int bigMib) throws IOException {
    Random r = new Random(20261124);
    for (int d = 0; d < TREE_DIRS; d++) {
      Path dir = Files.createDirectories(root.resolve(String.format("tree/d%02d", d)));
      for (int f = 0; f < TREE_FILES; f++) {
        Files.write(dir.resolve(String.format("f%03d.txt", f)), small(r));
      }
    }
    Path flat = Files.createDirectories(root.resolve("flat"));
    for (int f = 0; f < FLAT_FILES; f++) {
      Files.write(flat.resolve(String.format("f%04d.txt", f)), small(r));
    }
    byte[] chunk = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(root.resolve("big.bin"))) {
      for (int i = 0; i < bigMib; i++) {
        r.nextBytes(chunk);
        out.write(chunk);
      }
    }
  }

  /** 100 bytes to 4 KiB, the size range of config files and small records. */
  private static byte[] small(Random r) {
    byte[] b = new byte[100 + r.nextInt(4000)];
    r.nextBytes(b);
    return b;
  }
}
