package dev.transfuse.mount.probe;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns bpftrace's {@code -f json} lines into {@link Sample}s: map lines accumulate until the
 * tick line closes the sample. Multi-key map entries arrive as {@code "k1,k2": value}. Not
 * thread-safe: one reader thread feeds it.
 */
final class SampleParser {
  /** What a line was, for the reader loop. */
  enum Line { ATTACHED, MAP, TICK, OTHER }

  private final ObjectMapper json = new ObjectMapper();
  private Sample pending;
  private Sample completed;

  /** Parses one stdout line; after {@link Line#TICK}, {@link #takeSample()} returns the sample. */
  Line accept(String line) {
    JsonNode node;
    try {
      node = json.readTree(line);
    } catch (JacksonException e) {
      return Line.OTHER; // bpftrace's own text (e.g. warnings) is not ours to parse
    }
    if (node == null) {
      return Line.OTHER;
    }
    String type = node.path("type").asString("");
    switch (type) {
      case "attached_probes":
        return Line.ATTACHED;
      case "map":
        for (Map.Entry<String, JsonNode> m : node.path("data").properties()) {
          addMap(m.getKey(), m.getValue());
        }
        return Line.MAP;
      case "printf":
        String[] words = node.path("data").asString("").strip().split(" ");
        if (words.length != 2 || !words[0].equals(BpftraceProgram.TICK)) {
          return Line.OTHER;
        }
        completed = sample();
        completed.atNanos = Long.parseUnsignedLong(words[1]);
        pending = null;
        return Line.TICK;
      default:
        return Line.OTHER;
    }
  }

  Sample takeSample() {
    Sample s = completed;
    completed = null;
    return s;
  }

  private Sample sample() {
    if (pending == null) {
      pending = new Sample();
    }
    return pending;
  }

  private void addMap(String name, JsonNode entries) {
    Sample s = sample();
    for (Map.Entry<String, JsonNode> e : entries.properties()) {
      long[] k = keys(e.getKey());
      JsonNode v = e.getValue();
      switch (name) {
        case BpftraceProgram.REQUESTS -> {
          if (k[1] >= 0 && k[1] < Counters.OPCODES) {
            s.device(k[0]).requests[(int) k[1]] += v.asLong();
          }
        }
        case BpftraceProgram.LATENCY -> {
          if (k[1] >= 0 && k[1] < Counters.OPCODES && k[2] >= 0 && k[2] < LatencyBuckets.COUNT) {
            s.device(k[0]).addLatency((int) k[1], (int) k[2], v.asLong());
          }
        }
        case BpftraceProgram.STAT_KERNEL_DEV -> s.device(k[0]).statCalls += v.asLong();
        case BpftraceProgram.STAT_USER_DEV -> s.statByUserDevice.merge(k[0], v.asLong(), Long::sum);
        case BpftraceProgram.GETDENTS -> s.device(k[0]).readdirCalls += v.asLong();
        case BpftraceProgram.READS -> s.device(k[0]).readCalls += v.asLong();
        case BpftraceProgram.PROCESSES -> s.processRequests
            .computeIfAbsent(k[0], c -> new HashMap<>())
            .merge((int) k[1], v.asLong(), Long::sum);
        case BpftraceProgram.COMMS -> s.comms.put((int) k[0], v.asString(""));
        default -> { } // a map of the program's own bookkeeping
      }
    }
  }

  private static long[] keys(String key) {
    String[] parts = key.split(",");
    long[] k = new long[Math.max(3, parts.length)];
    for (int i = 0; i < parts.length; i++) {
      k[i] = Long.parseUnsignedLong(parts[i].strip());
    }
    return k;
  }
}
