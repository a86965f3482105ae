package dev.warmreach.execute.outbound;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.domain.EmailAddress;
import dev.warmreach.domain.UserError;
import dev.warmreach.execute.Backoff;
import dev.warmreach.execute.Executor;
import dev.warmreach.execute.RoutedExecutor;
import dev.warmreach.execute.email.BounceReader;
import dev.warmreach.execute.email.BounceSettings;
import dev.warmreach.execute.email.BounceWatch;
import dev.warmreach.execute.email.SmtpExecutor;
import dev.warmreach.execute.email.SmtpSettings;
import dev.warmreach.execute.webhook.WebhookExecutor;
import dev.warmreach.execute.webhook.WebhookSettings;
import dev.warmreach.store.Deliveries;
import dev.warmreach.store.DoNotContactList;
import dev.warmreach.store.EngineSteps;
import dev.warmreach.store.WorkspaceSettings;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
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

  /** The webhook as stored. Either {@code secret} or {@code secretEnv}. */
  public record Webhook(String url, String secret, String secretEnv) {

    public WebhookSettings resolve(Map<String, String> env) {
      return WebhookSettings.of(
          url, OutboundSettings.secret(secret, secretEnv, env, "webhook secret"));
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
    List<Executor> executors = new ArrayList<>();
    smtp()
        .ifPresent(
            s -> executors.add(new SmtpExecutor(deliveries, doNotContact, s.resolve(env), clock)));
    webhook()
        .ifPresent(
            w ->
                executors.add(
                    new WebhookExecutor(deliveries, doNotContact, w.resolve(env), clock)));
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
      return URI.create(value);
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
