package dev.warmreach.cli;

import dev.warmreach.domain.AccountChange;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.UserError;
import dev.warmreach.domain.WorkingHours;
import dev.warmreach.execute.provider.ProviderStanding;
import dev.warmreach.store.ProviderLinks;
import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code warmreach accounts}: the LinkedIn accounts Warmreach sends from. */
@Command(
    name = "accounts",
    mixinStandardHelpOptions = true,
    description = "Add, change, list and show the LinkedIn accounts Warmreach sends from.",
    subcommands = {
      AccountsCommand.AddAccount.class,
      AccountsCommand.UpdateAccount.class,
      AccountsCommand.ListAccounts.class,
      AccountsCommand.ShowAccount.class,
      AccountLinkCommand.class
    })
final class AccountsCommand implements Runnable {

  @ParentCommand WarmreachCli root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * An account as tools read it, as {@code GET /api/accounts} shows it.
   *
   * @param followUpsOnDaysOff the account's own say on follow-up DMs on its days off; {@code null}
   *     when each campaign decides
   * @param provider how it stands with the LinkedIn provider; {@code null} when none is set
   */
  record AccountJson(
      String name,
      String plan,
      int weeklyInvitationCap,
      int monthlyInmailCredits,
      String timeZone,
      String workingHours,
      Boolean followUpsOnDaysOff,
      ProviderStanding.Json provider) {
    static AccountJson of(SenderAccount a, WarmreachCli root) {
      boolean providerSet = root.app().providerSetup(root.env()).settings().isPresent();
      return new AccountJson(
          a.name(),
          a.plan().name(),
          a.weeklyInvitationCap(),
          a.monthlyInmailCredits(),
          a.timeZone().getId(),
          a.workingHours().toString(),
          a.followUpsOnDaysOff(),
          providerSet ? ProviderStanding.of(root.app().providerLinks(), a.name()).json() : null);
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Add a sender account. Its limits start at the plan's defaults:",
        "  FREE              100 invitations a week, no InMail (5 notes a month, 200 characters)",
        "  PREMIUM           150 a week,  5 InMail credits a month (held at most 15)",
        "  PREMIUM_BUSINESS  150 a week, 15 credits a month (at most 45)",
        "  SALES_NAVIGATOR   200 a week, 50 credits a month (at most 150)",
        "  RECRUITER         200 a week, 30 credits a month (at most 120)"
      })
  static final class AddAccount implements Callable<Integer> {
    @ParentCommand AccountsCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "A short handle, e.g. sdr-1.")
    String name;

    @Option(
        names = "--plan",
        required = true,
        paramLabel = "PLAN",
        description = "The account's LinkedIn plan: ${COMPLETION-CANDIDATES}.")
    Plan plan;

    @Option(
        names = "--weekly-invitations",
        paramLabel = "N",
        description = "Invitations over any 7 days (default: the plan's).")
    Integer weeklyInvitations;

    @Option(
        names = "--inmail-credits",
        paramLabel = "N",
        description = "InMail credits a month (default: the plan's).")
    Integer inmailCredits;

    @Option(
        names = "--timezone",
        paramLabel = "ZONE",
        description = "The account's time zone, e.g. Europe/Berlin (default: this machine's).")
    String timezone;

    @Option(
        names = "--hours",
        paramLabel = "HOURS",
        description = "Working hours in that zone (default: ${DEFAULT-VALUE}).",
        defaultValue = "Mon-Fri 09:00-17:30")
    String hours;

    @Override
    public Integer call() {
      SenderAccount account = account();
      if (!parent.root.app().accounts().addAccount(account)) {
        throw new UserError("an account named '" + name + "' exists already; choose another name");
      }
      PrintWriter out = spec.commandLine().getOut();
      Optional<String> warning = aboveThePlan(account);
      // On standard error, so that --json output stays one document.
      warning.ifPresent(w -> spec.commandLine().getErr().println("warmreach: warning: " + w));
      if (parent.root.json()) {
        Output.json(out, AccountJson.of(account, parent.root));
      } else {
        out.println(
            "Added "
                + account.name()
                + " ("
                + account.plan()
                + ": "
                + account.weeklyInvitationCap()
                + " invitations a week, "
                + account.monthlyInmailCredits()
                + " InMail credits a month, "
                + account.workingHours()
                + " "
                + account.timeZone()
                + ")");
      }
      return 0;
    }

