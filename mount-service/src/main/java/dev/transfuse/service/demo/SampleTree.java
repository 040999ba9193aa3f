package dev.transfuse.service.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/** The demo's sample files: the same tree in every embedded store. */
final class SampleTree {
  private SampleTree() {}

  /** Relative path to content. */
  static Map<String, byte[]> files() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("README.txt", text("""
        Welcome to transfuse.

        This directory is a remote store mounted through FUSE. Try:
          ls -l            (one listing, no per-file requests)
          cat docs/guide.md
          cp big/sample.bin /tmp/   (streams with read-ahead; a second copy comes from cache)
        """));
    files.put("docs/guide.md", text("""
        # Guide

        Hot `stat`, `ls` and re-reads are answered by the Linux kernel's caches: run
        `bin/transfuse stats <name>` before and after a loop to see how few requests reached
        the daemon.
        """));
    StringBuilder csv = new StringBuilder("n,square,cube\n");
    for (int i = 1; i <= 1000; i++) {
      csv.append(i).append(',').append((long) i * i).append(',').append((long) i * i * i)
          .append('\n');
    }
    files.put("data/numbers.csv", text(csv.toString()));
    for (int i = 0; i < 100; i++) {
      files.put(String.format("data/many/item-%03d.txt", i), text("item " + i + "\n"));
    }
    files.put("photos/gradient.png", png());
    byte[] big = new byte[16 << 20];
    new Random(16).nextBytes(big);
    files.put("big/sample.bin", big);
    return files;
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] png() throws IOException {
    BufferedImage img = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    for (int x = 0; x < 320; x++) {
      g.setColor(new Color(x * 255 / 319, 80, 255 - x * 255 / 319));
      g.drawLine(x, 0, x, 199);
    }
    g.setColor(Color.WHITE);
    g.drawString("transfuse demo", 110, 105);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }
}
