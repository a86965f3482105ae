package dev.warmreach.web.pages;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.Plan;
import dev.warmreach.domain.ProfileUrl;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.execute.provider.FakeUnipile;
import dev.warmreach.store.ProviderLinks;
import dev.warmreach.web.ServerFixture;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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

  /** A withdrawal at the provider as the poll leaves it. */
  private long withdrawal(String slug, String first, String status, String detail, int minute) {
    server
        .app
        .prospects()
        .saveProspects(
            List.of(
                aProspect()
                    .named(first, "Example")
                    .at("https://www.linkedin.com/in/" + slug)
                    .build()));
    long id =
        server
            .app
            .prospects()
            .prospectByUrl(ProfileUrl.of("https://www.linkedin.com/in/" + slug))
            .orElseThrow()
            .id();
    Instant at = ServerFixture.START.plus(Duration.ofMinutes(minute));
    ProviderLinks links = server.app.providerLinks();
    links.claimWithdrawal(
        new ProviderLinks.DueWithdrawal("withdraw:sdr-1:" + id, "sdr-1", id, null, false), at, at);
    if (!status.equals("WITHDRAWING")) {
      links.settleWithdrawal("withdraw:sdr-1:" + id, status, detail, at);
    }
    return id;
  }

  @Test
  void theAccountsPageShowsEachWithdrawalAtLinkedInWithItsOutcome() {
    server.app.providerLinks().linkAccount("sdr-1", "acc-1", "OK", ServerFixture.START);
    long ada = withdrawal("ada", "Ada", "WITHDRAWN", "", 1);
    withdrawal(
        "alan",
        "Alan",
        "FAILED",
        "withdrawing the invitation to prospect 2 from sdr-1 failed: Invitation cannot be"
            + " withdrawn yet.",
        2);
    withdrawal(
        "grace",
        "Grace",
        "WAITING",
        "withdrawing the invitation to prospect 3 from sdr-1 failed: Try later.",
        3);
    withdrawal("linus", "Linus", "WITHDRAWING", "", 4);

    String page = server.get("/accounts", member.headers()).body().replaceAll("\\s+", " ");

    assertThat(page)
        .contains("id=\"withdrawals-sdr-1\"")
        .contains(
            "<a href=\"/prospects/"
                + ada
                + "\">Ada Example</a></th> <td><span class=\"badge"
                + " good\">Withdrawn</span>")
        .contains(
            "<span class=\"badge bad\">Refused</span><span class=\"withdrawal-detail\">"
                + " withdrawing the invitation to prospect 2 from sdr-1 failed: Invitation cannot"
                + " be withdrawn yet.; withdraw it on LinkedIn by hand</span>")
        .contains(
            "<span class=\"badge warn\">Waiting</span><span class=\"withdrawal-detail\">"
                + " withdrawing the invitation to prospect 3 from sdr-1 failed: Try later.; tried"
                + " again at the next look</span>")
        .contains("<span class=\"badge warn\">Withdrawing</span>")
        .doesNotContain("id=\"withdrawals-sdr-2\"");
    assertThat(page.indexOf("Linus Example"))
        .as("newest first")
        .isLessThan(page.indexOf("Ada Example"));
  }
}
