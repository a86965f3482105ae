package dev.warmreach.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An instant as the user of a sender account reads it: on that account's clock, with the zone
 * named, e.g. "Tue 3 Mar 2026, 10:00 (Europe/Berlin)". Plans and reasons show times this way so a
 * user in Berlin never has to convert from UTC.
 */
public final class AccountTime {

  private static final DateTimeFormatter WORDS =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

  private AccountTime() {}

  /** {@code at} on the clock of {@code zone}, to the minute, with the zone's name. */
  public static String inWords(Instant at, ZoneId zone) {
    return WORDS.format(at.atZone(zone)) + " (" + zone.getId() + ")";
  }
}
