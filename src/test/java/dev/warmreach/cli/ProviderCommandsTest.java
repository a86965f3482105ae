package dev.warmreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.Warmreach;
import dev.warmreach.execute.provider.FakeUnipile;
import dev.warmreach.store.ProviderLinks;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code warmreach settings provider} and {@code warmreach accounts link} against the fake Unipile.
 */
class ProviderCommandsTest {

  @TempDir Path home;
  private FakeUnipile fake;
  private Map<String, String> env;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeUnipile();
    env = Map.of("UNIPILE_API_KEY", FakeUnipile.API_KEY);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private CliRun run(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--home";
    all[1] = home.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.run(env, all);
  }

  private String dsn() {
    return "http://127.0.0.1:" + fake.base().getPort();
  }

  private CliRun setUp() {
    return run(
        "settings",
        "provider",
        "unipile",
        "--dsn",
        dsn(),
        "--api-key-env",
        "UNIPILE_API_KEY",
        "--public-url",
        "http://127.0.0.1:7070/");
  }

  @Test
  void keepsTheProviderWithoutShowingTheKeyAndRegistersItsWebhooksWithTheSecretHeader() {
    CliRun set = setUp();

    assertThat(set.exitCode).as(set.toString()).isZero();
    assertThat(set.out)
        .contains(
            "LinkedIn steps will go through unipile at "
                + dsn()
                + "/api/v1 (API key in $UNIPILE_API_KEY)")
        .contains("http://127.0.0.1:7070/api/provider/webhook")
        .doesNotContain(FakeUnipile.API_KEY);
    assertThat(fake.webhooks)
        .extracting(w -> w.path("source").asText())
        .containsExactly("users", "messaging", "account_status");
    assertThat(fake.webhooks.get(0).path("request_url").asText())
        .isEqualTo("http://127.0.0.1:7070/api/provider/webhook");
    assertThat(fake.webhooks.get(0).path("headers").asText())
        .contains("X-Warmreach-Provider-Secret");
    CliRun show = run("settings", "show");
    assertThat(show.out).contains("Provider: unipile at").doesNotContain(FakeUnipile.API_KEY);
  }

  @Test
  void aKeyKeptInAnUnsetVariableIsRefusedAndNothingIsKept() {
    env = Map.of();

    CliRun set = setUp();

    assertThat(set.exitCode).isEqualTo(1);
    assertThat(set.err).contains("UNIPILE_API_KEY, which is not set here");
    assertThat(run("settings", "show").out).contains("Provider: not set");
  }

  @Test
  void linksASenderAccountToAnAccountCheckedWithTheProvider() {
    setUp();
    run("accounts", "add", "sdr-1", "--plan", "SALES_NAVIGATOR");

    CliRun link = run("accounts", "link", "sdr-1", "--provider-account", FakeUnipile.ACCOUNT);

    assertThat(link.exitCode).as(link.toString()).isZero();
    assertThat(link.out)
        .contains("Linked sdr-1 to the provider's account acc-1; its status is OK.");
    assertThat(fake.count("GET /accounts/{id}")).isEqualTo(1);
  }

  @Test
  void anAccountIdTheProviderDoesNotKnowIsRefusedWithTheProvidersWords() {
    setUp();
    run("accounts", "add", "sdr-1", "--plan", "SALES_NAVIGATOR");

    CliRun link = run("accounts", "link", "sdr-1", "--provider-account", "nope");

    assertThat(link.exitCode).isEqualTo(1);
    assertThat(link.err)
        .contains("--provider-account 'nope'")
        .contains("HTTP 404")
        .contains("Account not found.");
  }

  @Test
  void aHostedLinkIsPrintedForTheUserToSignIn() {
    setUp();
    run("accounts", "add", "sdr-1", "--plan", "SALES_NAVIGATOR");

    CliRun link = run("accounts", "link", "sdr-1", "--public-url", "http://127.0.0.1:7070");

    assertThat(link.exitCode).as(link.toString()).isZero();
    assertThat(link.out).contains("https://account.unipile.com/fake-link-");
  }

