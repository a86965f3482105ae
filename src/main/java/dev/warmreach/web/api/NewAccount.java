package dev.warmreach.web.api;

import dev.warmreach.domain.Plan;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.WorkingHours;
import dev.warmreach.web.http.Problem.FieldError;
import dev.warmreach.web.http.ProblemException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A sender account as a person enters it — through {@code POST /api/accounts} or the dashboard's
 * form — checked field by field, so both say the same about the same mistake.
 */
public final class NewAccount {

  /** The submitted fields, whatever the request's format. */
  public interface Fields {
    /** The field's text; {@code null} when missing or blank. */
    String text(String field);

    /**
     * The field as a whole number of 0 or more; {@code null} when missing (or wrong: then noted).
     */
    Integer whole(String field, List<FieldError> errors);
  }

  /** Default working hours of a new account. */
  public static final String DEFAULT_HOURS = "Mon-Fri 09:00-17:30";

  private NewAccount() {}

  /**
   * The account the fields describe.
   *
   * @throws ProblemException (422) naming each wrong field and how to put it right
   */
  public static SenderAccount read(Fields body) {
    List<FieldError> errors = new ArrayList<>();
    String name = body.text("name");
    if (name == null) {
      errors.add(new FieldError("name", "is required: a short handle, e.g. sdr-1"));
    } else if (!SenderAccount.isValidName(name)) {
      errors.add(
          new FieldError(
              "name",
              "'"
                  + name
                  + "' is not a usable name; use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
    }
    Plan plan = null;
    String planText = body.text("plan");
    if (planText == null) {
      errors.add(new FieldError("plan", "is required: one of " + plans()));
    } else {
      try {
        plan = Plan.valueOf(planText.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(
            new FieldError("plan", "'" + planText + "' is not a plan; use one of " + plans()));
      }
    }
    ZoneId zone = ZoneId.of("UTC");
    String timezone = body.text("timezone");
    if (timezone != null) {
      try {
        zone = ZoneId.of(timezone);
      } catch (DateTimeException e) {
        errors.add(
            new FieldError(
                "timezone",
                "'" + timezone + "' is not a time zone; use a name like Europe/Berlin"));
      }
    }
    WorkingHours hours = null;
    String hoursText = body.text("hours");
    try {
      hours = WorkingHours.parse(hoursText == null ? DEFAULT_HOURS : hoursText);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("hours", e.getMessage()));
    }
    Integer weekly = body.whole("weeklyInvitations", errors);
    Integer credits = body.whole("inmailCredits", errors);
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    try {
      return new SenderAccount(
          name,
          plan,
          weekly == null ? plan.weeklyInvitations() : weekly,
          credits == null ? plan.monthlyInmailCredits() : credits,
          zone,
          hours);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(
          e.getMessage().contains("credit") ? "inmailCredits" : "weeklyInvitations",
          e.getMessage());
    }
  }

  /** The plans, by name, as a user may enter them. */
  public static String plans() {
    return String.join(", ", Arrays.stream(Plan.values()).map(Plan::name).toList());
  }
}
