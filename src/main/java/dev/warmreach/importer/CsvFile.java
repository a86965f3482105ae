package dev.warmreach.importer;

import dev.warmreach.domain.UserError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A CSV file's text with what was detected about it: the encoding (UTF-8 with or without a byte
 * order mark, UTF-16 with one as Excel's "Unicode text" writes it, or the one the user named) and
 * the delimiter (comma, semicolon or tab). Text is decoded strictly: a file that is not in the
 * encoding found or named is refused with the line and byte where it stops being so, never read
 * with replaced or misread characters. Files that are not text at all are refused with advice.
 *
 * @param text the decoded content, without a byte order mark
 * @param encoding a short description such as "UTF-8 with BOM"
 */
public record CsvFile(Path path, String text, String encoding, char delimiter) {

  /** Files larger than this are refused rather than read into memory. */
  static final long MAX_BYTES = 1L << 30;

  private static final char[] DELIMITERS = {',', ';', '\t'};

  /** Reads {@code path}, detecting encoding and delimiter. */
  public static CsvFile read(Path path) {
    return of(path, readBytes(path));
  }

  /** Reads {@code path} in {@code encoding}, or detecting it when null. */
  public static CsvFile read(Path path, Charset encoding) {
    return of(path, readBytes(path), encoding);
  }

  /** Reads CSV content held in memory; {@code path} names it in messages. */
  public static CsvFile of(Path path, byte[] bytes) {
    return of(path, bytes, null);
  }

  /**
   * Reads CSV content held in memory in {@code encoding} (a byte order mark of it is skipped), or
   * detecting the encoding when null; {@code path} names it in messages.
   */
  public static CsvFile of(Path path, byte[] bytes, Charset encoding) {
    if (encoding == null) {
      refuseBinary(path, bytes);
    }
    Decoded decoded = encoding == null ? decode(path, bytes) : decodeAs(path, bytes, encoding);
    char delimiter = detectDelimiter(decoded.text);
    long unclosed = unclosedQuoteLine(decoded.text, delimiter);
    if (unclosed > 0) {
      throw new UserError(
          path
              + ": the quote that opens a value on line "
              + unclosed
              + " is never closed, so the rest of the file would be read as one value; add the"
              + " closing quote or remove the opening one");
    }
    return new CsvFile(path, decoded.text, decoded.encoding, delimiter);
  }

  /** Lines in the file, for progress: a row's starting line against this one. */
  public long lineCount() {
    long lines = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    return lines;
  }

  /** The delimiter as a user would name it. */
  public String delimiterName() {
    return switch (delimiter) {
      case ',' -> "comma";
      case ';' -> "semicolon";
      case '\t' -> "tab";
      default -> "'" + delimiter + "'";
    };
  }

  private static byte[] readBytes(Path path) {
    try {
      if (Files.isDirectory(path)) {
        throw new UserError(path + " is a folder; give the path of a CSV file");
      }
      if (Files.size(path) > MAX_BYTES) {
        throw new UserError(path + " is larger than 1 GiB; split it into smaller files");
      }
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new UserError(path + " does not exist; check the file name and folder", e);
    } catch (IOException e) {
      throw new UserError("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  private static void refuseBinary(Path path, byte[] bytes) {
    String kind = binaryKind(bytes);
    if (kind != null) {
      throw new UserError(
          path
              + " is not a CSV file (it looks like "
              + kind
              + "); export it as CSV first, e.g. in Excel: File > Save As > CSV UTF-8");
    }
  }

  private static String binaryKind(byte[] b) {
    if (startsWith(b, 0x50, 0x4B, 0x03, 0x04)) {
      return "an Excel workbook or another ZIP archive";
    }
    if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
      return "an old Excel (.xls) workbook";
    }
    if (startsWith(b, 0x25, 0x50, 0x44, 0x46)) {
      return "a PDF document";
    }
    if (startsWith(b, 0x89, 0x50, 0x4E, 0x47)
        || startsWith(b, 0xFF, 0xD8, 0xFF)
        || startsWith(b, 0x47, 0x49, 0x46, 0x38)) {
      return "an image";
    }
    if (startsWith(b, 0xFF, 0xFE) || startsWith(b, 0xFE, 0xFF)) {
      return null; // UTF-16 text
    }
    for (int i = 0; i < Math.min(b.length, 8192); i++) {
      if (b[i] == 0) {
        return "a binary file";
      }
    }
    return null;
  }

  private record Decoded(String text, String encoding) {}

  /** The encoding a user names with {@code --encoding}, or a message saying which exist. */
  public static Charset encodingNamed(String name) {
    try {
      return Charset.forName(name.strip());
    } catch (IllegalArgumentException e) {
      throw new UserError(
          "'"
              + name
              + "' is not an encoding this system knows; use e.g. UTF-8, UTF-16, windows-1252,"
              + " ISO-8859-1 or Shift_JIS");
    }
  }

  private static Decoded decode(Path path, byte[] bytes) {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return new Decoded(strictly(path, bytes, 3, StandardCharsets.UTF_8), "UTF-8 with BOM");
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return new Decoded(strictly(path, bytes, 2, StandardCharsets.UTF_16LE), "UTF-16LE");
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return new Decoded(strictly(path, bytes, 2, StandardCharsets.UTF_16BE), "UTF-16BE");
    }
    return new Decoded(strictly(path, bytes, 0, StandardCharsets.UTF_8), "UTF-8");
  }

