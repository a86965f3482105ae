package dev.warmreach.store;

import dev.warmreach.domain.AccountTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A decision the policy made for an enrollment's step, with its reasons in one line. */
public record DecisionRecord(
    long enrollmentId, long prospectId, String step, String kind, String summary, Instant at) {

  // Waits are stored with their instant in UTC ("Wait until 2026-03-03T09:00:00Z: …").
  private static final Pattern WAIT = Pattern.compile("^Wait until (\\S+): ");

  /**
   * The summary as a person reads it on the sender account's clock: a stored wait's UTC instant
   * shown in {@code zone}; any other summary unchanged.
   */
  public String summaryIn(ZoneId zone) {
    Matcher m = WAIT.matcher(summary);
    if (!m.find()) {
      return summary;
    }
    try {
      Instant until = Instant.parse(m.group(1));
      return "Wait until " + AccountTime.inWords(until, zone) + ": " + summary.substring(m.end());
    } catch (DateTimeParseException notAnInstant) {
      return summary;
    }
  }
}
