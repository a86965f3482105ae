package dev.warmreach.web.metrics;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Touch;
import dev.warmreach.quota.AccountState;
import dev.warmreach.store.Analytics;
import dev.warmreach.store.Delivery;
import dev.warmreach.store.Operations;
import dev.warmreach.store.ProviderLinks;
import dev.warmreach.store.SenderAccounts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What {@code /metrics} shows Prometheus. Counters ({@code _total}) of touches by channel, outcome
 * and mode (live or dry run, never mixed), executor errors, events received and LinkedIn provider
 * calls by outcome; gauges of the due backlog and each account's quota headroom; the JVM, the
 * process, HTTP request durations as a histogram, and the build. The workspace's figures are read
 * from the store once per scrape, so every node of a cluster reports the same workspace; events
 * received and HTTP requests are this node's. Thread-safe.
 */
public final class ServerMetrics implements AutoCloseable {

  /** The outcomes a touch ends in, each counted once it is reached. */
  private static final Set<Touch.Status> OUTCOMES =
      Set.of(Touch.Status.DONE, Touch.Status.SKIPPED, Touch.Status.FAILED);

  /** The provider calls that have an outcome; the rest are in flight. */
  private static final List<Delivery.Status> CALL_OUTCOMES =
      List.of(
          Delivery.Status.SENT,
          Delivery.Status.SKIPPED,
          Delivery.Status.FAILED,
          Delivery.Status.DEAD,
          Delivery.Status.UNCERTAIN);

  private final Analytics analytics;
  private final SenderAccounts accounts;
  private final ProviderLinks providerLinks;
  private final Clock clock;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private volatile Operations latest = new Operations(List.of(), 0, 0);
  private final MultiGauge open;
  private final MultiGauge backlog;
  private final MultiGauge invitationsLeft;
  private final MultiGauge creditsLeft;
  private final MultiGauge pending;
  private final MultiGauge providerSending;

  public ServerMetrics(
      Analytics analytics, SenderAccounts accounts, ProviderLinks providerLinks, Clock clock) {
    this(analytics, accounts, providerLinks, clock, version());
  }

  public ServerMetrics(
      Analytics analytics,
      SenderAccounts accounts,
      ProviderLinks providerLinks,
      Clock clock,
      String version) {
    this.analytics = analytics;
    this.accounts = accounts;
    this.providerLinks = providerLinks;
    this.clock = clock;
    // promtool's lint: no "_count" on a gauge, no abbreviated units ("ns"); CPU use stays as
    // process_cpu_usage and system_cpu_usage
    registry
        .config()
        .meterFilter(
            new MeterFilter() {
              @Override
              public Meter.Id map(Meter.Id id) {
                return id.getName().equals("system.cpu.count") ? id.withName("system.cpus") : id;
              }
            })
        .meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"));
    for (Channel channel : Channel.values()) {
      for (Touch.Status status : OUTCOMES) {
        for (boolean dryRun : new boolean[] {false, true}) {
          FunctionCounter.builder("warmreach.touches", this, m -> m.count(channel, status, dryRun))
              .description(
                  "Touches that reached an outcome (done, skipped, failed), by channel and mode"
                      + " (live or dry_run)")
              .tags("channel", lower(channel), "status", lower(status), "mode", mode(dryRun))
              .register(registry);
        }
      }
      FunctionCounter.builder(
              "warmreach.executor.errors", this, m -> m.count(channel, Touch.Status.FAILED, false))
          .description("Live touches an executor could not carry out, by channel")
          .tags("channel", lower(channel))
          .register(registry);
    }
    for (Delivery.Status outcome : CALL_OUTCOMES) {
      FunctionCounter.builder(
              "warmreach.provider.calls",
              this,
              m -> m.latest.providerCalls().getOrDefault(outcome, 0L))
          .description(
              "Calls to the LinkedIn provider by outcome (sent, skipped, failed, dead, uncertain)")
          .tags("outcome", lower(outcome))
          .register(registry);
    }
    open = gauge("warmreach.touches.open", "Touches not yet at an outcome (planned, uncertain)");
    backlog = gauge("warmreach.due.backlog", "Work that is due and not yet done, by kind");
    invitationsLeft =
        gauge("warmreach.invitations.left", "Invitations an account may still send this week");
    creditsLeft = gauge("warmreach.inmail.credits.left", "InMail credits an account has left");
    pending = gauge("warmreach.invitations.pending", "Invitations sent and not yet answered");
    providerSending =
        gauge(
            "warmreach.provider.account.sending",
            "1 when the LinkedIn provider reports a linked account OK, 0 when it sends nothing;"
                + " the status label says why");
    Gauge.builder("warmreach.build.info", () -> 1)
        .description("The Warmreach version this node runs (always 1)")
        .tags("version", version, "java", System.getProperty("java.version", "unknown"))
        .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
  }

  private static String version() {
    String version = ServerMetrics.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  private MultiGauge gauge(String name, String description) {
    return MultiGauge.builder(name).description(description).register(registry);
  }

  /** Counts an event the events API took (this node's). */
  public void eventReceived(String kind, boolean duplicate) {
    Counter.builder("warmreach.events.received")
        .description("Events the events API took on this node, by kind; duplicates apart")
        .tags("kind", kind, "duplicate", Boolean.toString(duplicate))
        .register(registry)
        .increment();
  }

  /**
   * Records one HTTP request this node answered: {@code route} is the matched route's pattern
   * (never the raw path, so ids do not become series).
   */
  public void requestServed(String method, String route, int status, long nanos) {
    Timer.builder("http.server.requests")
        .description("HTTP requests this node answered, by route and status")
        .tags(
            "method",
            method,
            "uri",
            route,
            "status",
            Integer.toString(status),
            "outcome",
            outcome(status))
        .publishPercentileHistogram()
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  private static String outcome(int status) {
    if (status < 200) {
      return "INFORMATIONAL";
    }
    if (status < 300) {
      return "SUCCESS";
    }
    if (status < 400) {
      return "REDIRECTION";
    }
    return status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
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

  @Override
  public void close() {
    gc.close();
    registry.close();
  }

  private void refresh(Instant now) {
    Operations ops = analytics.operations(now);
    latest = ops;
    List<MultiGauge.Row<?>> notYet = new ArrayList<>();
    for (Channel channel : Channel.values()) {
      // a touch is marked a dry run's when the simulated network carries it out, not before
      for (Touch.Status status : List.of(Touch.Status.PLANNED, Touch.Status.UNCERTAIN)) {
        notYet.add(
            MultiGauge.Row.of(
                Tags.of("channel", lower(channel), "status", lower(status)),
                count(channel, status, false) + count(channel, status, true)));
      }
    }
    open.register(notYet, true);
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

  private long count(Channel channel, Touch.Status status, boolean dryRun) {
    return latest.touches().stream()
        .filter(t -> t.channel() == channel && t.status() == status && t.dryRun() == dryRun)
        .mapToLong(Operations.TouchCount::count)
        .sum();
  }

  private static String mode(boolean dryRun) {
    return dryRun ? "dry_run" : "live";
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
