package dev.transfuse.fuse.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.fuse.api.ConnectionInfo;
import dev.transfuse.fuse.api.Filesystem;
import dev.transfuse.fuse.kernel.Errno;
import dev.transfuse.fuse.kernel.InitFlags;
import dev.transfuse.fuse.kernel.Opcode;
import dev.transfuse.fuse.kernel.OpenFlags;
import dev.transfuse.fuse.mount.KernelMountOptions;
import dev.transfuse.fuse.testing.MemoryFilesystem;
import dev.transfuse.fuse.wire.DirentWriter;
import dev.transfuse.fuse.wire.ReplyBuffer;
import dev.transfuse.fuse.wire.RequestView;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The protocol without a kernel: request bytes in, reply bytes out. */
class DispatcherTest {
  private final ByteBuffer in = ByteBuffer.allocateDirect(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
  private final RequestView req = new RequestView(in);
  private final ReplyBuffer out = new ReplyBuffer(ByteBuffer.allocateDirect(1 << 16));
  private final DirentWriter dirents = new DirentWriter(out);
  private final WorkerCaller caller = new WorkerCaller();
  private final RequestCounters counters = new RequestCounters();
  private final MemoryFilesystem fs = new MemoryFilesystem(Duration.ofSeconds(1), false);

  private Dispatcher dispatcher(long kernelFlags) {
    ConnectionInfo c = new ConnectionInfo(40, 45, kernelFlags, 0, 1 << 20, 1 << 17);
    return new Dispatcher(fs, c, counters, List.of());
  }

  /** Writes a request header plus body; returns the reply length. */
  private int send(Dispatcher d, Opcode op, long node, byte[] body) {
    in.clear();
    in.putInt(0, 40 + body.length).putInt(4, op.code()).putLong(8, 1234).putLong(16, node);
    in.put(40, body);
    req.received(40 + body.length);
    caller.start(req);
    return d.handle(req, out, dirents, caller);
  }

  private int error() {
    return out.buffer().order(ByteOrder.LITTLE_ENDIAN).getInt(4);
  }

  private static byte[] cstring(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return java.util.Arrays.copyOf(b, b.length + 1);
  }

  @Test
  void lookupOfAnExistingNameAnswersItsEntry() {
    long id = fs.putFile("/a.txt", new byte[5]);
    int len = send(dispatcher(0), Opcode.LOOKUP, Filesystem.ROOT_ID, cstring("a.txt"));
    assertThat(len).isEqualTo(16 + 128);
    assertThat(error()).isZero();
    assertThat(out.buffer().getLong(16)).isEqualTo(id);
    assertThat(out.buffer().getLong(16 + 40 + 8)).isEqualTo(5); // attr.size
    assertThat(fs.lookupsOutstanding()).isEqualTo(1);
  }

  @Test
  void forgetIsNeverAnswered() {
    fs.putFile("/a.txt", new byte[5]);
    send(dispatcher(0), Opcode.LOOKUP, Filesystem.ROOT_ID, cstring("a.txt"));
    byte[] body = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(1).array();
    assertThat(send(dispatcher(0), Opcode.FORGET, 2, body)).isZero();
    assertThat(fs.lookupsOutstanding()).isZero();
  }

  @Test
  void unknownOpcodesAndUnimplementedMethodsAnswerEnosys() {
    assertThat(send(dispatcher(0), Opcode.SYMLINK, 1, cstring("x"))).isEqualTo(16);
    assertThat(error()).isEqualTo(-Errno.ENOSYS);
    in.putInt(4, 60); // an opcode this library does not know
    req.received(40);
    assertThat(dispatcher(0).handle(req, out, dirents, caller)).isEqualTo(16);
    assertThat(error()).isEqualTo(-Errno.ENOSYS);
  }

  @Test
  void opendirTakesTheZeroMessagePathOnlyWhereTheKernelOffersIt() {
    send(dispatcher(InitFlags.NO_OPENDIR_SUPPORT), Opcode.OPENDIR, 1, new byte[8]);
    assertThat(error()).isEqualTo(-Errno.ENOSYS);
    int len = send(dispatcher(0), Opcode.OPENDIR, 1, new byte[8]);
    assertThat(len).isEqualTo(32);
    assertThat(error()).isZero();
    assertThat(out.buffer().getInt(24)).isEqualTo(OpenFlags.KEEP_CACHE | OpenFlags.CACHE_DIR);
  }

  @Test
  void anUnexpectedExceptionBecomesEio() {
    Filesystem broken = new Filesystem() {
      @Override
      public dev.transfuse.fuse.api.AttrReply getattr(dev.transfuse.fuse.api.Caller c, long n,
          long fh) {
        throw new NullPointerException("bug");
      }
    };
    Dispatcher d = new Dispatcher(broken, new ConnectionInfo(40, 45, 0, 0, 4096, 4096),
        counters, List.of());
    assertThat(send(d, Opcode.GETATTR, 1, new byte[16])).isEqualTo(16);
    assertThat(error()).isEqualTo(-Errno.EIO);
    assertThat(counters.count(Opcode.GETATTR)).isEqualTo(1);
  }

  @Test
  void initAsksOnlyForWhatTheKernelOffersAndSetsInitExtForHighFlags() throws Exception {
    in.clear();
    long offered = InitFlags.ASYNC_READ | InitFlags.MAX_PAGES | InitFlags.INIT_EXT
        | InitFlags.PASSTHROUGH | InitFlags.NO_OPENDIR_SUPPORT;
    in.putInt(0, 104).putInt(4, Opcode.INIT.code()).putLong(8, 1);
    in.putInt(40, 7).putInt(44, 45).putInt(48, 131072)
        .putInt(52, (int) offered).putInt(56, (int) (offered >>> 32));
    req.received(104);
    InitNegotiation.Result r = new InitNegotiation(
        new SessionOptions(2, 1 << 20, false, true, SessionOptions.ReaddirPlus.AUTO, false,
            KernelMountOptions.defaults("t")), true).answer(req, out);
    assertThat(r.replyLength()).isEqualTo(16 + 64);
    ByteBuffer b = out.buffer();
    assertThat(b.getInt(16)).isEqualTo(7);
    assertThat(b.getInt(20)).isEqualTo(InitNegotiation.OUR_MINOR);
    long flags = Integer.toUnsignedLong(b.getInt(28)) | ((long) b.getInt(48) << 32);
    assertThat(flags).isEqualTo(InitFlags.ASYNC_READ | InitFlags.MAX_PAGES
        | InitFlags.INIT_EXT | InitFlags.PASSTHROUGH);
    assertThat(b.getInt(36)).isEqualTo(1 << 20); // max_write
    assertThat(b.getShort(44)).isEqualTo((short) 256); // max_pages
    assertThat(InitNegotiation.maxPagesLimit()).isGreaterThanOrEqualTo(256);
    assertThat(b.getInt(52)).isEqualTo(1); // max_stack_depth with passthrough
    assertThat(r.connection().passthrough()).isTrue();
  }
}
