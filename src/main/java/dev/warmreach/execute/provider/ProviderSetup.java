package dev.warmreach.execute.provider;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.domain.UserError;
import dev.warmreach.execute.Backoff;
import dev.warmreach.store.Deliveries;
import dev.warmreach.store.DoNotContactList;
import dev.warmreach.store.EngineSteps;
import dev.warmreach.store.Prospects;
import dev.warmreach.store.ProviderLinks;
import dev.warmreach.store.SenderAccounts;
import dev.warmreach.store.WorkspaceSettings;
import java.io.PrintWriter;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The LinkedIn provider as the workspace keeps it (the {@code provider} setting, encrypted at rest
 * like the SMTP password) and the use cases around it: saving the settings, linking a sender
 * account, reading an account's status, and building the {@link ProviderExecutor}. Thread-safe.
 */
public final class ProviderSetup {

  static final String SETTING = "provider";

  /** The header the provider's webhooks carry, holding the workspace's webhook secret. */
  public static final String SECRET_HEADER = "X-Warmreach-Provider-Secret";

  /** The provider's webhook sources and the events Warmreach reads from them. */
  public static final List<String> WEBHOOK_SOURCES =
      List.of("users", "messaging", "account_status");

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * The provider as stored: either {@code apiKey} (stored, encrypted) or {@code apiKeyEnv} (the
   * name of the environment variable that holds it). {@code webhookSecret} authenticates the
   * provider's webhooks; it is made when the settings are first saved.
   */
  public record Settings(
      String provider, String dsn, String apiKey, String apiKeyEnv, String webhookSecret) {

    /** Where it is and how the key is kept, never the key itself. */
    public String describe() {
      return provider
          + " at "
          + UnipileProvider.apiRoot(dsn)
          + (apiKeyEnv == null || apiKeyEnv.isBlank()
              ? " (API key stored, encrypted)"
              : " (API key in $" + apiKeyEnv + ")");
    }

    String key(Map<String, String> env) {
      if (apiKeyEnv != null && !apiKeyEnv.isBlank()) {
        String value = env.get(apiKeyEnv);
        if (value == null || value.isBlank()) {
          throw new UserError(
              "the provider's API key is kept in the environment variable "
                  + apiKeyEnv
                  + ", which is not set here; set it before starting Warmreach");
        }
        return value;
      }
      if (apiKey == null || apiKey.isBlank()) {
        throw new UserError(
            "the provider has no API key; set one with `warmreach settings provider unipile"
                + " --dsn DSN --api-key-env VAR` or --api-key-stdin");
      }
      return apiKey;
    }
  }

  private final WorkspaceSettings settings;
  private final ProviderLinks links;
  private final Deliveries deliveries;
  private final DoNotContactList doNotContact;
  private final EngineSteps events;
  private final SenderAccounts accounts;
  private final Prospects prospects;
  private final Function<Settings, LinkedInProvider> connect;

  /** The setup over Unipile's HTTP API, with {@code env} giving the key where it is kept there. */
  public static ProviderSetup overUnipile(
      WorkspaceSettings settings,
      ProviderLinks links,
      Deliveries deliveries,
      DoNotContactList doNotContact,
      EngineSteps events,
      SenderAccounts accounts,
      Prospects prospects,
      Map<String, String> env) {
    return new ProviderSetup(
        settings,
        links,
        deliveries,
        doNotContact,
        events,
        accounts,
        prospects,
        s -> new UnipileProvider(UnipileProvider.apiRoot(s.dsn()), s.key(env), TIMEOUT));
  }

  ProviderSetup(
      WorkspaceSettings settings,
      ProviderLinks links,
      Deliveries deliveries,
      DoNotContactList doNotContact,
      EngineSteps events,
      SenderAccounts accounts,
      Prospects prospects,
      Function<Settings, LinkedInProvider> connect) {
    this.settings = settings;
    this.links = links;
    this.deliveries = deliveries;
    this.doNotContact = doNotContact;
    this.events = events;
    this.accounts = accounts;
    this.prospects = prospects;
    this.connect = connect;
  }

  public Optional<Settings> settings() {
    return settings.setting(SETTING).map(ProviderSetup::read);
  }

  /**
   * Stores the provider after checking the DSN and that the key is there; keeps the webhook secret
   * of earlier settings, or makes one.
   */
  public Settings save(
      String provider, String dsn, String apiKey, String apiKeyEnv, Map<String, String> env) {
    Settings checked = checked(provider, dsn, apiKey, apiKeyEnv, null, env);
    keep(checked);
    return checked;
  }

  /**
   * The provider as it would be stored, checked (the DSN, and that the key is there) but not
   * stored: {@code webhookSecret} when given, else the earlier settings' secret, else a new one.
   */
  public Settings checked(
      String provider,
      String dsn,
      String apiKey,
      String apiKeyEnv,
      String webhookSecret,
      Map<String, String> env) {
    if (!"unipile".equals(provider)) {
      throw new UserError("the provider '" + provider + "' is not supported; use unipile");
    }
    if (dsn == null || dsn.isBlank()) {
      throw new UserError(
          "--dsn is required: the DSN Unipile's dashboard shows, e.g. api8.unipile.com:13851");
    }
    if (!validDsn(dsn)) {
      throw new UserError(
          "--dsn '" + dsn + "' is not a host and port, e.g. api8.unipile.com:13851");
    }
    String secret =
        webhookSecret != null && !webhookSecret.isBlank()
            ? webhookSecret
            : settings().map(Settings::webhookSecret).orElseGet(ProviderSetup::newSecret);
    Settings stored = new Settings(provider, dsn.strip(), apiKey, apiKeyEnv, secret);
    stored.key(env);
    return stored;
  }

