package dev.warmreach.web.pages;

import dev.warmreach.domain.SenderAccount;
import dev.warmreach.live.AccountStanding;
import dev.warmreach.quota.AcceptanceGuard;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One account's card on the accounts page: its usage against LinkedIn's limits as gauges, and its
 * health in words. Apart from {@link AccountsPage} because turning figures into gauges and
 * sentences is a job of its own, with no request or store in sight.
 *
 * @param provider how it stands with the LinkedIn provider; null when no provider is set
 */
public record AccountCard(
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
    ProviderLine provider) {

  /** How times are shown on an account's card, in the account's time zone. */
  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

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

  /** The card of an account as it stands at {@code now}; {@code provider} null when none is set. */
  static AccountCard of(AccountStanding s, Instant now, ProviderLine provider) {
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
    return new AccountCard(
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
}
