package dev.warmreach.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.WorkingHours;
import dev.warmreach.quota.AcceptanceGuard;
import dev.warmreach.quota.AccountLimits;
import dev.warmreach.quota.AccountState;
import dev.warmreach.store.Store;
import dev.warmreach.web.ServerFixture;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accounts page over real HTTP: gauges from the stored usage, and adding an account. */
class AccountsPageTest {

  @TempDir Path home;
  private ServerFixture server;
  private ServerFixture.Login login;
  private Store store;

  @BeforeEach
  void start() {
    server = ServerFixture.start(home);
    server.addUser("ana@example.com", Role.MEMBER);
    login = server.login("ana@example.com");
    store = server.app.store();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** An account that sent 3 invitations and 2 InMails, one of which got its credit back. */
  static AccountState aBusyAccount(Store store, Instant now) {
    SenderAccount account =
        SenderAccount.withPlanDefaults("sdr-1", Plan.SALES_NAVIGATOR, ZoneId.of("Europe/Berlin"));
    store.accounts().addAccount(account);
    AccountState state = AccountState.open(account, AccountLimits.defaultsFor(account), now);
    for (long p = 1; p <= 3; p++) {
      state = state.sent(Channel.CONNECT, p, "c" + p, true, false, now);
    }
    state = state.sent(Channel.INMAIL, 10, "i10", false, false, now);
    state = state.sent(Channel.INMAIL, 11, "i11", false, false, now);
    state = state.responded(10, now);
    return store.accounts().ensureAccountState(state);
  }

  /** A free account whose last 20 answered invitations had 4 acceptances: 20 %, slowed. */
  static AccountState aSlowedAccount(Store store, Instant now) {
    SenderAccount account = SenderAccount.withPlanDefaults("free-1", Plan.FREE, ZoneId.of("UTC"));
    store.accounts().addAccount(account);
    AccountState open = AccountState.open(account, AccountLimits.defaultsFor(account), now);
    List<Boolean> outcomes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      outcomes.add(i % 5 == 0);
    }
    return store
        .accounts()
        .ensureAccountState(
            new AccountState(
                open.account(),
                open.limits(),
                open.invitations(),
                open.credits(),
                open.pacing(),
                open.pending(),
                new AcceptanceGuard(AcceptanceGuard.Settings.DEFAULT, outcomes, null),
                open.notesMonth(),
                open.notesUsed()));
  }