  /** Stores settings {@link #checked} before. */
  public void keep(Settings checked) {
    settings.saveSetting(SETTING, write(checked));
  }

  /** Whether {@code dsn} names a host (and port), as Unipile's dashboard shows it. */
  public static boolean validDsn(String dsn) {
    try {
      return UnipileProvider.apiRoot(dsn).getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The provider client, or a user error saying how to set it up. */
  public LinkedInProvider provider() {
    return connect.apply(required());
  }

  /**
   * Links a sender account to an account the user linked in the provider's dashboard, after asking
   * the provider for it; returns its status.
   */
  public ProviderLinks.LinkedAccount link(
      String senderAccount, String providerAccountId, Instant now) {
    requireAccount(senderAccount);
    LinkedInProvider.ProviderAccount account;
    try {
      account = provider().account(providerAccountId);
    } catch (ProviderFailure failure) {
      throw new UserError(
          "--provider-account '"
              + providerAccountId
              + "': "
              + failure.getMessage()
              + "; copy the account id from the provider's dashboard",
          failure);
    }
    links.linkAccount(senderAccount, providerAccountId, account.status(), now);
    return links.linkedAccount(senderAccount).orElseThrow();
  }

  /** A link where the user signs in to LinkedIn for {@code senderAccount}, valid for a day. */
  public URI hostedLink(String senderAccount, URI notifyUrl, Instant now) {
    requireAccount(senderAccount);
    try {
      return provider().hostedLink(senderAccount, notifyUrl, now.plus(Duration.ofDays(1)));
    } catch (ProviderFailure failure) {
      throw new UserError(
          "could not create a link for " + senderAccount + ": " + failure.getMessage(), failure);
    }
  }

  /** Asks the provider for each linked account's status and keeps it; returns them. */
  public List<ProviderLinks.LinkedAccount> refreshStatuses(Instant now) {
    LinkedInProvider provider = provider();
    for (ProviderLinks.LinkedAccount linked : links.linkedAccounts()) {
      try {
        links.accountStatus(
            linked.providerAccountId(), provider.account(linked.providerAccountId()).status(), now);
      } catch (ProviderFailure failure) {
        if (failure.reason() == ProviderFailure.Reason.CREDENTIALS) {
          links.accountStatus(linked.providerAccountId(), "CREDENTIALS", now);
        }
      }
    }
    return links.linkedAccounts();
  }

  /**
   * Registers the provider's webhooks to post to {@code url} with the workspace's secret header.
   */
  public void registerWebhooks(URI url) {
    registerWebhooks(required(), url);
  }

  /** Registers the webhooks of the provider {@code s} (stored or about to be). */
  public void registerWebhooks(Settings s, URI url) {
    LinkedInProvider provider = connect.apply(s);
    for (String source : WEBHOOK_SOURCES) {
      try {
        provider.registerWebhook(url, source, SECRET_HEADER, s.webhookSecret());
      } catch (ProviderFailure failure) {
        throw new UserError(
            "could not register the provider's " + source + " webhook: " + failure.getMessage(),
            failure);
      }
    }
  }

  /** The executor for LinkedIn touches, when the provider is set. */
  public Optional<ProviderExecutor> executor(Clock clock) {
    return settings()
        .map(
            s ->
                new ProviderExecutor(
                    connect.apply(s),
                    deliveries,
                    doNotContact,
                    links,
                    events,
                    accounts,
                    ProviderPacing.DEFAULT,
                    Backoff.DEFAULT,
                    TIMEOUT,
                    clock,
                    new SplittableRandom()));
  }

  /**
   * The polls of the provider (account statuses and invitations every {@code every}, InMail credits
   * daily), when the provider is set; problems reaching it are told to {@code log}.
   */
  public Optional<ProviderWatch> watch(Clock clock, Duration every, PrintWriter log) {
    return settings()
        .map(
            s ->
                new ProviderWatch(
                    connect.apply(s), links, prospects, events, accounts, clock, every, log));
  }

  /** Forgets the provider: LinkedIn steps wait in the task inbox again. */
  public boolean remove() {
    return settings.removeSetting(SETTING);
  }

  /** Whether {@code presented} is the workspace's webhook secret (in constant time). */
  public boolean webhookSecretMatches(String presented) {
    Optional<Settings> s = settings();
    if (s.isEmpty() || presented == null) {
      return false;
    }
    return java.security.MessageDigest.isEqual(
        s.get().webhookSecret().getBytes(java.nio.charset.StandardCharsets.UTF_8),
        presented.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public ProviderLinks links() {
    return links;
  }

  public EngineSteps events() {
    return events;
  }

  private Settings required() {
    return settings()
        .orElseThrow(
            () ->
                new UserError(
                    "no LinkedIn provider is set; set one with `warmreach settings provider unipile"
                        + " --dsn DSN --api-key-env VAR`"));
  }

  private void requireAccount(String senderAccount) {
    if (accounts.account(senderAccount).isEmpty()) {
      throw new UserError(
          "there is no sender account '"
              + senderAccount
              + "'; add it with `warmreach accounts add`");
    }
  }

  private static String newSecret() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static Settings read(String json) {
    try {
      return JSON.readValue(json, Settings.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the stored provider setting is unreadable", e);
    }
  }

  private static String write(Settings value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
