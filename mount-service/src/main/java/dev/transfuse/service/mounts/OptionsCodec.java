package dev.transfuse.service.mounts;

import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Mount options as a JSON object in one column. */
final class OptionsCodec {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private OptionsCodec() {}

  static String encode(Map<String, String> options) {
    return JSON.writeValueAsString(new TreeMap<>(options));
  }

  static Map<String, String> decode(String json) {
    return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
  }
}
