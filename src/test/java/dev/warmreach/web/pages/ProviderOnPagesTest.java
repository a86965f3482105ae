package dev.warmreach.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.Plan;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.execute.provider.FakeUnipile;
import dev.warmreach.store.ProviderLinks;
import dev.warmreach.web.ServerFixture;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LinkedIn provider on the pages over real HTTP: an account that is not OK says why on Today
 * and Accounts, the InMail check shows a difference, and an admin's Link button creates the
 * provider's hosted link as {@code warmreach accounts link} does.
 */
class ProviderOnPagesTest {

  @TempDir Path home;
  private ServerFixture server;
  private FakeUnipile fake;
  private ServerFixture.Login admin;
  private ServerFixture.Login member;
  private String secret;

  @BeforeEach
  void start() throws Exception {
    server = ServerFixture.start(home);
    fake = new FakeUnipile();
    Map<String, String> env = Map.of("UNIPILE_API_KEY", FakeUnipile.API_KEY);
    secret =
        server
            .app
            .providerSetup(env)
            .save(
                "unipile",
                "http://127.0.0.1:" + fake.base().getPort(),
                FakeUnipile.API_KEY, // kept in the database: the server reads no test variable
                null,
                env)
            .webhookSecret();
    server
        .app
        .accounts()
        .addAccount(SenderAccount.withPlanDefaults("sdr-1", Plan.SALES_NAVIGATOR, ZoneOffset.UTC));
    server
        .app
        .accounts()
        .addAccount(SenderAccount.withPlanDefaults("sdr-2", Plan.PREMIUM, ZoneOffset.UTC));
    server.addUser("admin@example.com", Role.ADMIN);
    server.addUser("ana@example.com", Role.MEMBER);
    admin = server.login("admin@example.com");
    member = server.login("ana@example.com");
  }

  @AfterEach
  void stop() {
    fake.close();
    server.close();
  }

  @Test
  void anAccountThatIsNotOkSaysWhyOnTodayAndAccounts() {
    server.app.providerLinks().linkAccount("sdr-1", "acc-1", "CREDENTIALS", ServerFixture.START);
    server.app.providerLinks().linkAccount("sdr-2", "acc-2", "OK", ServerFixture.START);

    HttpResponse<String> today = server.get("/today", member.headers());
    HttpResponse<String> accounts = server.get("/accounts", member.headers());

    assertThat(today.statusCode()).isEqualTo(200);
    assertThat(today.body())
        .contains(
            "sdr-1 sends nothing on LinkedIn: the LinkedIn provider reports sdr-1 as"
                + " CREDENTIALS")
        .contains("LinkedIn asks to sign in again")
        .doesNotContain("sdr-2 sends nothing");
    assertThat(accounts.body())
        .contains("id=\"provider-sdr-1\"")
        .contains("Sends nothing on LinkedIn: the LinkedIn provider reports sdr-1 as CREDENTIALS")
        .contains("<span class=\"badge good\">OK</span>");
    assertThat(accounts.body()).as("members see no Link button").doesNotContain("Link to LinkedIn");
  }

  @Test
  void anAccountNeverLinkedSaysHowToLinkIt() {
    server.app.providerLinks().linkAccount("sdr-2", "acc-2", "OK", ServerFixture.START);

    HttpResponse<String> today = server.get("/today", member.headers());

    assertThat(today.body())
        .contains("sdr-1 sends nothing on LinkedIn: the sender account sdr-1 is not linked")
        .contains("warmreach accounts link sdr-1");
  }

  @Test
  void theInmailCheckShowsADifferenceBesideTheLedger() {
    server.app.providerLinks().linkAccount("sdr-1", "acc-1", "OK", ServerFixture.START);
    server
        .app
        .providerLinks()
        .saveInmailCheck(
            new ProviderLinks.InmailCheck("sdr-1", "sales_navigator", 47, 50, ServerFixture.START));

    String page = server.get("/accounts", member.headers()).body();

    assertThat(page)
        .contains("inmail-differs")
        .contains(
            "the provider reports 47 sales_navigator InMail credits, Warmreach's ledger 50 (3"
                + " fewer at the provider; the ledger is kept as it is)");
  }

  @Test
  void theInmailCheckIsTimedInTheAccountsZone() {
    server
        .app
        .accounts()
        .addAccount(
            SenderAccount.withPlanDefaults(
                "sdr-3", Plan.SALES_NAVIGATOR, java.time.ZoneId.of("Europe/Berlin")));
    server.app.providerLinks().linkAccount("sdr-3", "acc-3", "OK", ServerFixture.START);
    server
        .app
        .providerLinks()
        .saveInmailCheck(
            new ProviderLinks.InmailCheck("sdr-3", "sales_navigator", 50, 50, ServerFixture.START));

    String page = server.get("/accounts", member.headers()).body();

    assertThat(page).contains("checked Mon 2 Mar, 10:00 (Europe/Berlin)").doesNotContain(" UTC");
  }

  @Test
  void anAdminsLinkButtonSendsTheBrowserToTheProvidersHostedLink() {
    String page = server.get("/accounts", admin.headers()).body();
    assertThat(page).contains("action=\"/accounts/sdr-1/link\"").contains("Link to LinkedIn");

    HttpResponse<String> link =
        server.post(
            "/accounts/sdr-1/link",
            "application/x-www-form-urlencoded",
            "_csrf=" + URLEncoder.encode(admin.csrf(), StandardCharsets.UTF_8),
            "Cookie",
            admin.cookie());
    HttpResponse<String> refused =
        server.post(
            "/accounts/sdr-1/link",
            "application/x-www-form-urlencoded",
            "_csrf=" + URLEncoder.encode(member.csrf(), StandardCharsets.UTF_8),
            "Cookie",
            member.cookie());

    assertThat(link.statusCode()).as(link.body()).isEqualTo(303);
    assertThat(link.headers().firstValue("Location").orElseThrow())
        .startsWith("https://account.unipile.com/fake-link-");
    assertThat(fake.count("POST /hosted/accounts/link")).isEqualTo(1);
    assertThat(fake.requestFields("POST /hosted/accounts/link", 0))
        .containsEntry("name", "sdr-1")
        .containsEntry(
            "notify_url", server.server.baseUrl() + "/api/provider/linked?secret=" + secret);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(fake.count("POST /hosted/accounts/link")).isEqualTo(1);
  }

  @Test
  void aLinkForAnAccountThatDoesNotExistIsRefusedOnThePage() {
    HttpResponse<String> link =
        server.post(
            "/accounts/nobody/link",
            "application/x-www-form-urlencoded",
            "_csrf=" + URLEncoder.encode(admin.csrf(), StandardCharsets.UTF_8),
            "Cookie",
            admin.cookie());

    assertThat(link.statusCode()).isEqualTo(200);
    assertThat(link.body()).contains("there is no sender account 'nobody'");
    assertThat(fake.count("POST /hosted/accounts/link")).isZero();
  }
}
