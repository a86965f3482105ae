package dev.warmreach.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The days and hours, in the account's own time zone, during which actions may be taken. Acting
 * only when a person would be at work keeps the account looking human.
 */
public record WorkingHours(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

  /** Monday to Friday, 09:00 to 17:30. */
  public static final WorkingHours OFFICE =
      new WorkingHours(
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
          LocalTime.of(9, 0),
          LocalTime.of(17, 30));

  public WorkingHours {
    Objects.requireNonNull(days, "days");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (days.isEmpty()) {
      throw new IllegalArgumentException("working hours need at least one day");
    }
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException(
          "working hours must start before they end: " + start + "-" + end);
    }
    days = Set.copyOf(days);
  }

  /** Whether {@code instant} falls inside these hours, read in {@code zone}. */
  public boolean contains(Instant instant, ZoneId zone) {
    ZonedDateTime local = instant.atZone(zone);
    LocalTime time = local.toLocalTime();
    return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
  }

  /** The first instant at or after {@code instant} that falls inside these hours. */
  public Instant nextOpen(Instant instant, ZoneId zone) {
    if (contains(instant, zone)) {
      return instant;
    }
    ZonedDateTime local = instant.atZone(zone);
    for (int day = 0; day <= 7; day++) {
      LocalDate date = local.toLocalDate().plusDays(day);
      if (!days.contains(date.getDayOfWeek())) {
        continue;
      }
      Instant opens = ZonedDateTime.of(date, start, zone).toInstant();
      if (!opens.isBefore(instant)) {
        return opens;
      }
    }
    throw new IllegalStateException("working hours with a day always open within a week");
  }

  /** When the working period that contains {@code instant} closes. */
  public Instant closing(Instant instant, ZoneId zone) {
    ZonedDateTime local = instant.atZone(zone);
    return ZonedDateTime.of(local.toLocalDate(), end, zone).toInstant();
  }

  /**
   * The instant at {@code share} (0 to 1) of the working time between {@code from} and {@code to},
   * read in {@code zone}; empty when no working time falls between them. A touch due "24 to 48
   * hours after" is planned this way into the hours the account may act, instead of being put off
   * past the end of its window.
   */
  public Optional<Instant> pointWithin(Instant from, Instant to, ZoneId zone, double share) {
    List<Instant[]> open = new ArrayList<>();
    long total = 0;
    Instant at = from;
    while (at.isBefore(to)) {
      Instant opens = nextOpen(at, zone);
      if (!opens.isBefore(to)) {
        break;
      }
      Instant closes = closing(opens, zone);
      Instant until = closes.isBefore(to) ? closes : to;
      open.add(new Instant[] {opens, until});
      total += Duration.between(opens, until).toMillis();
      at = closes;
    }
    if (total == 0) {
      return Optional.empty();
    }
    long left = (long) (total * Math.max(0, Math.min(1, share)));
    for (Instant[] period : open) {
      long length = Duration.between(period[0], period[1]).toMillis();
      if (left < length) {
        return Optional.of(period[0].plusMillis(left));
      }
      left -= length;
    }
    Instant[] last = open.get(open.size() - 1);
    return Optional.of(last[1].minusMillis(1));
  }

  /**
   * The same hours on every day of the week: the account's usual working time, days off included.
   */
  public WorkingHours everyDay() {
    return new WorkingHours(EnumSet.allOf(DayOfWeek.class), start, end);
  }

  /** How long one working day lasts. */
  public Duration dailyLength() {
    return Duration.between(start, end);
  }

  /**
   * Parses the form {@code Mon-Fri 09:00-17:30} (days may also be a list: {@code Mon,Wed,Fri}).
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static WorkingHours parse(String text) {
    String[] parts = text.trim().split("\\s+");
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "working hours '" + text + "' should look like 'Mon-Fri 09:00-17:30'");
    }
    String[] hours = parts[1].split("-");
    if (hours.length != 2) {
      throw new IllegalArgumentException("hours '" + parts[1] + "' should look like '09:00-17:30'");
    }
    try {
      return new WorkingHours(
          parseDays(parts[0]), LocalTime.parse(hours[0]), LocalTime.parse(hours[1]));
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          "hours '" + parts[1] + "' should be two 24-hour times like '09:00-17:30'", e);
    }
  }

  private static Set<DayOfWeek> parseDays(String text) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String piece : text.split(",")) {
      String[] range = piece.split("-");
      if (range.length == 1) {
        days.add(day(range[0]));
      } else if (range.length == 2) {
        DayOfWeek from = day(range[0]);
        DayOfWeek to = day(range[1]);
        if (from.compareTo(to) <= 0) {
          days.addAll(EnumSet.range(from, to));
        } else {
          // A week may run across Sunday, as "Sun-Thu" does in much of the Middle East.
          days.addAll(EnumSet.range(from, DayOfWeek.SUNDAY));
          days.addAll(EnumSet.range(DayOfWeek.MONDAY, to));
        }
      } else {
        throw new IllegalArgumentException("days '" + text + "' should look like 'Mon-Fri'");
      }
    }
    return days;
  }

  private static DayOfWeek day(String abbreviation) {
    String wanted = abbreviation.trim().toUpperCase(java.util.Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (wanted.length() >= 3 && day.name().startsWith(wanted)) {
        return day;
      }
    }
    throw new IllegalArgumentException(
        "'" + abbreviation + "' is not a day; use Mon, Tue, Wed, Thu, Fri, Sat or Sun");
  }

  /** The canonical text form, e.g. {@code Mon-Fri 09:00-17:30}, as {@link #parse} reads it. */
  @Override
  public String toString() {
    return describeDays() + " " + start + "-" + end;
  }

  private String describeDays() {
    Set<DayOfWeek> sorted = EnumSet.copyOf(days);
    DayOfWeek first = sorted.iterator().next();
    DayOfWeek last = first;
    for (DayOfWeek day : sorted) {
      last = day;
    }
    if (sorted.equals(EnumSet.range(first, last)) && sorted.size() > 1) {
      return shortName(first) + "-" + shortName(last);
    }
    StringBuilder text = new StringBuilder();
    for (DayOfWeek day : sorted) {
      text.append(text.length() == 0 ? "" : ",").append(shortName(day));
    }
    return text.toString();
  }

  private static String shortName(DayOfWeek day) {
    return day.name().charAt(0) + day.name().substring(1, 3).toLowerCase(java.util.Locale.ROOT);
  }
}
