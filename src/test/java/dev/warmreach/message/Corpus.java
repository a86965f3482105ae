package dev.warmreach.message;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Plan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The labelled corpus in {@code src/test/resources/coach/corpus.txt}; its header explains it. */
final class Corpus {

  /** One labelled message. */
  record Entry(
      String id,
      Channel channel,
      boolean firstMessage,
      Plan plan,
      String subject,
      Set<String> must,
      String body) {}

  private Corpus() {}

  static List<Entry> load(String resource) {
    String text;
    try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no corpus at " + resource);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Entry> entries = new ArrayList<>();
    String[] blocks = text.split("(?m)^=== ");
    for (int i = 1; i < blocks.length; i++) {
      entries.add(entry(blocks[i]));
    }
    return entries;
  }

  private static Entry entry(String block) {
    int newline = block.indexOf('\n');
    String id = block.substring(0, newline).strip();
    int separator = block.indexOf("\n---\n");
    if (separator < 0) {
      throw new IllegalStateException(id + ": no '---' line before the body");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : block.substring(newline + 1, separator).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalStateException(id + ": header without a colon: " + line);
      }
      headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
    }
    String body = block.substring(separator + 5).strip();
    String must = require(id, headers, "must");
    return new Entry(
        id,
        channel(id, require(id, headers, "channel")),
        !"false".equals(headers.get("first")),
        Plan.valueOf(headers.getOrDefault("plan", "PREMIUM")),
        headers.get("subject"),
        must.equals("none")
            ? Set.of()
            : Arrays.stream(must.split(",")).map(String::strip).collect(Collectors.toSet()),
        body);
  }

  private static String require(String id, Map<String, String> headers, String name) {
    String value = headers.get(name);
    if (value == null) {
      throw new IllegalStateException(id + ": no '" + name + ":' line");
    }
    return value;
  }

  private static Channel channel(String id, String name) {
    return switch (name) {
      case "note" -> Channel.CONNECT;
      case "dm" -> Channel.DM;
      case "inmail" -> Channel.INMAIL;
      case "email" -> Channel.EMAIL;
      default -> throw new IllegalStateException(id + ": unknown channel " + name);
    };
  }
}
