package dev.warmreach.cli;

import dev.warmreach.domain.UserError;
import dev.warmreach.execute.provider.ProviderSetup;
import dev.warmreach.store.ProviderLinks;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code warmreach accounts link NAME}: ties a sender account to the LinkedIn session the provider
 * holds for it, either by a link the user opens to sign in, or by the id of an account already
 * linked in the provider's dashboard.
 */
@Command(
    name = "link",
    mixinStandardHelpOptions = true,
    description = {
      "Link a sender account to the LinkedIn provider (docs/executors.md).",
      "With --provider-account ID: the account you linked in the provider's dashboard, checked with"
          + " the provider. Otherwise: prints a link where you sign in to LinkedIn; when done, the"
          + " provider tells the server at --public-url, which stores the account's id."
    })
final class AccountLinkCommand implements Callable<Integer> {

  @ParentCommand AccountsCommand parent;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "The sender account.")
  String name;

  @Option(
      names = "--provider-account",
      paramLabel = "ID",
      description = "The provider's id of an account you already linked in its dashboard.")
  String providerAccount;

  @Option(
      names = "--public-url",
      paramLabel = "URL",
      description =
          "Where the provider reaches 'warmreach serve' (e.g. https://warmreach.example.com), for"
              + " the link's notify URL.")
  String publicUrl;

  @Override
  public Integer call() {
    ProviderSetup setup = parent.root.app().providerSetup(parent.root.env());
    PrintWriter out = spec.commandLine().getOut();
    if (providerAccount != null) {
      ProviderLinks.LinkedAccount linked =
          setup.link(name, providerAccount, parent.root.app().clock().instant());
      out.println(
          "Linked "
              + name
              + " to the provider's account "
              + linked.providerAccountId()
              + "; its status is "
              + linked.status()
              + (linked.ok() ? "." : " — it sends nothing until the provider reports it OK."));
      return 0;
    }
    if (publicUrl == null) {
      throw new UserError(
          "give --provider-account ID (an account linked in the provider's dashboard) or"
              + " --public-url URL (where the provider reaches 'warmreach serve', to get a link to"
              + " sign in)");
    }
    String secret =
        setup
            .settings()
            .map(ProviderSetup.Settings::webhookSecret)
            .orElseThrow(
                () ->
                    new UserError(
                        "no LinkedIn provider is set; set one with `warmreach settings provider"
                            + " unipile --dsn DSN --api-key-env VAR`"));
    URI notify =
        URI.create(publicUrl.replaceAll("/+$", "") + "/api/provider/linked?secret=" + secret);
    URI link = setup.hostedLink(name, notify, parent.root.app().clock().instant());
    out.println("Open this link within a day and sign in to LinkedIn as " + name + ":");
    out.println(link);
    return 0;
  }
}
