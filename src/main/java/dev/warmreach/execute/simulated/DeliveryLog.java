package dev.warmreach.execute.simulated;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * What the simulated network has received, kept in a file outside the database, as a real network
 * would keep it: each touch's key is handed to the operating system before the store hears the
 * touch is done, so a process killed in between shows whether a retry sends again. (It is not
 * synced to the disk: a dry run's log need not outlive the machine, and a sync per touch was a
 * sixth of a dry run's time.) Several processes may share one file (nodes sharing a database): each
 * line is one append, and each reads what the others appended before answering whether it has a
 * key. A key delivered again is logged as a duplicate. Not thread-safe.
 */
public final class DeliveryLog {

  private final Path file;
  private final Set<String> delivered = new HashSet<>();
  private long readUpTo;

  public DeliveryLog(Path file) {
    this.file = file;
    catchUp();
  }

  /**
   * Whether the network has received the touch {@code key}, from this process or another: what a
   * sender asks before handing over a touch whose earlier attempt it cannot account for.
   */
  public boolean received(String key) {
    catchUp();
    return delivered.contains(key);
  }

  /** Delivers the touch {@code key}; false when it was delivered before (a duplicate). */
  public boolean deliver(String key) {
    catchUp();
    boolean fresh = delivered.add(key);
    append((fresh ? "SENT " : "DUPLICATE ") + key + "\n");
    return fresh;
  }

  /** Reads the whole lines appended since the last look, by any process. */
  private void catchUp() {
    try {
      if (!Files.exists(file) || Files.size(file) <= readUpTo) {
        return;
      }
      try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
        in.seek(readUpTo);
        byte[] rest = new byte[(int) (in.length() - readUpTo)];
        in.readFully(rest);
        int start = 0;
        for (int i = 0; i < rest.length; i++) {
          if (rest[i] == '\n') {
            String line = new String(rest, start, i - start, StandardCharsets.UTF_8);
            if (line.startsWith("SENT ")) {
              delivered.add(line.substring(5));
            }
            start = i + 1;
          }
        }
        readUpTo += start; // a half-written last line is read again next time
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Appends with a stream, not a {@code FileChannel}: a channel closes itself when the thread
   * writing is interrupted (as a stopping scheduler does), which would lose the line.
   */
  private void append(String line) {
    try (FileOutputStream out = new FileOutputStream(file.toFile(), true)) {
      out.write(line.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
