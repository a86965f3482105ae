package dev.warmreach.execute.simulated;

import java.io.FileOutputStream;
import java.io.IOException;
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
 * sixth of a dry run's time.) A key seen before is logged as a duplicate and not delivered again.
 * Not thread-safe.
 */
public final class DeliveryLog {

  private final Path file;
  private final Set<String> delivered = new HashSet<>();

  public DeliveryLog(Path file) {
    this.file = file;
    try {
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (line.startsWith("SENT ")) {
            delivered.add(line.substring(5));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Delivers the touch {@code key}; false when it was delivered before (a duplicate). */
  public boolean deliver(String key) {
    boolean fresh = delivered.add(key);
    append((fresh ? "SENT " : "DUPLICATE ") + key + "\n");
    return fresh;
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