  @Test
  void linkingWithoutAProviderSaysHowToSetOne() {
    run("accounts", "add", "sdr-1", "--plan", "SALES_NAVIGATOR");

    CliRun link = run("accounts", "link", "sdr-1", "--provider-account", "acc-1");

    assertThat(link.exitCode).isEqualTo(1);
    assertThat(link.err)
        .contains("no LinkedIn provider is set")
        .contains("warmreach settings provider unipile");
  }

  @Test
  void removingTheProviderLeavesLinkedInStepsToTheTaskInbox() {
    setUp();

    CliRun removed = run("settings", "remove", "provider");
    CliRun again = run("settings", "remove", "provider");

    assertThat(removed.exitCode).as(removed.toString()).isZero();
    assertThat(removed.out).contains("Removed the provider setting.");
    assertThat(again.out).contains("No provider setting was set.");
    assertThat(run("settings", "show").out).contains("Provider: not set");
  }

  @Test
  void accountsListAndShowTellTheProvidersStatusAndTheInmailCheck() {
    setUp();
    run("accounts", "add", "sdr-1", "--plan", "SALES_NAVIGATOR");
    run("accounts", "add", "sdr-2", "--plan", "PREMIUM");
    run("accounts", "link", "sdr-1", "--provider-account", FakeUnipile.ACCOUNT);
    try (Warmreach app = Warmreach.builder().home(home).environment(env).build()) {
      app.providerLinks()
          .saveInmailCheck(
              new ProviderLinks.InmailCheck(
                  "sdr-1", "sales_navigator", 47, 50, Instant.parse("2026-03-02T10:00:00Z")));
    }

    CliRun list = run("accounts", "list");
    CliRun show = run("accounts", "show", "sdr-2");
    CliRun shown = run("accounts", "show", "sdr-1");

    // Table cells wrap between words: compare with the spaces joined.
    assertThat(list.out.replaceAll("\\s+", " "))
        .contains("PROVIDER")
        .contains("47 (ledger 50, 3 fewer at the provider)")
        .contains("not linked")
        .contains("not checked yet");
    assertThat(show.out.replaceAll("\\s+", " "))
        .contains("sends nothing because")
        .contains("sdr-2 is not linked to the LinkedIn provider");
    assertThat(shown.out.replaceAll("\\s+", " "))
        .contains("OK (account acc-1)")
        .contains("the provider reports 47 sales_navigator InMail credits");
  }

  @Test
  void accountsListAndShowInJsonCarryTheProvidersStatus() throws Exception {
    run("accounts", "add", "sdr-1", "--plan", "SALES_NAVIGATOR");
    CliRun before = run("--json", "accounts", "show", "sdr-1");
    setUp();
    run("accounts", "add", "sdr-2", "--plan", "PREMIUM");
    run("accounts", "link", "sdr-1", "--provider-account", FakeUnipile.ACCOUNT);
    try (Warmreach app = Warmreach.builder().home(home).environment(env).build()) {
      app.providerLinks()
          .saveInmailCheck(
              new ProviderLinks.InmailCheck(
                  "sdr-1", "sales_navigator", 47, 50, Instant.parse("2026-03-02T10:00:00Z")));
    }

    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var list = json.readTree(run("--json", "accounts", "list").out);
    var shown = json.readTree(run("--json", "accounts", "show", "sdr-1").out);

    assertThat(json.readTree(before.out).get("provider").isNull()).as("no provider set").isTrue();
    assertThat(shown.get("provider").get("status").asText()).isEqualTo("OK");
    assertThat(shown.get("provider").get("providerAccountId").asText())
        .isEqualTo(FakeUnipile.ACCOUNT);
    assertThat(shown.get("provider").get("sends").asBoolean()).isTrue();
    assertThat(shown.get("provider").get("inmailCheck").get("difference").asInt()).isEqualTo(-3);
    var sdr2 = list.get(1).get("provider");
    assertThat(sdr2.get("linked").asBoolean()).isFalse();
    assertThat(sdr2.get("sends").asBoolean()).isFalse();
    assertThat(sdr2.get("why").asText()).contains("warmreach accounts link sdr-2");
  }
}
