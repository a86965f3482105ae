package dev.warmreach.importer;

import dev.warmreach.domain.UserError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A CSV file's text with what was detected about it: the encoding (UTF-8 with or without a byte
 * order mark, UTF-16 as Excel's "Unicode text" writes it, Windows-1252 as a fallback) and the
 * delimiter (comma, semicolon or tab). Files that are not text at all are refused with advice.
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

  /** Reads CSV content held in memory; {@code path} names it in messages. */
  public static CsvFile of(Path path, byte[] bytes) {
    refuseBinary(path, bytes);
    Decoded decoded = decode(path, bytes);
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

  private static Decoded decode(Path path, byte[] bytes) {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return new Decoded(strictUtf8(path, bytes, 3), "UTF-8 with BOM");
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return new Decoded(
          new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE");
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return new Decoded(
          new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE");
    }
    try {
      return new Decoded(decodeStrictly(bytes, 0, StandardCharsets.UTF_8), "UTF-8");
    } catch (CharacterCodingException notUtf8) {
      // Excel on Windows saves "CSV" in the system code page; Western Europe's is Windows-1252.
      return new Decoded(new String(bytes, Charset.forName("windows-1252")), "Windows-1252");
    }
  }

  private static String strictUtf8(Path path, byte[] bytes, int offset) {
    try {
      return decodeStrictly(bytes, offset, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new UserError(
          path + " starts with a UTF-8 marker but is not valid UTF-8; save it again as CSV UTF-8",
          e);
    }
  }

  private static String decodeStrictly(byte[] bytes, int offset, Charset charset)
      throws CharacterCodingException {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
        .toString();
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
