package dev.warmreach.domain;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a user changes of a sender account after adding it: whether follow-ups go on its days off
 * (its own say, or back to each campaign's), its time zone and its working hours. A part left
 * {@code null} stays as it is. Each {@code parse…} method reads one part as a user writes it and
 * throws {@link IllegalArgumentException} with what is wrong, for the caller to name its field.
 *
 * @param followUps the account's follow-ups-on-days-off setting; {@code null} to leave it
 * @param timeZone the new time zone; {@code null} to leave it
 * @param hours the new working hours, either with days ("Mon-Fri 09:00-17:30") or times only
 *     ("08:00-16:00", keeping the account's days); {@code null} to leave them
 */
public record AccountChange(FollowUps followUps, ZoneId timeZone, Hours hours) {

  /** The account's own say on follow-ups on days off. */
  public enum FollowUps {
    /** They go on days off whatever the campaign says. */
    ALLOWED,
    /** They wait for working hours whatever the campaign says. */
    NOT_ALLOWED,
    /** Each campaign's {@code followUpsOnDaysOff} decides. */
    CAMPAIGN;

    /** The account's stored setting: true, false, or null for the campaign's. */
    Boolean setting() {
      return switch (this) {
        case ALLOWED -> Boolean.TRUE;
        case NOT_ALLOWED -> Boolean.FALSE;
        case CAMPAIGN -> null;
      };
    }
  }

  /** New working hours: whole ({@code days} set), or new times on the account's days. */
  public record Hours(WorkingHours whole, LocalTime start, LocalTime end) {}

  private static final Pattern TIMES_ONLY = Pattern.compile("\\d{1,2}:\\d{2}-\\d{1,2}:\\d{2}");

  /** Whether it changes nothing. */
  public boolean none() {
    return followUps == null && timeZone == null && hours == null;
  }

  /**
   * {@code account} with this change.
   *
   * @throws IllegalArgumentException when the hours make no working day (start not before end)
   */
  public SenderAccount applyTo(SenderAccount account) {
    WorkingHours workingHours = account.workingHours();
    if (hours != null) {
      workingHours =
          hours.whole() != null
              ? hours.whole()
              : new WorkingHours(account.workingHours().days(), hours.start(), hours.end());
    }
    return new SenderAccount(
        account.name(),
        account.plan(),
        account.weeklyInvitationCap(),
        account.monthlyInmailCredits(),
        timeZone == null ? account.timeZone() : timeZone,
        workingHours,
        followUps == null ? account.followUpsOnDaysOff() : followUps.setting());
  }

  /** {@code true}, {@code false} or {@code campaign} (any case). */
  public static FollowUps parseFollowUps(String text) {
    String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "true" -> FollowUps.ALLOWED;
      case "false" -> FollowUps.NOT_ALLOWED;
      case "campaign" -> FollowUps.CAMPAIGN;
      default ->
          throw new IllegalArgumentException(
              "'"
                  + text
                  + "' is not true, false or campaign (true: follow-ups go on days off; false:"
                  + " they wait for working hours; campaign: each campaign decides)");
    };
  }

  /** An IANA zone name such as Europe/Berlin. */
  public static ZoneId parseTimeZone(String text) {
    try {
      return ZoneId.of(text == null ? "" : text.strip());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a time zone; use a name like Europe/Berlin", e);
    }
  }

  /** "Mon-Fri 09:00-17:30", or "09:00-17:30" for new times on the account's days. */
  public static Hours parseHours(String text) {
    String value = text == null ? "" : text.strip();
    if (!TIMES_ONLY.matcher(value).matches()) {
      return new Hours(WorkingHours.parse(value), null, null);
    }
    String[] times = value.split("-");
    try {
      LocalTime start = LocalTime.parse(pad(times[0]));
      LocalTime end = LocalTime.parse(pad(times[1]));
      // Checked here as WorkingHours checks it, so the mistake is named before anything is stored.
      new WorkingHours(WorkingHours.OFFICE.days(), start, end);
      return new Hours(null, start, end);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "hours '" + value + "' should be two 24-hour times like '09:00-17:30'", e);
    }
  }

  private static String pad(String time) {
    return time.length() == 4 ? "0" + time : time;
  }
}
