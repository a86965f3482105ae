package dev.warmreach.web.pages;

import dev.warmreach.domain.User;
import dev.warmreach.store.UserStore;
import dev.warmreach.web.auth.ApiTokens;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the settings page shows: the stored settings (secrets never), the form values to show, and
 * the outcome of the last change — a confirmation, or what was wrong, in the section it belongs to.
 *
 * @param form the values of the form fields, by field name
 * @param smtpSecret how the SMTP password is kept, in words; empty when there is none
 * @param webhookSecret how the webhook secret is kept, in words; empty when no webhook is set
 * @param provider the LinkedIn provider in words (never its key); empty when none is set
 * @param users every user, for admins; empty for members
 * @param issued a token just created, its secret shown this once; {@code null} otherwise
 * @param newSecret a webhook secret (or the provider's) just generated, shown this once, in its
 *     section; empty otherwise
 * @param section the section the outcome belongs to (smtp, webhook, provider, users, tokens); empty
 *     if none
 */
public record SettingsView(
    boolean admin,
    long userId,
    Map<String, String> form,
    String smtp,
    String smtpSecret,
    String webhook,
    String webhookSecret,
    List<dev.warmreach.execute.webhook.DeadLetters.Letter> deadLetters,
    String provider,
    List<User> users,
    List<UserStore.ApiToken> tokens,
    ApiTokens.Issued issued,
    String newSecret,
    String section,
    String ok,
    List<String> errors) {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  public String value(String field) {
    return form.getOrDefault(field, "");
  }

  public boolean is(String field, String value) {
    return value.equalsIgnoreCase(value(field));
  }

  /** The secret just made for section {@code name}, or empty. */
  public String newSecretIn(String name) {
    return name.equals(section) ? newSecret : "";
  }

  public String okIn(String name) {
    return name.equals(section) ? ok : "";
  }

  public List<String> errorsIn(String name) {
    return name.equals(section) ? errors : List.of();
  }

  public static String when(TemporalAccessor at) {
    return at == null ? "" : WHEN.format(at);
  }

  public static String role(User user) {
    return user.role().name().toLowerCase(Locale.ROOT);
  }
}
