package dev.warmreach.web.pages;

import dev.warmreach.domain.AccountChange;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.UserError;
import dev.warmreach.execute.provider.ProviderSetup;
import dev.warmreach.execute.provider.ProviderStanding;
import dev.warmreach.live.AccountStanding;
import dev.warmreach.store.Prospects;
import dev.warmreach.store.ProviderLinks;
import dev.warmreach.store.SenderAccounts;
import dev.warmreach.web.api.NewAccount;
import dev.warmreach.web.http.Problem.FieldError;
import dev.warmreach.web.http.ProblemException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sender accounts: each one's usage against LinkedIn's limits as gauges ({@link AccountCard}), its
 * settings ({@link AccountSettings}), and a form to add one ({@link NewAccountForm}), checked by
 * {@link NewAccount} exactly as {@code POST /api/accounts} checks it.
 */
public final class AccountsPage {

  /** Withdrawals at LinkedIn shown at most per account, newest first. */
  static final int WITHDRAWALS_SHOWN = 10;

  private final SenderAccounts accounts;
  private final Prospects prospects;
  private final ProviderSetup provider;
  private final Clock clock;
  private final Views views;

  public AccountsPage(
      SenderAccounts accounts,
      Prospects prospects,
      ProviderSetup provider,
      Clock clock,
      Views views) {
    this.accounts = accounts;
    this.prospects = prospects;
    this.provider = provider;
    this.clock = clock;
    this.views = views;
  }

  /**
   * @param settings each account's settings form, by name
   * @param problem why the last action failed (a link that could not be made), or null
   */
  public record Model(
      List<AccountCard> cards,
      Map<String, AccountSettings> settings,
      NewAccountForm form,
      List<FieldError> errors,
      String added,
      List<String> plans,
      String problem) {}

  public void show(Context ctx) {
    String updated = ctx.queryParam("updated");
    render(ctx, NewAccountForm.EMPTY, List.of(), ctx.queryParam("added"), null, updated, null);
  }

  /**
   * Changes an account's settings as {@code PATCH /api/accounts/{name}} does: whether follow-ups go
   * on its days off (or each campaign decides), its time zone and its working hours. With htmx the
   * form is swapped for itself, saved or with each mistake named; nothing is stored on a mistake.
   */
  public void update(Context ctx) {
    String name = ctx.pathParam("name");
    SenderAccount account =
        accounts
            .account(name)
            .orElseThrow(
                () -> ProblemException.notFound("no account named '" + name + "'; see /accounts"));
    AccountSettings filled = AccountSettings.read(ctx, name);
    List<FieldError> errors = new ArrayList<>();
    Optional<AccountChange> change = filled.change(errors);
    AccountSettings answer;
    if (change.isPresent()) {
      try {
        account = accounts.updateAccount(name, change.get()).orElse(account);
        answer = AccountSettings.of(account, true);
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("workingHours", e.getMessage()));
        answer = filled.withErrors(errors);
      }
    } else {
      answer = filled.withErrors(errors);
    }
    if (Views.fromHtmx(ctx)) {
      Map<String, Object> params = new HashMap<>();
      params.put("settings", answer);
      params.put("csrf", views.chrome(ctx, "Accounts", Chrome.Section.ACCOUNTS).csrfToken());
      views.render(ctx, "accounts/settings.jte", params);
      return;
    }
    if (answer.saved()) {
      ctx.redirect(
          "/accounts?updated=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
          HttpStatus.SEE_OTHER);
      return;
    }
    render(ctx, NewAccountForm.EMPTY, List.of(), null, null, null, answer);
  }

  /**
   * Creates the provider's hosted link for the account, as {@code warmreach accounts link NAME}
   * does, and sends the browser there to sign in to LinkedIn; the provider then tells this server
   * (at the address the page was reached by) which account it linked. A failure is shown on the
   * page, nothing stored.
   */
  public void link(Context ctx) {
    String name = ctx.pathParam("name");
    try {
      String secret =
          provider
              .settings()
              .map(ProviderSetup.Settings::webhookSecret)
              .orElseThrow(
                  () ->
                      new UserError(
                          "no LinkedIn provider is set; set one with `warmreach settings provider"
                              + " unipile --dsn DSN --api-key-env VAR`"));
      URI notify =
          URI.create(
              ctx.scheme()
                  + "://"
                  + ctx.host()
                  + "/api/provider/linked?secret="
                  + URLEncoder.encode(secret, StandardCharsets.UTF_8));
      URI link = provider.hostedLink(name, notify, clock.instant());
      ctx.redirect(link.toString(), HttpStatus.SEE_OTHER);
    } catch (UserError e) {
      render(ctx, NewAccountForm.EMPTY, List.of(), null, e.getMessage(), null, null);
    }
  }

  /** Adds the account, or shows the form again with each mistake named and nothing stored. */
  public void create(Context ctx) {
    NewAccountForm form = NewAccountForm.read(ctx);
    List<FieldError> errors = new ArrayList<>();
    try {
      SenderAccount account = NewAccount.read(form.fields());
      if (accounts.addAccount(account)) {
        ctx.redirect(
            "/accounts?added=" + URLEncoder.encode(account.name(), StandardCharsets.UTF_8),
            HttpStatus.SEE_OTHER);
        return;
      }
      errors.add(
          new FieldError(
              "name",
              "an account named '" + account.name() + "' exists already; choose another name"));
    } catch (ProblemException e) {
      errors.addAll(e.problem().errors() == null ? List.of() : e.problem().errors());
    }
    // 200, not 422: the page is the answer a person reads, and browsers log a 422 as an error.
    render(ctx, form, errors, null, null, null, null);
  }

  /**
   * Renders the page; {@code updated} names an account whose settings were just saved, {@code
   * filled} is an account's settings form as filled in with its mistakes (null when none).
   */
  private void render(
      Context ctx,
      NewAccountForm form,
      List<FieldError> errors,
      String added,
      String problem,
      String updated,
      AccountSettings filled) {
    Instant now = clock.instant();
    boolean providerSet = provider.settings().isPresent();
    List<AccountCard> cards = new ArrayList<>();
    Map<String, AccountSettings> settings = new HashMap<>();
    for (SenderAccount account : accounts.accounts()) {
      settings.put(
          account.name(),
          filled != null && filled.name().equals(account.name())
              ? filled
              : AccountSettings.of(account, account.name().equals(updated)));
      ProviderLine line =
          providerSet
              ? ProviderLine.of(
                  ProviderStanding.of(provider.links(), account.name()),
                  withdrawals(account),
                  account.timeZone(),
                  prospects)
              : null;
      cards.add(AccountCard.of(AccountStanding.of(accounts, account, now), now, line));
    }
    views.page(
        ctx,
        "accounts/accounts.jte",
        views.chrome(ctx, "Accounts", Chrome.Section.ACCOUNTS),
        new Model(
            cards,
            settings,
            form,
            errors,
            added,
            Arrays.stream(Plan.values()).map(Plan::name).toList(),
            problem));
  }

  private List<ProviderLinks.Withdrawal> withdrawals(SenderAccount account) {
    List<ProviderLinks.Withdrawal> all = provider.links().withdrawals(account.name());
    return all.subList(0, Math.min(all.size(), WITHDRAWALS_SHOWN));
  }
}
