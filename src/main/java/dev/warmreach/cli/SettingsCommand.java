package dev.warmreach.cli;

import dev.warmreach.domain.UserError;
import dev.warmreach.execute.outbound.OutboundSettings;
import dev.warmreach.execute.provider.ProviderSetup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code warmreach settings}: the SMTP server and the webhook, kept in the workspace. */
@Command(
    name = "settings",
    mixinStandardHelpOptions = true,
    description = {
      "Where touches go out when no person carries them: email over your SMTP server, any step"
          + " to an external tool by webhook (docs/executors.md). Steps neither carries out wait"
          + " in the task inbox ('warmreach tasks').",
      "Secrets are best kept in an environment variable (--password-env, --secret-env): only its"
          + " name is stored. With --password-stdin or --secret-stdin the secret is stored in the"
          + " database, encrypted with WARMREACH_SECRET_KEY or the home folder's secret.key."
    },
    subcommands = {
      SettingsCommand.Smtp.class,
      SettingsCommand.Webhook.class,
      SettingsCommand.Bounces.class,
      SettingsCommand.Provider.class,
      SettingsCommand.Show.class,
      SettingsCommand.Remove.class
    })
final class SettingsCommand implements Runnable {

  @ParentCommand WarmreachCli root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  OutboundSettings settings() {
    return root.app().outboundSettings();
  }

  /** One secret, from an environment variable or standard input. */
  static final class Secret {
    @Option(
        names = {"--password-env", "--secret-env"},
        paramLabel = "VAR",
        description = "The environment variable that holds the secret; only its name is stored.")
    String variable;

    @Option(
        names = {"--password-stdin", "--secret-stdin"},
        description = "Read the secret from standard input and store it in the database.")
    boolean stdin;