  private static Decoded decodeAs(Path path, byte[] bytes, Charset encoding) {
    int skip = 0;
    String name = encoding.name();
    if (name.equals("UTF-8") && startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      skip = 3;
    } else if (name.startsWith("UTF-16")
        && (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF))) {
      // UTF-16 reads the mark to choose the byte order; UTF-16LE and BE skip their own mark
      skip = name.equals("UTF-16") ? 0 : 2;
    }
    String text = strictly(path, bytes, skip, encoding);
    return new Decoded(text.startsWith("\uFEFF") ? text.substring(1) : text, name);
  }

  /**
   * {@code bytes} from {@code offset} decoded as {@code charset}, or a refusal naming the line and
   * byte where they stop being {@code charset}, and how to read the file.
   */
  private static String strictly(Path path, byte[] bytes, int offset, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer out =
        CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16, (long) bytes.length * 2 + 16));
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      out.flip();
      long line = 1 + out.chars().filter(c -> c == '\n').count();
      throw new UserError(
          path
              + " is not valid "
              + charset.name()
              + ": line "
              + line
              + ", byte "
              + at
              + String.format(" (0x%02X)", bytes[at] & 0xFF)
              + (charset.equals(StandardCharsets.UTF_8)
                  ? "; save it again as CSV UTF-8 (Excel: File > Save As > CSV UTF-8), or name its"
                      + " encoding with --encoding, e.g. --encoding windows-1252 for Excel's 'CSV'"
                      + " on Western European Windows, --encoding Shift_JIS for Japanese"
                  : "; name the encoding it was saved in with --encoding, or save it again as CSV"
                      + " UTF-8"));
    }
    out.flip();
    return out.toString();
  }

  /**
   * The delimiter found outside quotes on the most of the first lines; commas win ties because they
   * are the most common.
   */
  static char detectDelimiter(String text) {
    int[] linesWith = new int[DELIMITERS.length];
    int[] totals = new int[DELIMITERS.length];
    int[] onLine = new int[DELIMITERS.length];
    boolean quoted = false;
    int lines = 0;
    for (int i = 0; i < text.length() && lines < 50; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '\n') {
        lines++;
        tally(onLine, linesWith, totals);
      } else if (!quoted) {
        for (int d = 0; d < DELIMITERS.length; d++) {
          if (c == DELIMITERS[d]) {
            onLine[d]++;
          }
        }
      }
    }
    tally(onLine, linesWith, totals);
    int best = 0;
    for (int d = 1; d < DELIMITERS.length; d++) {
      if (linesWith[d] > linesWith[best]
          || (linesWith[d] == linesWith[best] && totals[d] > totals[best])) {
        best = d;
      }
    }
    return DELIMITERS[best];
  }

  /**
   * The line of a quoted value that never ends, or 0. Only a quote at the start of a value opens
   * one (as in RFC 4180), so a stray inch sign inside a value is not mistaken for one.
   */
  static long unclosedQuoteLine(String text, char delimiter) {
    long line = 1;
    long openedOn = 0;
    boolean quoted = false;
    boolean atValueStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            i++;
          } else {
            quoted = false;
          }
        } else if (c == '\n') {
          line++;
        }
      } else if (c == '"' && atValueStart) {
        quoted = true;
        openedOn = line;
      } else if (c == '\n') {
        line++;
        atValueStart = true;
        continue;
      } else {
        atValueStart = c == delimiter;
        continue;
      }
      atValueStart = false;
    }
    return quoted ? openedOn : 0;
  }

  private static void tally(int[] onLine, int[] linesWith, int[] totals) {
    for (int d = 0; d < onLine.length; d++) {
      if (onLine[d] > 0) {
        linesWith[d]++;
        totals[d] += onLine[d];
      }
      onLine[d] = 0;
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
