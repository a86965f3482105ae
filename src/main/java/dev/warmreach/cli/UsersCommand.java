package dev.warmreach.cli;

import dev.warmreach.domain.Role;
import dev.warmreach.domain.User;
import dev.warmreach.domain.UserError;
import dev.warmreach.web.auth.Passwords;
import dev.warmreach.web.auth.UserAccounts;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code warmreach users}: the people who may sign in to {@code warmreach serve}. */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Add and list the people who may sign in to 'warmreach serve'.",
    subcommands = {UsersCommand.AddUser.class, UsersCommand.ListUsers.class})
final class UsersCommand implements Runnable {

  @ParentCommand WarmreachCli root;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A user as tools read it. */
  record UserJson(long id, String email, String role) {
    static UserJson of(User user) {
      return new UserJson(user.id(), user.email(), user.role().name().toLowerCase(Locale.ROOT));
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Add a user. The password is asked for on the terminal (twice), or read as the first line"
            + " of standard input, e.g. from a password manager: never as an argument, where"
            + " other users of the machine and the shell history would see it.",
        "Passwords need at least " + Passwords.MINIMUM_LENGTH + " characters."
      })
  static final class AddUser implements Callable<Integer> {
    @ParentCommand UsersCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "EMAIL", description = "Their email address; they sign in with it.")
    String email;

    @Option(
        names = "--role",
        defaultValue = "member",
        paramLabel = "ROLE",
        description = "admin (may also manage users) or member (default).")
    String role;

    @Override
    public Integer call() {
      Role chosen;
      try {
        chosen = Role.valueOf(role.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new UserError("--role '" + role + "' is not a role; use admin or member");
      }
      UserAccounts.canonicalEmail(email)
          .orElseThrow(
              () ->
                  new UserError(
                      "'" + email + "' is not an email address; give one like ana@example.com"));
      String password = readPassword();
      User user = new UserAccounts(parent.root.app().users()).add(email, chosen, password);
      PrintWriter out = spec.commandLine().getOut();
      if (parent.root.json()) {
        Output.json(out, UserJson.of(user));
      } else {
        out.println(
            "Added "
                + user.email()
                + " ("
                + user.role().name().toLowerCase(Locale.ROOT)
                + "); they sign in at /login of 'warmreach serve'.");
      }
      return 0;
    }

    private String readPassword() {
      Console console = System.console();
      if (console != null) {
        char[] first = console.readPassword("Password for %s: ", email);
        if (first == null) {
          throw new UserError("no password given; type one at the prompt");
        }
        String problem = Passwords.problemWith(new String(first));
        if (problem != null) {
          throw new UserError(problem);
        }
        char[] again = console.readPassword("Again: ");
        try {
          if (again == null || !Arrays.equals(first, again)) {
            throw new UserError("the two passwords differ; run the command again");
          }
          return new String(first);
        } finally {
          Arrays.fill(first, '\0');
          if (again != null) {
            Arrays.fill(again, '\0');
          }
        }
      }
      try {
        String line =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
          throw new UserError(
              "no password on standard input; pipe it in, e.g. 'pass show warmreach | warmreach"
                  + " users add "
                  + email
                  + "', or run the command on a terminal to be asked");
        }
        return line;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List users.")
  static final class ListUsers implements Callable<Integer> {
    @ParentCommand UsersCommand parent;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      List<User> users = parent.root.app().users().users();
      PrintWriter out = spec.commandLine().getOut();
      if (parent.root.json()) {
        Output.json(out, users.stream().map(UserJson::of).toList());
        return 0;
      }
      if (users.isEmpty()) {
        out.println("No users yet; add one with 'warmreach users add EMAIL --role admin'.");
        return 0;
      }
      Output.table(
          out,
          List.of("id", "email", "role"),
          users.stream()
              .map(
                  u ->
                      List.of(
                          Long.toString(u.id()),
                          u.email(),
                          u.role().name().toLowerCase(Locale.ROOT)))
              .toList());
      return 0;
    }
  }
}
