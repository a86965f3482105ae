package dev.warmreach.web.pages;

import static dev.warmreach.web.pages.FormInput.blankToNull;
import static dev.warmreach.web.pages.FormInput.nullToBlank;

import dev.warmreach.domain.EmailAddress;
import dev.warmreach.execute.outbound.OutboundSettings;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The settings page's SMTP form: its fields as stored, and as posted with each mistake named and
 * the server to save. Apart from {@link SettingsPage} because the checks are the form's own,
 * whatever the page does with the answer.
 *
 * @param values the fields as posted, by name
 * @param errors each mistake as a sentence naming its field; empty when the form is fine
 * @param smtp the server to save; null when there are mistakes
 * @param keepPassword whether the stored password is kept (a user given, the password left empty)
 */
record SmtpForm(
    Map<String, String> values,
    List<String> errors,
    OutboundSettings.Smtp smtp,
    boolean keepPassword) {

  /** Reads and checks the posted form; {@code current} is the server stored now, if any. */
  static SmtpForm read(Context ctx, Optional<OutboundSettings.Smtp> current) {
    Map<String, String> form =
        FormInput.values(ctx, "host", "port", "tls", "user", "password_env", "from");
    form.putAll(FormInput.values(ctx, "from_name", "unsubscribe_mailto", "unsubscribe_url"));
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    List<String> errors = new ArrayList<>();
    if (form.get("host").isEmpty()) {
      errors.add("Host: give the mail server's name, e.g. smtp.example.com.");
    }
    int port = 0;
    try {
      port = Integer.parseInt(form.get("port"));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 1 || port > 65_535) {
      errors.add("Port: give a number from 1 to 65535, e.g. 587 (STARTTLS) or 465 (TLS).");
    }
    String tls = form.get("tls").toLowerCase(Locale.ROOT);
    if (!List.of("none", "starttls", "tls").contains(tls)) {
      errors.add("Security: choose STARTTLS, TLS or none.");
    }
    if (EmailAddress.parse(form.get("from")).isEmpty()) {
      errors.add("From address: give the address emails are sent from, e.g. sdr@example.com.");
    }
    if (form.get("unsubscribe_mailto").isEmpty() && form.get("unsubscribe_url").isEmpty()) {
      errors.add(
          "Unsubscribe: give a mailto address or an https URL (or both); every email carries a"
              + " List-Unsubscribe header.");
    }
    String user = form.get("user");
    String passwordEnv = user.isEmpty() ? "" : form.get("password_env");
    boolean keep = !user.isEmpty() && password.isEmpty();
    if (!password.isEmpty() && !passwordEnv.isEmpty()) {
      errors.add(
          "Password: give either a password to store or the name of an environment variable that"
              + " holds it, not both.");
    } else if (keep
        && !passwordEnv.isEmpty()
        && !passwordEnv.equals(current.map(OutboundSettings.Smtp::passwordEnv).orElse(""))) {
      // Naming any variable of the server's environment here would send its value to any host.
      errors.add(
          "Password environment variable: name a new one with 'warmreach settings smtp"
              + " --password-env' on the machine Warmreach runs on; here, type the password.");
    }
    OutboundSettings.Smtp smtp =
        !errors.isEmpty()
            ? null
            : new OutboundSettings.Smtp(
                form.get("host"),
                port,
                tls,
                blankToNull(user),
                keep || user.isEmpty() ? null : password,
                null,
                form.get("from"),
                blankToNull(form.get("from_name")),
                blankToNull(form.get("unsubscribe_mailto")),
                blankToNull(form.get("unsubscribe_url")));
    return new SmtpForm(form, List.copyOf(errors), smtp, keep);
  }

  /** Puts the stored server's fields (never its password) into {@code form}. */
  static void show(OutboundSettings.Smtp s, Map<String, String> form) {
    form.put("host", s.host());
    form.put("port", Integer.toString(s.port()));
    form.put("tls", s.tls().toLowerCase(Locale.ROOT));
    form.put("user", nullToBlank(s.username()));
    form.put("password_env", nullToBlank(s.passwordEnv()));
    form.put("from", s.from());
    form.put("from_name", nullToBlank(s.fromName()));
    form.put("unsubscribe_mailto", nullToBlank(s.unsubscribeMailto()));
    form.put("unsubscribe_url", nullToBlank(s.unsubscribeUrl()));
  }

  /** How the stored password is kept, in words; empty when there is none. */
  static String secretInWords(OutboundSettings.Smtp s) {
    if (s.passwordEnv() != null && !s.passwordEnv().isBlank()) {
      return "read from the environment variable " + s.passwordEnv();
    }
    if (s.password() != null && !s.password().isEmpty()) {
      return "stored in the database (not shown)";
    }
    return "";
  }
}
