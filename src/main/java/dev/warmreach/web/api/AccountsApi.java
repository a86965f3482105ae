package dev.warmreach.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/accounts}: the LinkedIn accounts Warmreach sends from, checked as {@code warmreach
 * accounts add} checks them, and each one's usage.
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
    out.put(
        "provider", providerSet ? ProviderStanding.of(provider.links(), a.name()).json() : null);
    return out;
  }
}
