package dev.warmreach.execute.outbound;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.UserError;
import dev.warmreach.execute.Backoff;
import dev.warmreach.execute.Executor;
import dev.warmreach.execute.OpenHours;
import dev.warmreach.execute.RoutedExecutor;
import dev.warmreach.execute.email.BounceReader;
import dev.warmreach.execute.email.BounceSettings;
import dev.warmreach.execute.email.BounceWatch;
import dev.warmreach.execute.email.MailKey;
import dev.warmreach.execute.email.SmtpExecutor;
import dev.warmreach.execute.email.SmtpSettings;
import dev.warmreach.execute.webhook.WebhookExecutor;
import dev.warmreach.execute.webhook.WebhookSecret;
import dev.warmreach.execute.webhook.WebhookSettings;
import dev.warmreach.store.Deliveries;
import dev.warmreach.store.DoNotContactList;
import dev.warmreach.store.EngineSteps;
import dev.warmreach.store.WorkspaceSettings;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workspace's outbound settings, kept in the store so every node reads the same: the SMTP
 * server for email, the webhook for an external tool. A secret is kept either as the name of an
 * environment variable that holds it (read when the executor is built, never stored) or, when the
 * user chooses, in the database itself.
 */
public final class OutboundSettings {

  static final String SMTP = "smtp";
  static final String WEBHOOK = "webhook";
  static final String BOUNCES = "bounces";
  static final String MAIL_KEY = "mail-key";

  /** How often the live loop reads the bounce mailbox. */
  static final Duration BOUNCE_INTERVAL = Duration.ofMinutes(5);

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The SMTP server as stored. Either {@code password} or {@code passwordEnv}, or neither. */
  public record Smtp(
      String host,
      int port,
      String tls,
      String username,
      String password,
      String passwordEnv,
      String from,
      String fromName,
      String unsubscribeMailto,
      String unsubscribeUrl) {

    /** The settings an executor runs with, the password read from {@code env} if so kept. */
    public SmtpSettings resolve(Map<String, String> env) {
      String secret = OutboundSettings.secret(password, passwordEnv, env, "smtp password");
      return new SmtpSettings(
          host,
          port,
          OutboundSettings.tls(tls),
          blank(username) ? null : username,
          blank(username) ? null : secret,
          email(from, "--from"),
          fromName == null ? "" : fromName,
          blank(unsubscribeMailto) ? null : email(unsubscribeMailto, "--unsubscribe-mailto"),
          blank(unsubscribeUrl) ? null : uri(unsubscribeUrl, "--unsubscribe-url"),
          Duration.ofSeconds(30),
          Backoff.DEFAULT);
    }

    /** These settings with the login's secret taken from {@code other}. */
    Smtp withSecretOf(Smtp other) {
      return new Smtp(
          host,
          port,
          tls,
          username,
          other.password,
          other.passwordEnv,
          from,
          fromName,
          unsubscribeMailto,
          unsubscribeUrl);
    }

    boolean hasSecret() {
      return !blank(password) || !blank(passwordEnv);
    }

    boolean sameServerAs(Smtp other) {
      return host.strip().equalsIgnoreCase(other.host.strip()) && port == other.port;
    }

    /** Where mail goes, without secrets, for people. */
    public String describe() {
      return host + ":" + port + " (" + tls.toLowerCase(java.util.Locale.ROOT) + ") from " + from;
    }
  }

  /**
   * The webhook as stored. Either {@code secret} or {@code secretEnv}; while a rotated secret is
   * still valid, {@code previousSecret} until {@code previousSecretUntil} (ISO-8601).
   */
  public record Webhook(
      String url,
      String secret,
      String secretEnv,
      String previousSecret,
      String previousSecretUntil) {

    public Webhook(String url, String secret, String secretEnv) {
      this(url, secret, secretEnv, null, null);
    }

    public WebhookSettings resolve(Map<String, String> env) {
      WebhookSettings resolved =
          WebhookSettings.of(
              url, OutboundSettings.secret(secret, secretEnv, env, "webhook secret"));
      if (blank(previousSecret) || blank(previousSecretUntil)) {
        return resolved;
      }
      return resolved.withPreviousSecret(previousSecret, Instant.parse(previousSecretUntil));
    }

    public String describe() {
      return url;
    }
  }

