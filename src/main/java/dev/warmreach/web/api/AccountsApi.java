package dev.warmreach.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.WorkingHours;
import dev.warmreach.live.AccountSummary;
import dev.warmreach.quota.AccountLimits;
import dev.warmreach.quota.AccountState;
import dev.warmreach.store.Store;
import dev.warmreach.web.Problem.FieldError;
import dev.warmreach.web.ProblemException;
import dev.warmreach.web.Requests;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /api/accounts}: the LinkedIn accounts Warmreach sends from, checked as {@code warmreach
 * accounts add} checks them, and each one's usage.
 */
public final class AccountsApi {

  private final Store store;
  private final Clock clock;
  private final ObjectMapper json;

  public AccountsApi(Store store, Clock clock, ObjectMapper json) {
    this.store = store;
    this.clock = clock;
    this.json = json;
  }

  public void list(Context ctx) {
    Page page = Page.of(ctx);
    ctx.json(page.of(store.accounts().stream().map(AccountsApi::view).toList()));
  }

  public void show(Context ctx) {
    String name = ctx.pathParam("name");
    SenderAccount account =
        store
            .account(name)
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "no account named '" + name + "'; GET /api/accounts lists them"));
    Instant now = clock.instant();
    AccountState state =
        store
            .accountState(name)
            .orElseGet(() -> AccountState.open(account, AccountLimits.defaultsFor(account), now));
    Map<String, Object> out = view(account);
    out.put("usage", AccountSummary.of(state, now));
    ctx.json(out);
  }

  public void create(Context ctx) {
    JsonNode body = Requests.json(ctx, json);
    if (!body.isObject()) {
      throw ProblemException.badRequest("send the account as a JSON object");
    }
    SenderAccount account = read(body);
    if (!store.addAccount(account)) {
      throw ProblemException.conflict(
          "an account named '" + account.name() + "' exists already; choose another name");
    }
    ctx.status(HttpStatus.CREATED).json(view(account));
  }

  private static SenderAccount read(JsonNode body) {
    List<FieldError> errors = new ArrayList<>();
    String name = text(body, "name");
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
    String planText = text(body, "plan");
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
    String timezone = text(body, "timezone");
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
    String hoursText = text(body, "hours");
    try {
      hours = WorkingHours.parse(hoursText == null ? "Mon-Fri 09:00-17:30" : hoursText);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("hours", e.getMessage()));
    }
    Integer weekly = whole(body, "weeklyInvitations", errors);
    Integer credits = whole(body, "inmailCredits", errors);
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

  private static String plans() {
    return String.join(", ", Arrays.stream(Plan.values()).map(Plan::name).toList());
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }

  private static Integer whole(JsonNode body, String field, List<FieldError> errors) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) {
      errors.add(
          new FieldError(
              field,
              "'" + value + "' is not a whole number of 0 or more; leave it out for the plan's"));
      return null;
    }
    return value.asInt();
  }

  static Map<String, Object> view(SenderAccount a) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", a.name());
    out.put("plan", a.plan().name());
    out.put("weeklyInvitationCap", a.weeklyInvitationCap());
    out.put("monthlyInmailCredits", a.monthlyInmailCredits());
    out.put("timeZone", a.timeZone().getId());
    out.put("workingHours", a.workingHours().toString());
    return out;
  }
}
