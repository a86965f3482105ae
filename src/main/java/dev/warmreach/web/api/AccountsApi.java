package dev.warmreach.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.domain.AccountChange;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.execute.provider.ProviderSetup;
import dev.warmreach.execute.provider.ProviderStanding;
import dev.warmreach.live.AccountStanding;
import dev.warmreach.live.AccountSummary;
import dev.warmreach.quota.AccountState;
import dev.warmreach.store.SenderAccounts;
import dev.warmreach.web.http.Problem.FieldError;
import dev.warmreach.web.http.ProblemException;
import dev.warmreach.web.http.Requests;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code /api/accounts}: the LinkedIn accounts Warmreach sends from, checked as {@code warmreach
 * accounts add} and {@code update} check them, and each one's usage.
 */
public final class AccountsApi {

  private final SenderAccounts accounts;
  private final ProviderSetup provider;
  private final Clock clock;
  private final ObjectMapper json;

  public AccountsApi(
      SenderAccounts accounts, ProviderSetup provider, Clock clock, ObjectMapper json) {
    this.accounts = accounts;
    this.provider = provider;
    this.clock = clock;
    this.json = json;
  }

  public void list(Context ctx) {
    Page page = Page.of(ctx);
    boolean providerSet = provider.settings().isPresent();
    ctx.json(page.of(accounts.accounts().stream().map(a -> view(a, providerSet)).toList()));
  }

  public void show(Context ctx) {
    String name = ctx.pathParam("name");
    SenderAccount account =
        accounts
            .account(name)
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "no account named '" + name + "'; GET /api/accounts lists them"));
    Instant now = clock.instant();
    AccountState state = AccountStanding.stateOf(accounts, account, now);
    Map<String, Object> out = view(account, provider.settings().isPresent());
    out.put("usage", AccountSummary.of(state, now));
    ctx.json(out);
  }

  public void create(Context ctx) {
    JsonNode body = Requests.json(ctx, json);
    if (!body.isObject()) {
      throw ProblemException.badRequest("send the account as a JSON object");
    }
    SenderAccount account = read(body);
    if (!accounts.addAccount(account)) {
      throw ProblemException.conflict(
          "an account named '" + account.name() + "' exists already; choose another name");
    }
    ctx.status(HttpStatus.CREATED).json(view(account, provider.settings().isPresent()));
  }

  /** The fields {@link #update} takes, as {@code GET /api/accounts/{name}} names them. */
  private static final List<String> CHANGEABLE =
      List.of("followUpsOnDaysOff", "timeZone", "workingHours");

  /**
   * {@code PATCH /api/accounts/{name}}: changes whether follow-ups go on the account's days off
   * ({@code null} gives the say back to each campaign), its time zone and its working hours; what
   * is left out stays. With any mistake nothing is stored.
   */
  public void update(Context ctx) {
    String name = ctx.pathParam("name");
    if (accounts.account(name).isEmpty()) {
      throw ProblemException.notFound(
          "no account named '" + name + "'; GET /api/accounts lists them");
    }
    JsonNode body = Requests.json(ctx, json);
    if (!body.isObject()) {
      throw ProblemException.badRequest(
          "send the changes as a JSON object, e.g. {\"followUpsOnDaysOff\": false}");
    }
    List<FieldError> errors = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            field -> {
              if (!CHANGEABLE.contains(field)) {
                errors.add(
                    new FieldError(
                        field,
                        "cannot be changed here; change "
                            + String.join(", ", CHANGEABLE)
                            + " (add another account for another plan or name)"));
              }
            });
    AccountChange change =
        new AccountChange(
            followUps(body, errors),
            text(body, "timeZone", errors, AccountChange::parseTimeZone),
            text(body, "workingHours", errors, AccountChange::parseHours));
    if (errors.isEmpty() && change.none()) {
      errors.add(
          new FieldError(
              "body", "changes nothing; give " + String.join(", ", CHANGEABLE) + " to change"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    SenderAccount updated;
    try {
      updated =
          accounts
              .updateAccount(name, change)
              .orElseThrow(
                  () ->
                      ProblemException.notFound(
                          "no account named '" + name + "'; GET /api/accounts lists them"));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("workingHours", e.getMessage());
    }
    Instant now = clock.instant();
    Map<String, Object> out = view(updated, provider.settings().isPresent());
    out.put("usage", AccountSummary.of(AccountStanding.stateOf(accounts, updated, now), now));
    ctx.json(out);
  }

  private static AccountChange.FollowUps followUps(JsonNode body, List<FieldError> errors) {
    if (!body.has("followUpsOnDaysOff")) {
      return null;
    }
    JsonNode value = body.get("followUpsOnDaysOff");
    if (value.isNull()) {
      return AccountChange.FollowUps.CAMPAIGN;
    }
    if (!value.isBoolean()) {
      errors.add(
          new FieldError(
              "followUpsOnDaysOff",
              "'"
                  + value
                  + "' is not true, false or null (true: follow-ups go on days off; false: they"
                  + " wait for working hours; null: each campaign decides)"));
      return null;
    }
    return value.asBoolean()
        ? AccountChange.FollowUps.ALLOWED
        : AccountChange.FollowUps.NOT_ALLOWED;
  }

  private static <T> T text(
      JsonNode body, String field, List<FieldError> errors, Function<String, T> parse) {
    JsonNode value = body.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      errors.add(new FieldError(field, "must be a string"));
      return null;
    }
    try {
      return parse.apply(value.asText());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, e.getMessage()));
      return null;
    }
  }

  private static SenderAccount read(JsonNode body) {
    return NewAccount.read(
        new NewAccount.Fields() {
          @Override
          public String text(String field) {
            JsonNode value = body.get(field);
            return value == null || value.isNull() || value.asText().isBlank()
                ? null
                : value.asText();
          }

          @Override
          public Integer whole(String field, List<FieldError> errors) {
            JsonNode value = body.get(field);
            if (value == null || value.isNull()) {
              return null;
            }
            if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) {
              errors.add(
                  new FieldError(
                      field,
                      "'"
                          + value
                          + "' is not a whole number of 0 or more; leave it out for the plan's"));
              return null;
            }
            return value.asInt();
          }
        });
  }

  /** The account, with how it stands with the LinkedIn provider ({@code null} when none is set). */
  private Map<String, Object> view(SenderAccount a, boolean providerSet) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", a.name());
    out.put("plan", a.plan().name());
    out.put("weeklyInvitationCap", a.weeklyInvitationCap());
    out.put("monthlyInmailCredits", a.monthlyInmailCredits());
    out.put("timeZone", a.timeZone().getId());
    out.put("workingHours", a.workingHours().toString());
    out.put("followUpsOnDaysOff", a.followUpsOnDaysOff());
    out.put(
        "provider", providerSet ? ProviderStanding.of(provider.links(), a.name()).json() : null);
    return out;
  }
}