  /**
   * The IMAP mailbox that receives bounces, as stored. Either {@code password} or {@code
   * passwordEnv}.
   */
  public record Bounces(
      String host,
      int port,
      String tls,
      String username,
      String password,
      String passwordEnv,
      String folder) {

    public BounceSettings resolve(Map<String, String> env) {
      return new BounceSettings(
          host,
          port,
          OutboundSettings.tls(tls),
          username,
          OutboundSettings.secret(password, passwordEnv, env, "imap password"),
          folder,
          Duration.ofSeconds(30));
    }

    public String describe() {
      return username
          + " at "
          + host
          + ":"
          + port
          + " ("
          + (folder == null ? "INBOX" : folder)
          + ")";
    }
  }

  private final WorkspaceSettings settings;
  private final Deliveries deliveries;
  private final DoNotContactList doNotContact;
  private final EngineSteps events;

  /** Settings kept in {@code settings}; the executors they call for work with the other ports. */
  public OutboundSettings(
      WorkspaceSettings settings,
      Deliveries deliveries,
      DoNotContactList doNotContact,
      EngineSteps events) {
    this.settings = settings;
    this.deliveries = deliveries;
    this.doNotContact = doNotContact;
    this.events = events;
  }

  public Optional<Smtp> smtp() {
    return settings.setting(SMTP).map(json -> read(json, Smtp.class));
  }

  public Optional<Webhook> webhook() {
    return settings.setting(WEBHOOK).map(json -> read(json, Webhook.class));
  }

  public Optional<Bounces> bounces() {
    return settings.setting(BOUNCES).map(json -> read(json, Bounces.class));
  }

  /**
   * The workspace's key for unsubscribe tokens and Message-IDs, made at random the first time it is
   * asked for and kept, encrypted, with the other settings; every node reads the same one.
   */
  public MailKey mailKey() {
    Optional<String> stored = settings.setting(MAIL_KEY);
    String json =
        stored.orElseGet(
            () ->
                settings.settingIfAbsent(
                    MAIL_KEY, write(Map.of("key", MailKey.random().base64()))));
    return MailKey.of(read(json, Map.class).get("key").toString());
  }

  /** Checks the settings by building them, then stores them. */
  public void save(Bounces bounces, Map<String, String> env) {
    bounces.resolve(env);
    settings.saveSetting(BOUNCES, write(bounces));
  }

  /** Checks the settings by building them, then stores them. */
  public void save(Smtp smtp, Map<String, String> env) {
    smtp.resolve(env);
    settings.saveSetting(SMTP, write(smtp));
  }

  /**
   * Stores SMTP settings whose login keeps the secret stored with the current ones (a password, or
   * the name of the environment variable that holds it), after checking them. Only for the same
   * host and port: a stored password never goes to a server it was not entered for, so whoever
   * changes the server must know the password.
   *
   * @throws UserError when the server changed, or there is no secret to keep
   */
  public void saveKeepingPassword(Smtp smtp, Map<String, String> env) {
    Optional<Smtp> current = smtp().filter(Smtp::hasSecret);
    if (current.isEmpty()) {
      throw new UserError(
          "Password: a login (user) needs a password, or the name of an environment variable that"
              + " holds it");
    }
    if (!smtp.sameServerAs(current.get())) {
      throw new UserError(
          "Password: the mail server changed from "
              + current.get().host()
              + ":"
              + current.get().port()
              + " to "
              + smtp.host()
              + ":"
              + smtp.port()
              + "; enter the password again (a stored password is only sent to the server it was"
              + " entered for)");
    }
    save(smtp.withSecretOf(current.get()), env);
  }

  /** Checks the settings by building them, then stores them. */
  public void save(Webhook webhook, Map<String, String> env) {
    webhook.resolve(env);
    settings.saveSetting(WEBHOOK, write(webhook));
  }

  /** A new webhook secret, {@code whsec_} and 32 random bytes in base64 (Standard Webhooks). */
  public static String newWebhookSecret() {
    return WebhookSecret.generate();
  }

  /** The longest an old webhook secret may stay valid after a rotation. */
  public static final Duration MAX_KEEP_OLD_SECRET = Duration.ofDays(30);

