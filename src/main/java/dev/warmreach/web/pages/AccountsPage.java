package dev.warmreach.web.pages;

import static java.time.ZoneOffset.UTC;

import dev.warmreach.domain.AccountChange;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.UserError;
import dev.warmreach.execute.provider.ProviderSetup;
import dev.warmreach.execute.provider.ProviderStanding;
import dev.warmreach.execute.provider.ProviderWatch;
import dev.warmreach.live.AccountStanding;
import dev.warmreach.quota.AcceptanceGuard;
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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sender accounts: each one's usage against LinkedIn's limits as gauges, and a form to add one,
 * checked by {@link NewAccount} exactly as {@code POST /api/accounts} checks it.
 */
public final class AccountsPage {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

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
   * How the account stands with the LinkedIn provider, shown only when a provider is set.
   *
   * @param level good, warn or bad, as the health badge
   * @param why why it sends nothing; null when it sends
   * @param inmail the latest check of its InMail credits against the provider's, or null
   * @param inmailDiffers whether that check found a difference
   */
  public record ProviderLine(
      String status,
      String level,
      String why,
      String inmail,
      boolean inmailDiffers,
      List<WithdrawalLine> withdrawals) {}

  /**
   * A stale invitation withdrawn (or being withdrawn) at LinkedIn through the provider.
   *
   * @param outcome the outcome in a word or two, e.g. "Withdrawn" or "Refused"
   * @param level good, warn or bad, as a badge
   * @param detail what happened in words: the provider's words for a refusal; may be empty
   */
  public record WithdrawalLine(
      long prospectId, String name, String outcome, String level, String detail, String when) {}

  /**
   * One native {@code <meter>}: its bounds tell the browser which range is good, and {@code text}
   * says the same in words, so nothing depends on colour.
   */
  public record Gauge(
      String id,
      String label,
      String text,
      long value,
      long max,
      long low,
      long high,
      long optimum) {}

  /** One account's card. */
  public record Card(
      String name,
      String plan,
      String timeZone,
      String workingHours,
      int dailyInvitations,
      List<Gauge> gauges,
      String noCredits,
      String rateText,
      String healthLevel,
      String healthLabel,
      String healthText,
      ProviderLine provider) {}

  /** The add-account form as the user filled it in. */
  public record Form(
      String name,
      String plan,
      String timezone,
      String hours,
      String weeklyInvitations,
      String inmailCredits) {
    static final Form EMPTY = new Form("", "", "UTC", NewAccount.DEFAULT_HOURS, "", "");

    /** The message for {@code field}, or null when it is fine. */
    public String error(List<FieldError> errors, String field) {
      return errors.stream()
          .filter(e -> e.field().equals(field))
          .map(FieldError::message)
          .findFirst()
          .orElse(null);
    }
  }

  /**
   * One account's settings form, as stored or as the user filled it in.
   *
   * @param followUps whether "Follow up on days off" is ticked
   * @param byCampaign whether "Let each campaign decide" is ticked
   * @param saved whether they were just saved
   */
  public record Settings(
      String name,
      boolean followUps,
      boolean byCampaign,
      String timeZone,
      String workingHours,
      List<FieldError> errors,
      boolean saved) {

    static Settings of(SenderAccount a, boolean saved) {
      return new Settings(
          a.name(),
          Boolean.TRUE.equals(a.followUpsOnDaysOff()),
          a.followUpsOnDaysOff() == null,
          a.timeZone().getId(),
          a.workingHours().toString(),
          List.of(),
          saved);
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

  /**
   * @param settings each account's settings form, by name
   * @param problem why the last action failed (a link that could not be made), or null
   */
  public record Model(
      List<Card> cards,
      Map<String, Settings> settings,
      Form form,
      List<FieldError> errors,
      String added,
      List<String> plans,
      String problem) {}

  public void show(Context ctx) {
    String updated = ctx.queryParam("updated");
    render(ctx, Form.EMPTY, List.of(), ctx.queryParam("added"), null, updated, null);
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
    boolean byCampaign = "true".equals(ctx.formParam("followUpsByCampaign"));
    boolean followUps = "true".equals(ctx.formParam("followUpsOnDaysOff"));
    Settings filled =
        new Settings(
            name,
            followUps,
            byCampaign,
            value(ctx, "timeZone"),
            value(ctx, "workingHours"),
            List.of(),
            false);
    List<FieldError> errors = new ArrayList<>();
    java.time.ZoneId zone = null;
    AccountChange.Hours hours = null;
    try {
      zone = AccountChange.parseTimeZone(filled.timeZone());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("timeZone", e.getMessage()));
    }
    try {
      hours = AccountChange.parseHours(filled.workingHours());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError("workingHours", e.getMessage()));
    }
    Settings answer;
    if (errors.isEmpty()) {
      AccountChange change =
          new AccountChange(
              byCampaign
                  ? AccountChange.FollowUps.CAMPAIGN
                  : followUps
                      ? AccountChange.FollowUps.ALLOWED
                      : AccountChange.FollowUps.NOT_ALLOWED,
              zone,
              hours);
      try {
        account = accounts.updateAccount(name, change).orElse(account);
        answer = Settings.of(account, true);
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("workingHours", e.getMessage()));
        answer = withErrors(filled, errors);
      }
    } else {
      answer = withErrors(filled, errors);
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
    render(ctx, Form.EMPTY, List.of(), null, null, null, answer);
  }

