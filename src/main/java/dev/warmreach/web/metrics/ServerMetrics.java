package dev.warmreach.web.metrics;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Touch;
import dev.warmreach.quota.AccountState;
import dev.warmreach.store.Analytics;
import dev.warmreach.store.Operations;
import dev.warmreach.store.ProviderLinks;
import dev.warmreach.store.SenderAccounts;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code /metrics} shows Prometheus: touches by channel and outcome, the due backlog, each
 * account's quota headroom, and executor errors. The figures are read from the store once per
 * scrape, so every node of a cluster reports the same workspace. Thread-safe.
 */
public final class ServerMetrics {

  private final Analytics analytics;
  private final SenderAccounts accounts;
  private final ProviderLinks providerLinks;
  private final Clock clock;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MultiGauge touches;
  private final MultiGauge backlog;
  private final MultiGauge invitationsLeft;
  private final MultiGauge creditsLeft;
  private final MultiGauge pending;
  private final MultiGauge executorErrors;
  private final MultiGauge providerSending;

  public ServerMetrics(
      Analytics analytics, SenderAccounts accounts, ProviderLinks providerLinks, Clock clock) {
    this.analytics = analytics;
    this.accounts = accounts;
    this.providerLinks = providerLinks;
    this.clock = clock;
    touches =
        gauge(
            "warmreach.touches", "Touches by channel and status (planned, done, skipped, failed)");
    backlog = gauge("warmreach.due.backlog", "Work that is due and not yet done, by kind");
    invitationsLeft =
        gauge("warmreach.invitations.left", "Invitations an account may still send this week");
    creditsLeft = gauge("warmreach.inmail.credits.left", "InMail credits an account has left");
    pending = gauge("warmreach.invitations.pending", "Invitations sent and not yet answered");
    executorErrors =
        gauge("warmreach.executor.errors", "Touches an executor could not carry out, by channel");
    providerSending =
        gauge(
            "warmreach.provider.account.sending",
            "1 when the LinkedIn provider reports a linked account OK, 0 when it sends nothing;"
                + " the status label says why");
  }

  private MultiGauge gauge(String name, String description) {
    return MultiGauge.builder(name).description(description).register(registry);
  }

  /** The metrics in Prometheus' text format, read fresh from the store. */
  public synchronized String scrape() {
    refresh(clock.instant());
    return registry.scrape();
  }

  /** Prometheus' content type for {@link #scrape()}. */
  public static String contentType() {
    return "text/plain; version=0.0.4; charset=utf-8";
  }

  private void refresh(Instant now) {
    Operations ops = analytics.operations(now);
    List<MultiGauge.Row<?>> byStatus = new ArrayList<>();
    List<MultiGauge.Row<?>> errors = new ArrayList<>();
    for (Channel channel : Channel.values()) {
      for (Touch.Status status : Touch.Status.values()) {
        long count = count(ops, channel, status);
        byStatus.add(
            MultiGauge.Row.of(Tags.of("channel", lower(channel), "status", lower(status)), count));
      }
      errors.add(
          MultiGauge.Row.of(
              Tags.of("channel", lower(channel)), count(ops, channel, Touch.Status.FAILED)));
    }
    touches.register(byStatus, true);
    executorErrors.register(errors, true);
    backlog.register(
        List.of(
            MultiGauge.Row.of(Tags.of("kind", "enrollments"), ops.dueEnrollments()),
            MultiGauge.Row.of(Tags.of("kind", "touches"), ops.dueTouches())),
        true);
    List<MultiGauge.Row<?>> invitations = new ArrayList<>();
    List<MultiGauge.Row<?>> credits = new ArrayList<>();
    List<MultiGauge.Row<?>> waiting = new ArrayList<>();
    for (SenderAccount account : accounts.accounts()) {
      Tags tags = Tags.of("account", account.name());
      AccountState state = accounts.accountState(account.name()).orElse(null);
      int sent = state == null ? 0 : state.invitations().sentInLastWeek(now);
      invitations.add(MultiGauge.Row.of(tags, Math.max(0, account.weeklyInvitationCap() - sent)));
      credits.add(
          MultiGauge.Row.of(
              tags, state == null ? account.monthlyInmailCredits() : state.creditsLeft(now)));
      waiting.add(MultiGauge.Row.of(tags, state == null ? 0 : state.pending().count()));
    }
    invitationsLeft.register(invitations, true);
    creditsLeft.register(credits, true);
    pending.register(waiting, true);
    List<MultiGauge.Row<?>> linked = new ArrayList<>();
    for (ProviderLinks.LinkedAccount account : providerLinks.linkedAccounts()) {
      linked.add(
          MultiGauge.Row.of(
              Tags.of("account", account.senderAccount(), "status", account.status()),
              account.ok() ? 1 : 0));
    }
    providerSending.register(linked, true);
  }

  private static long count(Operations ops, Channel channel, Touch.Status status) {
    return ops.touches().stream()
        .filter(t -> t.channel() == channel && t.status() == status)
        .mapToLong(Operations.TouchCount::count)
        .sum();
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