    String read() {
      if (!stdin) {
        return null;
      }
      try {
        String line =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isBlank()) {
          throw new UserError("no secret on standard input; pipe it in, e.g. from a file");
        }
        return line.strip();
      } catch (IOException e) {
        throw new UserError("cannot read the secret from standard input: " + e.getMessage(), e);
      }
    }
  }

  /** Says a setting was kept: a sentence, or with {@code --json} the setting as it now reads. */
  void saved(
      picocli.CommandLine.Model.CommandSpec spec,
      String setting,
      String describe,
      String sentence) {
    PrintWriter out = spec.commandLine().getOut();
    if (root.json()) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("setting", setting);
      result.put("saved", true);
      result.put("value", describe);
      Output.json(out, result);
    } else {
      out.println(String.format(java.util.Locale.ROOT, sentence, describe));
    }
  }

  @Command(
      name = "smtp",
      mixinStandardHelpOptions = true,
      description =
          "Send email steps over this SMTP server. The settings are checked before they are kept.")
  static final class Smtp implements Callable<Integer> {
    @ParentCommand SettingsCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", required = true, paramLabel = "HOST", description = "Mail server.")
    String host;

    @Option(
        names = "--port",
        defaultValue = "587",
        paramLabel = "PORT",
        description = "Port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(
        names = "--tls",
        defaultValue = "starttls",
        paramLabel = "MODE",
        description = "none (a local relay only), starttls (default) or tls (port 465).")
    String tls;

    @Option(names = "--user", paramLabel = "NAME", description = "Login, if the server needs one.")
    String user;

    @ArgGroup(exclusive = true)
    Secret password = new Secret();

    @Option(names = "--from", required = true, paramLabel = "ADDRESS", description = "Sender.")
    String from;

    @Option(names = "--from-name", paramLabel = "NAME", description = "Sender's name.")
    String fromName;

    @Option(
        names = "--unsubscribe-mailto",
        paramLabel = "ADDRESS",
        description = "Where unsubscribe emails go (List-Unsubscribe).")
    String unsubscribeMailto;

    @Option(
        names = "--unsubscribe-url",
        paramLabel = "URL",
        description = "A one-click unsubscribe link (List-Unsubscribe-Post).")
    String unsubscribeUrl;

    @Override
    public Integer call() {
      if (fromName != null && fromName.chars().anyMatch(Character::isISOControl)) {
        // A line break in a header would let the name add headers of its own to every email.
        throw new ParameterException(
            spec.commandLine(),
            "--from-name holds a line break or another control character; give the name on one"
                + " line, e.g. --from-name 'Ana Silva'");
      }
      if (user != null && password.variable == null && !password.stdin) {
        throw new UserError(
            "--user needs a password: --password-env VAR (kept in the environment) or"
                + " --password-stdin");
      }
      OutboundSettings.Smtp smtp =
          new OutboundSettings.Smtp(
              host,
              port,
              tls,
              user,
              password.read(),
              password.variable,
              from,
              fromName,
              unsubscribeMailto,
              unsubscribeUrl);
      parent.settings().save(smtp, parent.root.env());
      parent.saved(spec, "smtp", smtp.describe(), "Email steps will go out over %s.");
      return 0;
    }
  }

  @Command(
      name = "webhook",
      mixinStandardHelpOptions = true,
      description =
          "Post each step (except email, when SMTP is set) to an external tool, signed with the"
              + " secret; it confirms through the events API.")
  static final class Webhook implements Callable<Integer> {
    @ParentCommand SettingsCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "Receiver.")
    String url;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Secret secret;

    @Override
    public Integer call() {
      OutboundSettings.Webhook webhook =
          new OutboundSettings.Webhook(url, secret.read(), secret.variable);
      parent.settings().save(webhook, parent.root.env());
      parent.saved(spec, "webhook", webhook.describe(), "Steps will be posted to %s.");
      return 0;
    }
  }

  @Command(
      name = "bounces",
      mixinStandardHelpOptions = true,
      description =
          "Read this IMAP mailbox (usually the SMTP sender's) every 5 minutes while 'run' or"
              + " 'serve' runs: bounces of Warmreach's emails become events, and the sequence"
              + " moves on.")
  static final class Bounces implements Callable<Integer> {
    @ParentCommand SettingsCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", required = true, paramLabel = "HOST", description = "IMAP server.")
    String host;

    @Option(
        names = "--port",
        defaultValue = "993",
        paramLabel = "PORT",
        description = "Port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(
        names = "--tls",
        defaultValue = "tls",
        paramLabel = "MODE",
        description = "tls (default, port 993), starttls (port 143) or none (local only).")
    String tls;

    @Option(names = "--user", required = true, paramLabel = "NAME", description = "Login.")
    String user;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Secret password;

    @Option(
        names = "--folder",
        defaultValue = "INBOX",
        paramLabel = "FOLDER",
        description = "Where bounces arrive (default ${DEFAULT-VALUE}).")
    String folder;

    @Override
    public Integer call() {
      OutboundSettings.Bounces bounces =
          new OutboundSettings.Bounces(
              host, port, tls, user, password.read(), password.variable, folder);
      parent.settings().save(bounces, parent.root.env());
      parent.saved(
          spec, "bounces", bounces.describe(), "Bounces will be read from %s every 5 minutes.");
      return 0;
    }
  }

  @Command(
      name = "provider",
      mixinStandardHelpOptions = true,
      description = {
        "Carry out LinkedIn steps (warm-up, requests, DMs, InMails) through a provider that holds"
            + " your linked LinkedIn session; only 'unipile' for now (docs/executors.md).",
        "The API key is never shown back: keep it in an environment variable (--api-key-env) or"
            + " store it encrypted (--api-key-stdin). With --public-url the provider's webhooks"
            + " (new relations, messages, account status) are registered to reach 'serve' there."
      })
  static final class Provider implements Callable<Integer> {
    @ParentCommand SettingsCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PROVIDER", description = "unipile")
    String provider;

    @Option(
        names = "--dsn",
        required = true,
        paramLabel = "DSN",
        description = "Your Unipile DSN, e.g. api8.unipile.com:13851.")
    String dsn;

    @ArgGroup(exclusive = true, multiplicity = "1")
    ApiKey key;

    static final class ApiKey {
      @Option(
          names = "--api-key-env",
          paramLabel = "VAR",
          description = "The environment variable that holds the API key; only its name is stored.")
      String variable;

      @Option(
          names = "--api-key-stdin",
          description = "Read the API key from standard input and store it, encrypted.")
      boolean stdin;
    }

    @Option(
        names = "--public-url",
        paramLabel = "URL",
        description = "Where the provider reaches 'warmreach serve'; registers its webhooks.")
    String publicUrl;

    @Override
    public Integer call() {
      Secret secret = new Secret();
      secret.stdin = key.stdin;
      var setup = parent.root.app().providerSetup(parent.root.env());
      var saved = setup.save(provider, dsn, secret.read(), key.variable, parent.root.env());
      PrintWriter out = spec.commandLine().getOut();
      out.println("LinkedIn steps will go through " + saved.describe() + ".");
      if (publicUrl != null) {
        setup.registerWebhooks(
            java.net.URI.create(publicUrl.replaceAll("/+$", "") + "/api/provider/webhook"));
        out.println(
            "The provider's webhooks post to "
                + publicUrl.replaceAll("/+$", "")
                + "/api/provider/webhook.");
      }
      out.println("Next: link each sender account with 'warmreach accounts link NAME'.");
      return 0;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "The settings, no secrets.")
  static final class Show implements Callable<Integer> {
    @ParentCommand SettingsCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      OutboundSettings settings = parent.settings();
      Map<String, Object> shown = new LinkedHashMap<>();
      shown.put("smtp", settings.smtp().map(OutboundSettings.Smtp::describe).orElse(null));
      shown.put("webhook", settings.webhook().map(OutboundSettings.Webhook::describe).orElse(null));
      shown.put("bounces", settings.bounces().map(OutboundSettings.Bounces::describe).orElse(null));
      shown.put(
          "provider",
          parent
              .root
              .app()
              .providerSetup(parent.root.env())
              .settings()
              .map(ProviderSetup.Settings::describe)
              .orElse(null));
      PrintWriter out = spec.commandLine().getOut();
      if (parent.root.json()) {
        Output.json(out, shown);
        return 0;
      }
      out.println(
          "SMTP:    "
              + (shown.get("smtp") == null
                  ? "not set (email steps are tasks)"
                  : shown.get("smtp")));
      out.println(
          "Webhook: "
              + (shown.get("webhook") == null
                  ? "not set (LinkedIn steps are tasks)"
                  : shown.get("webhook")));
      out.println(
          "Provider: "
              + (shown.get("provider") == null
                  ? "not set (LinkedIn steps go to the webhook or are tasks)"
                  : shown.get("provider")));
      out.println(
          "Bounces: "
              + (shown.get("bounces") == null
                  ? "not read (set with 'warmreach settings bounces')"
                  : shown.get("bounces")));
      return 0;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Forget a setting.")
  static final class Remove implements Callable<Integer> {
    @ParentCommand SettingsCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "smtp|webhook|bounces|provider", description = "Which setting.")
    String name;

    @Override
    public Integer call() {
      // Without the provider, LinkedIn steps wait in the task inbox again; links are kept for
      // later.
      boolean removed =
          "provider".equals(name)
              ? parent.root.app().providerSetup(parent.root.env()).remove()
              : parent.settings().remove(name);
      PrintWriter out = spec.commandLine().getOut();
      if (parent.root.json()) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("setting", name);
        result.put("removed", removed);
        Output.json(out, result);
        return 0;
      }
      out.println(
          removed ? "Removed the " + name + " setting." : "No " + name + " setting was set.");
      return 0;
    }
  }
}