  /**
   * Replaces the webhook's stored secret with a new {@code whsec_} one, the old one signing too for
   * {@code keepOld} after {@code now} so receivers can switch in their own time. Returns the new
   * secret, to be shown once.
   *
   * @throws UserError when no webhook is set, its secret is kept in an environment variable, or
   *     {@code keepOld} is negative or over 30 days; nothing is changed then
   */
  public String rotateWebhookSecret(Duration keepOld, Instant now, Map<String, String> env) {
    if (keepOld.isNegative() || keepOld.compareTo(MAX_KEEP_OLD_SECRET) > 0) {
      throw new UserError(
          "--keep-old "
              + keepOld
              + " must be between 0 and 30 days; e.g. --keep-old 24h gives receivers a day to"
              + " switch");
    }
    Webhook current =
        webhook()
            .orElseThrow(
                () ->
                    new UserError(
                        "no webhook is set, so there is no secret to rotate; set one with"
                            + " 'warmreach settings webhook --url URL --secret-stdin'"));
    if (!blank(current.secretEnv())) {
      throw new UserError(
          "the webhook secret is kept in the environment variable "
              + current.secretEnv()
              + ", which Warmreach does not change; to rotate it, set the webhook again with"
              + " 'warmreach settings webhook --url "
              + current.url()
              + " --secret-stdin' (a secret kept in the database can be rotated)");
    }
    String old = current.resolve(env).secret();
    String fresh = WebhookSecret.generate();
    Webhook rotated =
        keepOld.isZero()
            ? new Webhook(current.url(), fresh, null)
            : new Webhook(current.url(), fresh, null, old, now.plus(keepOld).toString());
    save(rotated, env);
    return fresh;
  }

  public boolean remove(String name) {
    if (!name.equals(SMTP) && !name.equals(WEBHOOK) && !name.equals(BOUNCES)) {
      throw new UserError(
          "there is no setting '" + name + "'; there are smtp, webhook, bounces and provider");
    }
    return settings.removeSetting(name);
  }

  /**
   * The executors the settings call for, SMTP first so it takes the email: routed so that channels
   * neither carries out wait in the task inbox.
   */
  public RoutedExecutor executors(Clock clock, Map<String, String> env) {
    return executors(clock, env, new PrintWriter(System.err, true));
  }

  /**
   * As {@link #executors(Clock, Map)}, with the bounce mailbox read every 5 minutes when set;
   * problems reaching it are told to {@code log}.
   */
  public RoutedExecutor executors(Clock clock, Map<String, String> env, PrintWriter log) {
    return executors(clock, env, log, OpenHours.ALWAYS);
  }

  /**
   * As {@link #executors(Clock, Map, PrintWriter)}, email and webhook steps carried out only inside
   * the working hours {@code hours} gives for their sender accounts.
   */
  public RoutedExecutor executors(
      Clock clock, Map<String, String> env, PrintWriter log, OpenHours hours) {
    List<Executor> executors = new ArrayList<>();
    smtp()
        .ifPresent(
            s ->
                executors.add(
                    new SmtpExecutor(
                        deliveries, doNotContact, s.resolve(env), mailKey(), clock, hours)));
    webhook()
        .ifPresent(
            w ->
                executors.add(
                    new WebhookExecutor(deliveries, doNotContact, w.resolve(env), clock, hours)));
    bounces()
        .ifPresent(
            b ->
                executors.add(
                    new BounceWatch(
                        new BounceReader(deliveries, events, b.resolve(env), clock),
                        clock,
                        BOUNCE_INTERVAL,
                        log)));
    return new RoutedExecutor(executors);
  }

  private static String secret(
      String stored, String variable, Map<String, String> env, String what) {
    if (!blank(variable)) {
      String value = env.get(variable);
      if (blank(value)) {
        throw new UserError(
            "the "
                + what
                + " is kept in the environment variable "
                + variable
                + ", which is not set here; set it before starting Warmreach");
      }
      return value;
    }
    return stored;
  }

  private static SmtpSettings.Tls tls(String value) {
    try {
      return SmtpSettings.Tls.valueOf(value.toUpperCase(java.util.Locale.ROOT));
    } catch (RuntimeException e) {
      throw new UserError("--tls '" + value + "' is not one of none, starttls, tls", e);
    }
  }

  private static EmailAddress email(String value, String option) {
    return EmailAddress.parse(value == null ? "" : value)
        .orElseThrow(() -> new UserError(option + " '" + value + "' is not an email address"));
  }

  private static URI uri(String value, String option) {
    try {
      // {touch} marks where the unsubscribe token goes; braces are not allowed in a URI as such.
      return URI.create(value.replace("{touch}", "%7Btouch%7D"));
    } catch (IllegalArgumentException e) {
      throw new UserError(option + " '" + value + "' is not a URL: " + e.getMessage(), e);
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "the stored " + type.getSimpleName() + " setting is unreadable", e);
    }
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