    /**
     * A weekly cap above what the plan is reported to allow (SPEC §1): LinkedIn restricts accounts
     * that send many invitations, and the user should choose that knowingly.
     */
    static Optional<String> aboveThePlan(SenderAccount account) {
      int safe = account.plan().weeklyInvitations();
      if (account.weeklyInvitationCap() <= safe) {
        return Optional.empty();
      }
      return Optional.of(
          account.weeklyInvitationCap()
              + " invitations a week is above the "
              + safe
              + " that "
              + account.plan()
              + " accounts are reported to send safely (100–200 a week is what is widely"
              + " reported); LinkedIn restricts accounts that send many unanswered invitations."
              + " Keep it if you know the account takes it, or add it again with"
              + " --weekly-invitations "
              + safe);
    }

    private SenderAccount account() {
      ZoneId zone;
      try {
        zone = timezone == null ? ZoneId.systemDefault() : ZoneId.of(timezone);
      } catch (DateTimeException e) {
        throw new UserError(
            "--timezone '" + timezone + "' is not a time zone; use a name like Europe/Berlin", e);
      }
      WorkingHours workingHours;
      try {
        workingHours = WorkingHours.parse(hours);
      } catch (IllegalArgumentException e) {
        throw new UserError("--hours: " + e.getMessage(), e);
      }
      try {
        return new SenderAccount(
            name,
            plan,
            weeklyInvitations == null ? plan.weeklyInvitations() : weeklyInvitations,
            inmailCredits == null ? plan.monthlyInmailCredits() : inmailCredits,
            zone,
            workingHours);
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage(), e);
      }
    }
  }

  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description = {
        "Change a sender account: whether follow-up DMs go on its days off, its time zone, its"
            + " working hours. What is not given stays as it is; with a mistake nothing changes.",
        "The account's follow-ups-on-days-off, when set, wins over every campaign's"
            + " (--no-follow-ups-on-days-off of 'campaigns create'); 'campaign' gives the say back"
            + " to each campaign."
      })
  static final class UpdateAccount implements Callable<Integer> {
    @ParentCommand AccountsCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The account's name.")
    String name;

    @Option(
        names = "--follow-ups-on-days-off",
        paramLabel = "true|false|campaign",
        description =
            "true: a follow-up DM whose 24-48 h window falls on the account's days off goes then,"
                + " in its usual hours; false: it waits for working hours; campaign: each"
                + " campaign decides (the default of a new account).")
    String followUps;

    @Option(
        names = "--timezone",
        paramLabel = "ZONE",
        description = "The account's time zone, e.g. Europe/Berlin.")
    String timezone;

    @Option(
        names = {"--hours", "--working-hours"},
        paramLabel = "HOURS",
        description =
            "Working hours in that zone: 'Mon-Fri 09:00-17:30', or '08:00-16:00' to keep the"
                + " days.")
    String hours;

    @Override
    public Integer call() {
      AccountChange change = change();
      if (change.none()) {
        throw new UserError(
            "nothing to change for '"
                + name
                + "'; give --follow-ups-on-days-off, --timezone or --hours");
      }
      SenderAccount account;
      try {
        account =
            parent
                .root
                .app()
                .accounts()
                .updateAccount(name, change)
                .orElseThrow(
                    () ->
                        new UserError(
                            "no account named '" + name + "'; see 'warmreach accounts list'"));
      } catch (IllegalArgumentException e) {
        throw new UserError("--hours: " + e.getMessage(), e);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (parent.root.json()) {
        Output.json(out, AccountJson.of(account, parent.root));
      } else {
        out.println(
            "Updated "
                + account.name()
                + ": "
                + account.workingHours()
                + " "
                + account.timeZone()
                + "; follow-ups on days off: "
                + followUpsInWords(account));
      }
      return 0;
    }

    private AccountChange change() {
      return new AccountChange(
          followUps == null
              ? null
              : parsed("--follow-ups-on-days-off", () -> AccountChange.parseFollowUps(followUps)),
          timezone == null
              ? null
              : parsed("--timezone", () -> AccountChange.parseTimeZone(timezone)),
          hours == null ? null : parsed("--hours", () -> AccountChange.parseHours(hours)));
    }

    private static <T> T parsed(String option, java.util.function.Supplier<T> parse) {
      try {
        return parse.get();
      } catch (IllegalArgumentException e) {
        throw new UserError(option + ": " + e.getMessage(), e);
      }
    }
  }

  /** The account's say on follow-ups on days off, in words. */
  static String followUpsInWords(SenderAccount a) {
    return a.followUpsOnDaysOff() == null
        ? "as each campaign says"
        : a.followUpsOnDaysOff() ? "yes, for every campaign" : "no, for every campaign";
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List sender accounts.")
  static final class ListAccounts implements Callable<Integer> {
    @ParentCommand AccountsCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      List<SenderAccount> accounts = parent.root.app().accounts().accounts();
      PrintWriter out = spec.commandLine().getOut();
      if (parent.root.json()) {
        Output.json(out, accounts.stream().map(a -> AccountJson.of(a, parent.root)).toList());
        return 0;
      }
      if (accounts.isEmpty()) {
        out.println("No accounts yet; add one with 'warmreach accounts add NAME --plan PLAN'.");
        return 0;
      }
      boolean provider = parent.root.app().providerSetup(parent.root.env()).settings().isPresent();
      ProviderLinks links = parent.root.app().providerLinks();
      List<List<String>> rows = new ArrayList<>();
      for (SenderAccount a : accounts) {
        List<String> row =
            new ArrayList<>(
                List.of(
                    a.name(),
                    a.plan().name(),
                    String.valueOf(a.weeklyInvitationCap()),
                    String.valueOf(a.monthlyInmailCredits()),
                    a.timeZone().getId(),
                    a.workingHours().toString()));
        if (provider) {
          ProviderStanding standing = ProviderStanding.of(links, a.name());
          row.add(standing.status());
          row.add(standing.inmail().map(AccountsCommand::inmailCheck).orElse("not checked yet"));
        }
        rows.add(row);
      }
      List<String> headers =
          new ArrayList<>(
              List.of(
                  "NAME", "PLAN", "INVITES/WEEK", "INMAIL/MONTH", "TIME ZONE", "WORKING HOURS"));
      if (provider) {
        headers.addAll(List.of("PROVIDER", "INMAIL AT PROVIDER"));
      }
      Output.table(out, headers, rows);
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one sender account.")
  static final class ShowAccount implements Callable<Integer> {
    @ParentCommand AccountsCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The account's name.")
    String name;

    @Override
    public Integer call() {
      SenderAccount a =
          parent
              .root
              .app()
              .accounts()
              .account(name)
              .orElseThrow(
                  () ->
                      new UserError(
                          "no account named '" + name + "'; see 'warmreach accounts list'"));
      PrintWriter out = spec.commandLine().getOut();
      if (parent.root.json()) {
        Output.json(out, AccountJson.of(a, parent.root));
        return 0;
      }
      List<List<String>> rows = new ArrayList<>();
      if (parent.root.app().providerSetup(parent.root.env()).settings().isPresent()) {
        ProviderStanding standing =
            ProviderStanding.of(parent.root.app().providerLinks(), a.name());
        rows.add(
            List.of(
                "LinkedIn provider",
                standing.linked()
                    ? standing.status() + " (account " + standing.providerAccountId() + ")"
                    : standing.status()));
        if (!standing.sends()) {
          rows.add(List.of("sends nothing because", standing.why()));
        }
        rows.add(
            List.of(
                "InMail credits at the provider",
                standing
                    .inmail()
                    .map(c -> c.describe() + ", checked " + c.checkedAt())
                    .orElse("not checked yet (daily while serve runs)")));
      }
      Output.table(
          out,
          List.of("FIELD", "VALUE"),
          concat(
              rows,
              List.of("name", a.name()),
              List.of("plan", a.plan().name()),
              List.of("invitations a week", String.valueOf(a.weeklyInvitationCap())),
              List.of("InMail credits a month", String.valueOf(a.monthlyInmailCredits())),
              List.of("InMail credits held at most", String.valueOf(a.plan().inmailCreditCap())),
              List.of("note length limit", String.valueOf(a.plan().noteCharacters())),
              List.of("time zone", a.timeZone().getId()),
              List.of("working hours", a.workingHours().toString()),
              List.of("follow-ups on days off", followUpsInWords(a))));
      return 0;
    }

    @SafeVarargs
    private static List<List<String>> concat(List<List<String>> last, List<String>... first) {
      List<List<String>> all = new ArrayList<>(List.of(first));
      all.addAll(last);
      return all;
    }
  }

  /** A check of the InMail credits in a few words: "12 (ledger 15, 3 fewer)". */
  static String inmailCheck(ProviderLinks.InmailCheck c) {
    String provider = c.providerBalance() == null ? "none" : String.valueOf(c.providerBalance());
    if (!c.differs()) {
      return provider + " (agrees with the ledger)";
    }
    int d = c.difference();
    return provider
        + " (ledger "
        + c.ledgerBalance()
        + ", "
        + Math.abs(d)
        + (d < 0 ? " fewer" : " more")
        + " at the provider)";
  }
}