  private String page() {
    HttpResponse<String> response = server.get("/accounts", "Cookie", login.cookie());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private HttpResponse<String> submit(String form) {
    return server.post(
        "/accounts",
        "application/x-www-form-urlencoded",
        "_csrf=" + URLEncoder.encode(login.csrf(), StandardCharsets.UTF_8) + "&" + form,
        "Cookie",
        login.cookie());
  }

  @Test
  void showsEachAccountsUsageAsGaugesWithTheStoredFigures() {
    aBusyAccount(store, server.clock.instant());
    aSlowedAccount(store, server.clock.instant());

    String html = page();

    assertThat(html)
        .contains(
            "<meter id=\"gauge-sdr-1-invitations\" min=\"0\" max=\"200\" low=\"140\" high=\"180\""
                + " optimum=\"0\" value=\"3\"")
        .contains("3 of 200 (197 left this week)")
        .contains(
            "<meter id=\"gauge-sdr-1-credits\" min=\"0\" max=\"150\" low=\"10\" high=\"50\""
                + " optimum=\"150\" value=\"49\"")
        .contains("49 left (50 arrive each month, at most 150 held) · 2 spent · 1 refunded")
        .contains("<meter id=\"gauge-sdr-1-pending\" min=\"0\" max=\"400\"")
        .contains("3 of at most 400 waiting for an answer")
        .contains("Acceptance rate not judged yet: 0 of the 20 answered invitations it needs")
        .contains("SALES_NAVIGATOR · Europe/Berlin · Mon-Fri 09:00-17:30")
        .contains(
            "<meter id=\"gauge-free-1-acceptance\" min=\"0\" max=\"100\" low=\"15\" high=\"25\""
                + " optimum=\"100\" value=\"20\"")
        .contains("20% of the last 20 answered invitations were accepted")
        .contains("<span class=\"badge warn health\">Slowed</span>")
        .contains("No InMail credits: a FREE account includes none.")
        .doesNotContain("gauge-free-1-credits");
    assertThat(html).contains("<span class=\"badge good health\">Healthy</span>");
  }

  @Test
  void theFormAddsAnAccountWithItsPlanZoneAndHours() {
    HttpResponse<String> added =
        submit(
            "name=sdr-2&plan=PREMIUM&timezone=Europe%2FLisbon&hours=Mon-Thu+08%3A00-16%3A00"
                + "&weeklyInvitations=120&inmailCredits=");

    assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
    assertThat(added.headers().firstValue("Location")).hasValue("/accounts?added=sdr-2");
    SenderAccount stored = store.accounts().account("sdr-2").orElseThrow();
    assertThat(stored.plan()).isEqualTo(Plan.PREMIUM);
    assertThat(stored.timeZone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
    assertThat(stored.workingHours()).isEqualTo(WorkingHours.parse("Mon-Thu 08:00-16:00"));
    assertThat(stored.weeklyInvitationCap()).isEqualTo(120);
    assertThat(stored.monthlyInmailCredits()).isEqualTo(5);
    assertThat(server.get("/accounts?added=sdr-2", "Cookie", login.cookie()).body())
        .contains("Account sdr-2 is added")
        .contains("id=\"gauge-sdr-2-invitations\"");
  }

  private HttpResponse<String> saveSettings(String account, String form, boolean htmx) {
    String body = "_csrf=" + URLEncoder.encode(login.csrf(), StandardCharsets.UTF_8) + "&" + form;
    return htmx
        ? server.post(
            "/accounts/" + account + "/settings",
            "application/x-www-form-urlencoded",
            body,
            "Cookie",
            login.cookie(),
            "HX-Request",
            "true")
        : server.post(
            "/accounts/" + account + "/settings",
            "application/x-www-form-urlencoded",
            body,
            "Cookie",
            login.cookie());
  }

  @Test
  void eachAccountsFormSetsFollowUpsOnDaysOffZoneAndHoursWithHtmx() {
    aBusyAccount(store, server.clock.instant());
    assertThat(page())
        .contains("<form class=\"account-settings\" id=\"settings-sdr-1\"")
        .contains(
            "<input type=\"checkbox\" id=\"settings-sdr-1-followUpsByCampaign\""
                + " name=\"followUpsByCampaign\" value=\"true\" checked");

    // a member unticks "Let each campaign decide", leaving "Follow up on days off" unticked
    HttpResponse<String> saved =
        saveSettings(
            "sdr-1", "timeZone=Europe%2FLisbon&workingHours=Mon-Thu+08%3A00-16%3A00", true);

    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(saved.body().strip())
        .startsWith("<form class=\"account-settings\" id=\"settings-sdr-1\"")
        .contains("Saved.")
        .doesNotContain("checked");
    SenderAccount stored = store.accounts().account("sdr-1").orElseThrow();
    assertThat(stored.followUpsOnDaysOff()).isFalse();
    assertThat(stored.timeZone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
    assertThat(stored.workingHours()).isEqualTo(WorkingHours.parse("Mon-Thu 08:00-16:00"));
    assertThat(store.accounts().accountState("sdr-1").orElseThrow().account()).isEqualTo(stored);

    HttpResponse<String> ticked =
        saveSettings(
            "sdr-1",
            "followUpsOnDaysOff=true&timeZone=Europe%2FLisbon&workingHours=Mon-Thu+08%3A00-16%3A00",
            false);
    assertThat(ticked.statusCode()).isEqualTo(303);
    assertThat(ticked.headers().firstValue("Location")).hasValue("/accounts?updated=sdr-1");
    assertThat(store.accounts().account("sdr-1").orElseThrow().followUpsOnDaysOff()).isTrue();
    assertThat(server.get("/accounts?updated=sdr-1", "Cookie", login.cookie()).body())
        .contains("Saved.")
        .contains(
            "id=\"settings-sdr-1-followUpsOnDaysOff\" name=\"followUpsOnDaysOff\" value=\"true\""
                + " checked");
  }

  @Test
  void badSettingsNameTheFieldAndChangeNothing() {
    aBusyAccount(store, server.clock.instant());
    SenderAccount before = store.accounts().account("sdr-1").orElseThrow();

    HttpResponse<String> refused =
        saveSettings(
            "sdr-1",
            "followUpsOnDaysOff=true&timeZone=Mars%2FOlympus&workingHours=17%3A00-09%3A00",
            true);

    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("Nothing was changed")
        .contains("'Mars/Olympus' is not a time zone; use a name like Europe/Berlin")
        .contains("working hours must start before they end")
        .contains("value=\"Mars/Olympus\"");
    assertThat(store.accounts().account("sdr-1")).contains(before);
    assertThat(
            saveSettings("nobody", "timeZone=UTC&workingHours=Mon-Fri+09%3A00-17%3A00", true)
                .statusCode())
        .isEqualTo(404);
    HttpResponse<String> withoutToken =
        server.post(
            "/accounts/sdr-1/settings",
            "application/x-www-form-urlencoded",
            "followUpsOnDaysOff=true&timeZone=UTC&workingHours=Mon-Fri+09%3A00-17%3A00",
            "Cookie",
            login.cookie());
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(store.accounts().account("sdr-1")).contains(before);
  }

  @Test
  void badInputNamesEachFieldAndTheFixAndStoresNothing() {
    HttpResponse<String> refused =
        submit(
            "name=not+a+name%21&plan=&timezone=Mars%2FOlympus&hours=sometimes"
                + "&weeklyInvitations=lots&inmailCredits=-3");

    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("role=\"alert\"")
        .contains("The account was not added")
        .contains("'not a name!' is not a usable name")
        .contains("is required: one of FREE, PREMIUM")
        .contains("'Mars/Olympus' is not a time zone; use a name like Europe/Berlin")
        .contains("id=\"hours-error\"")
        .contains("'lots' is not a whole number of 0 or more")
        .contains("'-3' is not a whole number of 0 or more")
        .contains("aria-invalid=\"true\"")
        .contains("value=\"Mars/Olympus\"");
    assertThat(store.accounts().accounts()).isEmpty();
  }

  @Test
  void aTakenNameOrCreditsOnAFreePlanAreRefusedWithTheReason() {
    submit("name=sdr-2&plan=PREMIUM&timezone=UTC");

    HttpResponse<String> taken = submit("name=sdr-2&plan=FREE&timezone=UTC");
    HttpResponse<String> free = submit("name=sdr-3&plan=FREE&timezone=UTC&inmailCredits=5");

    assertThat(taken.statusCode()).isEqualTo(200);
    assertThat(taken.body()).contains("an account named 'sdr-2' exists already");
    assertThat(free.body()).contains("a FREE account cannot send InMail");
    assertThat(store.accounts().accounts())
        .extracting(SenderAccount::name)
        .containsExactly("sdr-2");
    assertThat(store.accounts().account("sdr-2").orElseThrow().plan()).isEqualTo(Plan.PREMIUM);
  }
}
