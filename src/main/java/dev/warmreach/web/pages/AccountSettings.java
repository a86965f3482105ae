package dev.warmreach.web.pages;

import dev.warmreach.domain.AccountChange;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.web.http.Problem.FieldError;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * One account's settings form, as stored or as the user filled it in, and the change it asks for.
 * Apart from {@link AccountsPage} because reading and checking the form is the same whether the
 * answer is the whole page or the form alone (htmx).
 *
 * @param followUps whether "Follow up on days off" is ticked
 * @param byCampaign whether "Let each campaign decide" is ticked
 * @param saved whether they were just saved
 */
public record AccountSettings(
    String name,
    boolean followUps,
    boolean byCampaign,
    String timeZone,
    String workingHours,
    List<FieldError> errors,
    boolean saved) {

  static AccountSettings of(SenderAccount a, boolean saved) {
    return new AccountSettings(
        a.name(),
        Boolean.TRUE.equals(a.followUpsOnDaysOff()),
        a.followUpsOnDaysOff() == null,
        a.timeZone().getId(),
        a.workingHours().toString(),
        List.of(),
        saved);
  }

  /** The form of account {@code name} as posted, not checked yet. */
  static AccountSettings read(Context ctx, String name) {
    return new AccountSettings(
        name,
        "true".equals(ctx.formParam("followUpsOnDaysOff")),
        "true".equals(ctx.formParam("followUpsByCampaign")),
        FormInput.value(ctx, "timeZone"),
        FormInput.value(ctx, "workingHours"),
        List.of(),
        false);
  }

  /** The change the form asks for; empty, with each mistake added to {@code errors}, if none. */
  Optional<AccountChange> change(List<FieldError> errors) {
    ZoneId zone = null;
    AccountChange.Hours hours = null;
    try {
      zone = AccountChange.parseTimeZone(timeZone);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("timeZone", e.getMessage()));
    }
    try {
      hours = AccountChange.parseHours(workingHours);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("workingHours", e.getMessage()));
    }
    if (!errors.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new AccountChange(
            byCampaign
                ? AccountChange.FollowUps.CAMPAIGN
                : followUps ? AccountChange.FollowUps.ALLOWED : AccountChange.FollowUps.NOT_ALLOWED,
            zone,
            hours));
  }

  /** The form as filled in, with its mistakes named. */
  AccountSettings withErrors(List<FieldError> errors) {
    return new AccountSettings(
        name, followUps, byCampaign, timeZone, workingHours, List.copyOf(errors), false);
  }

  /** The message for {@code field}, or null when it is fine. */
  public String error(String field) {
    return errors.stream()
        .filter(e -> e.field().equals(field))
        .map(FieldError::message)
        .findFirst()
        .orElse(null);
  }
}
