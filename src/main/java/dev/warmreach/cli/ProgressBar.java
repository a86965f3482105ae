package dev.warmreach.cli;

import dev.warmreach.importer.ImportProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on standard error, redrawn in place. Shown only on a terminal, so logs
 * and pipes stay clean. Not thread-safe.
 */
final class ProgressBar implements ImportProgress {

  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final boolean visible;
  private boolean drawn;

  ProgressBar(PrintWriter err, boolean visible) {
    this.err = err;
    this.visible = visible;
  }

  /** A bar shown when standard error is a terminal. */
  static ProgressBar onTerminal(PrintWriter err) {
    return new ProgressBar(err, System.console() != null);
  }

  @Override
  public void advanced(String phase, long done, long total) {
    if (!visible || total <= 0) {
      return;
    }
    int filled = (int) Math.min(WIDTH, WIDTH * done / total);
    err.print(
        String.format(
            Locale.ROOT,
            "\r%-8s [%s%s] %3d%% %,d/%,d",
            phase,
            "#".repeat(filled),
            " ".repeat(WIDTH - filled),
            Math.min(100, 100 * done / total),
            done,
            total));
    err.flush();
    drawn = true;
  }

  /** Ends the bar's line so the next output starts clean. */
  void finish() {
    if (drawn) {
      err.println();
      err.flush();
      drawn = false;
    }
  }
}
