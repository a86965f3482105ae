package dev.warmreach.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints data for people (aligned tables) or for tools (JSON, one document per command). */
final class Output {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private Output() {}

  static void json(PrintWriter out, Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write JSON for " + value.getClass(), e);
    }
    out.flush();
  }

  /** A record's fields by name, as {@link #json} writes them, for adding more beside them. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> fields(Object value) {
    return new LinkedHashMap<>(JSON.convertValue(value, LinkedHashMap.class));
  }

  /** How wide a column grows before its cells wrap onto more lines. */
  static final int WIDEST = 40;

  /**
   * Prints rows under a header, each column as wide as its widest cell up to {@value #WIDEST}
   * characters. A longer cell wraps between words onto the lines below, never cut: a reason is read
   * whole, and a word longer than that (a profile URL) widens its column instead of being broken,
   * so it can still be copied.
   */
  static void table(PrintWriter out, List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    int[] widths = new int[header.size()];
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        String value = cell(row.get(i));
        widths[i] = Math.max(widths[i], Math.min(WIDEST, value.length()));
        widths[i] = Math.max(widths[i], longestWord(value));
      }
    }
    for (List<String> row : all) {
      List<List<String>> wrapped = new ArrayList<>();
      int height = 1;
      for (int i = 0; i < row.size(); i++) {
        List<String> lines = wrap(cell(row.get(i)), widths[i]);
        wrapped.add(lines);
        height = Math.max(height, lines.size());
      }
      for (int n = 0; n < height; n++) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
          List<String> lines = wrapped.get(i);
          String value = n < lines.size() ? lines.get(n) : "";
          line.append(i == row.size() - 1 ? value : pad(value, widths[i] + 2));
        }
        out.println(line.toString().stripTrailing());
      }
    }
    out.flush();
  }

  private static String cell(String value) {
    return value == null ? "" : value.replaceAll("\\s+", " ").strip();
  }

  private static int longestWord(String value) {
    int longest = 0;
    for (String word : value.split(" ")) {
      longest = Math.max(longest, word.length());
    }
    return longest;
  }

  /** {@code value} in lines of at most {@code width}, broken between words. */
  static List<String> wrap(String value, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : value.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private static String pad(String value, int width) {
    return value + " ".repeat(Math.max(0, width - value.length()));
  }
}
