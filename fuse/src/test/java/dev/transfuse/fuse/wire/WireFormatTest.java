package dev.transfuse.fuse.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.transfuse.fuse.api.Attr;
import dev.transfuse.fuse.api.Entry;
import dev.transfuse.fuse.api.Opened;
import dev.transfuse.fuse.kernel.FileMode;
import dev.transfuse.fuse.kernel.OpenFlags;
import dev.transfuse.fuse.kernel.Sizes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Golden sizes and bytes of the replies, against the layouts of fuse_kernel.h (x86-64). */
class WireFormatTest {
  private final ReplyBuffer reply = new ReplyBuffer(ByteBuffer.allocateDirect(1 << 16));

  private ByteBuffer bytes() {
    return reply.buffer().duplicate().order(ByteOrder.LITTLE_ENDIAN);
  }

  @Test
  void entryOutIs128BytesWithTimeoutsSplitIntoSecondsAndNanos() {
    Attr a = new Attr(7, FileMode.S_IFREG | 0644, 1, 1000, 1001, 4097,
        1_500_000_000L, 2_000_000_001L, -1L);
    int len = reply.begin(99).entry(new Entry(42, 3, a, 1_250_000_000L, 60_000_000_000L))
        .finishOk();
    assertThat(len).isEqualTo(Sizes.OUT_HEADER + Sizes.ENTRY_OUT);
    ByteBuffer b = bytes();
    assertThat(b.getInt(0)).isEqualTo(len);
    assertThat(b.getInt(4)).isZero();
    assertThat(b.getLong(8)).isEqualTo(99);
    int e = 16;
    assertThat(b.getLong(e)).isEqualTo(42); // nodeid
    assertThat(b.getLong(e + 8)).isEqualTo(3); // generation
    assertThat(b.getLong(e + 16)).isEqualTo(1); // entry_valid
    assertThat(b.getLong(e + 24)).isEqualTo(60); // attr_valid
    assertThat(b.getInt(e + 32)).isEqualTo(250_000_000); // entry_valid_nsec
    assertThat(b.getInt(e + 36)).isZero();
    int at = e + 40;
    assertThat(b.getLong(at)).isEqualTo(7); // ino
    assertThat(b.getLong(at + 8)).isEqualTo(4097); // size
    assertThat(b.getLong(at + 16)).isEqualTo(9); // blocks of 512
    assertThat(b.getLong(at + 24)).isEqualTo(1); // atime
    assertThat(b.getLong(at + 32)).isEqualTo(2); // mtime
    assertThat(b.getLong(at + 40)).isEqualTo(-1); // ctime: before the epoch floors
    assertThat(b.getInt(at + 48)).isEqualTo(500_000_000);
    assertThat(b.getInt(at + 52)).isEqualTo(1);
    assertThat(b.getInt(at + 56)).isEqualTo(999_999_999);
    assertThat(b.getInt(at + 60)).isEqualTo(FileMode.S_IFREG | 0644);
    assertThat(b.getInt(at + 64)).isEqualTo(1); // nlink
    assertThat(b.getInt(at + 68)).isEqualTo(1000);
    assertThat(b.getInt(at + 72)).isEqualTo(1001);
    assertThat(b.getInt(at + 80)).isEqualTo(4096); // blksize
  }

  @Test
  void attrOutAndOpenOutSizes() {
    Attr a = Attr.of(1, FileMode.S_IFDIR | 0755, 0, java.time.Instant.EPOCH, 0, 0);
    assertThat(reply.begin(1).attrOut(a, 5_000_000_000L).finishOk())
        .isEqualTo(Sizes.OUT_HEADER + Sizes.ATTR_OUT);
    assertThat(bytes().getLong(16)).isEqualTo(5);
    assertThat(reply.begin(1).open(Opened.passthrough(9, 3)).finishOk())
        .isEqualTo(Sizes.OUT_HEADER + Sizes.OPEN_OUT);
    assertThat(bytes().getLong(16)).isEqualTo(9);
    assertThat(bytes().getInt(24)).isEqualTo(OpenFlags.PASSTHROUGH);
    assertThat(bytes().getInt(28)).isEqualTo(3);
  }

  @Test
  void errorRepliesAreHeaderOnlyWithNegativeErrno() {
    reply.begin(77).u64(123);
    assertThat(reply.finishError(2)).isEqualTo(16);
    assertThat(bytes().getInt(4)).isEqualTo(-2);
    assertThat(bytes().getLong(8)).isEqualTo(77);
  }

  @Test
  void direntsArePaddedToEightBytesAndStopAtTheLimit() {
    DirentWriter w = new DirentWriter(reply);
    reply.begin(1);
    w.start(64);
    assertThat(w.add(5, "abc", FileMode.S_IFREG, 1)).isTrue(); // 24 + 3 -> 32
    assertThat(reply.position()).isEqualTo(16 + 32);
    assertThat(w.add(6, "abcdefgh", FileMode.S_IFDIR, 2)).isTrue(); // 24 + 8 -> 32
    assertThat(w.add(7, "x", FileMode.S_IFREG, 3)).as("over the 64-byte limit").isFalse();
    ByteBuffer b = bytes();
    assertThat(b.getLong(16)).isEqualTo(5);
    assertThat(b.getLong(24)).isEqualTo(1); // off of the next entry
    assertThat(b.getInt(32)).isEqualTo(3); // namelen
    assertThat(b.getInt(36)).isEqualTo(8); // DT_REG
    assertThat(b.get(40)).isEqualTo((byte) 'a');
    assertThat(b.get(43)).isZero(); // padding
    assertThat(b.getInt(48 + 20)).isEqualTo(4); // DT_DIR
  }

  @Test
  void direntPlusRecordsCarryAnEntryFirst() {
    DirentWriter w = new DirentWriter(reply);
    reply.begin(1);
    w.start(4096);
    Attr a = Attr.of(9, FileMode.S_IFREG | 0600, 10, java.time.Instant.EPOCH, 0, 0);
    assertThat(w.add(Entry.of(9, a, 0), "file", 1)).isTrue();
    assertThat(reply.position()).isEqualTo(16 + 152 + 8); // 152 + 4 -> 160 (padded)
    assertThat(bytes().getLong(16)).isEqualTo(9); // entry_out.nodeid
    assertThat(bytes().getLong(16 + 128)).isEqualTo(9); // dirent.ino
  }

  @Test
  void namesThatTheKernelWouldRejectAreRefused() {
    DirentWriter w = new DirentWriter(reply);
    reply.begin(1);
    w.start(4096);
    assertThatThrownBy(() -> w.add(1, "a/b", 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> w.add(1, "", 0, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cacheDirAlwaysComesWithKeepCache() {
    assertThat(Opened.of(0, OpenFlags.CACHE_DIR).openFlags())
        .isEqualTo(OpenFlags.CACHE_DIR | OpenFlags.KEEP_CACHE);
  }
}
