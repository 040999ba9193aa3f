package dev.transfuse.fuse.mount;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MountTableTest {
  @Test
  void unescapesOctalSequencesOfMountinfo() {
    assertThat(MountTable.unescape("/tmp/a\\040b\\011c\\134d")).isEqualTo("/tmp/a b\tc\\d");
    assertThat(MountTable.unescape("plain")).isEqualTo("plain");
  }

  @Test
  void deviceNumbersMatchStatAndTheKernelConnectionId() {
    MountTable.Entry small = new MountTable.Entry(java.nio.file.Path.of("/m"), "fuse.x", "x", 0, 39);
    assertThat(small.statDevice()).isEqualTo(39);
    assertThat(small.connectionId()).isEqualTo(39);
    MountTable.Entry big = new MountTable.Entry(java.nio.file.Path.of("/m"), "fuse.x", "x", 0, 300);
    assertThat(big.statDevice()).isEqualTo((300 & 0xff) | ((300L & ~0xff) << 12));
    assertThat(big.connectionId()).isEqualTo(300);
  }
}