  private static Settings withErrors(Settings filled, List<FieldError> errors) {
    return new Settings(
        filled.name(),
        filled.followUps(),
        filled.byCampaign(),
        filled.timeZone(),
        filled.workingHours(),
        List.copyOf(errors),
        false);
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
      render(ctx, Form.EMPTY, List.of(), null, e.getMessage(), null, null);
    }
  }

  /** Adds the account, or shows the form again with each mistake named and nothing stored. */
  public void create(Context ctx) {
    Form form =
        new Form(
            value(ctx, "name"),
            value(ctx, "plan"),
            value(ctx, "timezone"),
            value(ctx, "hours"),
            value(ctx, "weeklyInvitations"),
            value(ctx, "inmailCredits"));
    List<FieldError> errors = new ArrayList<>();
    try {
      SenderAccount account = NewAccount.read(fields(form));
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
      Form form,
      List<FieldError> errors,
      String added,
      String problem,
      String updated,
      Settings filled) {
    Instant now = clock.instant();
    boolean providerSet = provider.settings().isPresent();
    List<Card> cards = new ArrayList<>();
    Map<String, Settings> settings = new HashMap<>();
    for (SenderAccount account : accounts.accounts()) {
      settings.put(
          account.name(),
          filled != null && filled.name().equals(account.name())
              ? filled
              : Settings.of(account, account.name().equals(updated)));
      ProviderLine line =
          providerSet
              ? providerLine(
                  ProviderStanding.of(provider.links(), account.name()),
                  withdrawals(account),
                  account.timeZone())
              : null;
      cards.add(card(AccountStanding.of(accounts, account, now), now, line));
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

  private ProviderLine providerLine(
      ProviderStanding standing, List<ProviderLinks.Withdrawal> withdrawals, ZoneId zone) {
    String level =
        standing.sends()
            ? "good"
            : standing.linked() && "CONNECTING".equals(standing.status()) ? "warn" : "bad";
    return new ProviderLine(
        standing.status(),
        level,
        standing.sends() ? null : standing.why(),
        standing
            .inmail()
            .map(
                c ->
                    c.describe()
                        + " — checked "
                        + WHEN.format(c.checkedAt().atZone(zone))
                        + " ("
                        + (zone.normalized().equals(UTC) ? "UTC" : zone.getId())
                        + ")")
            .orElse(null),
        standing.inmail().map(ProviderLinks.InmailCheck::differs).orElse(false),
        withdrawals.stream().map(w -> withdrawalLine(w, zone)).toList());
  }

  private WithdrawalLine withdrawalLine(ProviderLinks.Withdrawal w, ZoneId zone) {
    String name =
        prospects
            .prospect(w.prospectId())
            .map(p -> p.profile().fullName())
            .orElse("prospect " + w.prospectId());
    String when = WHEN.format(w.at().atZone(zone)) + " (" + zone.getId() + ")";
    return switch (w.status()) {
      case "WITHDRAWN" ->
          new WithdrawalLine(w.prospectId(), name, "Withdrawn", "good", w.detail(), when);
      case "GONE" ->
          new WithdrawalLine(w.prospectId(), name, "No longer pending", "good", w.detail(), when);
      case "FAILED" ->
          new WithdrawalLine(
              w.prospectId(),
              name,
              "Refused",
              "bad",
              w.detail() + "; withdraw it on LinkedIn by hand",
              when);
      case "WAITING" ->
          new WithdrawalLine(
              w.prospectId(),
              name,
              "Waiting",
              "warn",
              w.detail() + "; tried again at the next look",
              when);
      default ->
          new WithdrawalLine(
              w.prospectId(),
              name,
              "Withdrawing",
              "warn",
              "claimed for the provider's call; a call cut short is checked with LinkedIn after "
                  + ProviderWatch.CLAIM_LAPSES.toMinutes()
                  + " minutes",
              when);
    };
  }

  static Card card(AccountStanding s, Instant now) {
    return card(s, now, null);
  }

  static Card card(AccountStanding s, Instant now, ProviderLine provider) {
    SenderAccount a = s.account();
    String id = "gauge-" + a.name();
    List<Gauge> gauges = new ArrayList<>();
    int cap = s.usage().weeklyCap();
    int sent = s.usage().invitationsThisWeek();
    gauges.add(
        new Gauge(
            id + "-invitations",
            "Invitations in the last 7 days",
            sent + " of " + cap + " (" + s.invitationsLeft() + " left this week)",
            sent,
            Math.max(cap, 1),
            Math.round(cap * 0.7),
            Math.round(cap * 0.9),
            0));
    String noCredits = null;
    if (s.creditCap() > 0) {
      int allowance = a.monthlyInmailCredits();
      int low = Math.min(s.creditCap(), Math.max(1, allowance / 5));
      gauges.add(
          new Gauge(
              id + "-credits",
              "InMail credits left",
              s.usage().creditsLeft()
                  + " left ("
                  + allowance
                  + " arrive each month, at most "
                  + s.creditCap()
                  + " held) · "
                  + s.usage().creditsSpent()
                  + " spent · "
                  + s.usage().creditsRefunded()
                  + " refunded",
              s.usage().creditsLeft(),
              s.creditCap(),
              low,
              Math.max(low, Math.min(s.creditCap(), allowance)),
              s.creditCap()));
    } else {
      noCredits = "No InMail credits: a " + a.plan().name() + " account includes none.";
    }
    int pendingCap = s.pendingCap();
    gauges.add(
        new Gauge(
            id + "-pending",
            "Pending invitations",
            s.usage().pending() + " of at most " + pendingCap + " waiting for an answer",
            s.usage().pending(),
            Math.max(pendingCap, 1),
            Math.round(pendingCap * 0.5),
            Math.round(pendingCap * 0.75),
            0));
    AcceptanceGuard.Settings guard = s.guard();
    String rateText;
    if (s.rateJudged()) {
      long percent = Math.round(100 * s.acceptanceRate());
      rateText =
          percent + "% of the last " + s.answersCounted() + " answered invitations were accepted";
      gauges.add(
          new Gauge(
              id + "-acceptance",
              "Acceptance rate",
              rateText,
              percent,
              100,
              Math.round(100 * guard.pauseBelow()),
              Math.round(100 * guard.slowBelow()),
              100));
    } else {
      rateText =
          "Acceptance rate not judged yet: "
              + s.answersCounted()
              + " of the "
              + guard.minimumAnswers()
              + " answered invitations it needs";
    }
    String thresholds =
        String.format(
            Locale.ROOT,
            "Invitations go at half speed under %d%% accepted and pause for %d days under %d%%.",
            Math.round(100 * guard.slowBelow()),
            guard.pause().toDays(),
            Math.round(100 * guard.pauseBelow()));
    String level;
    String label;
    String text;
    switch (s.health()) {
      case HEALTHY -> {
        level = "good";
        label = "Healthy";
        text = thresholds;
      }
      case SLOWED -> {
        level = "warn";
        label = "Slowed";
        text = s.usage().health() + ". " + thresholds;
      }
      default -> {
        level = "bad";
        label = "Paused";
        text =
            "Invitations are paused until "
                + WHEN.format(s.pausedUntil().atZone(a.timeZone()))
                + " ("
                + a.timeZone().getId()
                + "). "
                + thresholds;
      }
    }
    return new Card(
        a.name(),
        a.plan().name(),
        a.timeZone().getId(),
        a.workingHours().toString(),
        s.dailyInvitations(),
        gauges,
        noCredits,
        rateText,
        level,
        label,
        text,
        provider);
  }

  private static String value(Context ctx, String field) {
    String v = ctx.formParam(field);
    return v == null ? "" : v.strip();
  }

  private static NewAccount.Fields fields(Form form) {
    return new NewAccount.Fields() {
      @Override
      public String text(String field) {
        String v =
            switch (field) {
              case "name" -> form.name();
              case "plan" -> form.plan();
              case "timezone" -> form.timezone();
              case "hours" -> form.hours();
              default -> null;
            };
        return v == null || v.isBlank() ? null : v;
      }

      @Override
      public Integer whole(String field, List<FieldError> errors) {
        String v =
            field.equals("weeklyInvitations") ? form.weeklyInvitations() : form.inmailCredits();
        if (v == null || v.isBlank()) {
          return null;
        }
        try {
          int n = Integer.parseInt(v);
          if (n >= 0) {
            return n;
          }
        } catch (NumberFormatException e) {
          // reported below
        }
        errors.add(
            new FieldError(
                field,
                "'" + v + "' is not a whole number of 0 or more; leave it empty for the plan's"));
        return null;
      }
    };
  }
}
