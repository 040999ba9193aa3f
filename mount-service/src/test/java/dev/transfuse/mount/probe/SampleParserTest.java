package dev.transfuse.mount.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.fuse.kernel.Opcode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** bpftrace 0.17 {@code -f json} lines as the program prints them. */
class SampleParserTest {
  static final long CONN = 44L << 20 | 3; // 46137347
  static final long DEV = 44 << 8 | 3; // 11267

  @Test
  void mapLinesAccumulateUntilTheTick() {
    SampleParser p = new SampleParser();
    assertThat(p.accept("{\"type\": \"attached_probes\", \"data\": {\"probes\": 17}}"))
        .isEqualTo(SampleParser.Line.ATTACHED);
    assertThat(p.accept("{\"type\": \"map\", \"data\": {\"@req\": {\"" + CONN + ",3\": 5, \""
        + CONN + ",1\": 2, \"99,3\": 7}}}")).isEqualTo(SampleParser.Line.MAP);
    p.accept("{\"type\": \"map\", \"data\": {\"@lat\": {\"" + CONN + ",3,"
        + LatencyBuckets.of(20_000) + "\": 5}}}");
    p.accept("{\"type\": \"map\", \"data\": {\"@stat\": {\"" + CONN + "\": 10}}}");
    p.accept("{\"type\": \"map\", \"data\": {\"@ustat\": {\"" + DEV + "\": 90, \"65024\": 4}}}");
    p.accept("{\"type\": \"map\", \"data\": {\"@dents\": {\"" + CONN + "\": 4}}}");
    p.accept("{\"type\": \"map\", \"data\": {\"@read\": {\"" + CONN + "\": 6}}}");
    p.accept("{\"type\": \"map\", \"data\": {\"@proc\": {\"" + CONN + ",4242\": 7}}}");
    p.accept("{\"type\": \"map\", \"data\": {\"@comm\": {\"4242\": \"find, the tool\"}}}");
    assertThat(p.takeSample()).isNull();
    assertThat(p.accept("{\"type\": \"printf\", \"data\": \"tick 77\\n\"}"))
        .isEqualTo(SampleParser.Line.TICK);

    Sample s = p.takeSample();
    assertThat(s.atNanos).isEqualTo(77);
    Counters c = s.countersFor(new ProbeTarget(Path.of("/m"), CONN, DEV));
    assertThat(c.requests(Opcode.GETATTR.code())).isEqualTo(5);
    assertThat(c.requests(Opcode.LOOKUP.code())).isEqualTo(2);
    assertThat(c.latencyBuckets(Opcode.GETATTR.code())[LatencyBuckets.of(20_000)]).isEqualTo(5);
    assertThat(c.statCalls).isEqualTo(100);
    assertThat(c.readdirCalls).isEqualTo(4);
    assertThat(c.readCalls).isEqualTo(6);
    assertThat(s.processRequests.get(CONN)).containsEntry(4242, 7L);
    assertThat(s.comms).containsEntry(4242, "find, the tool");
    assertThat(p.takeSample()).isNull();
  }

  @Test
  void ignoresWhatIsNotItsOwn() {
    SampleParser p = new SampleParser();
    assertThat(p.accept("stdin:1:1-2: WARNING: something")).isEqualTo(SampleParser.Line.OTHER);
    assertThat(p.accept("")).isEqualTo(SampleParser.Line.OTHER);
    assertThat(p.accept("{\"type\": \"lost_events\", \"data\": {\"events\": 3}}"))
        .isEqualTo(SampleParser.Line.OTHER);
    assertThat(p.accept("{\"type\": \"map\", \"data\": {\"@sent\": {\"1,2\": 3}}}"))
        .isEqualTo(SampleParser.Line.MAP);
    assertThat(p.accept("{\"type\": \"printf\", \"data\": \"tock 5\\n\"}"))
        .isEqualTo(SampleParser.Line.OTHER);
    p.accept("{\"type\": \"printf\", \"data\": \"tick 5\\n\"}");
    assertThat(p.takeSample().byDevice).isEmpty();
  }
}
