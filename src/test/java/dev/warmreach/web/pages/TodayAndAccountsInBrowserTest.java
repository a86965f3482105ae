package dev.warmreach.web.pages;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.Role;
import dev.warmreach.domain.Touch;
import dev.warmreach.store.Store;
import dev.warmreach.testing.PlannedTouches;
import dev.warmreach.web.ServerFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An SDR works through today's tasks and checks the accounts' gauges in a real browser. */
class TodayAndAccountsInBrowserTest {

  private static Chromium chromium;
  @TempDir Path home;
  private ServerFixture server;
  private Store store;
  private BrowserContext context;
  private Page page;
  private final List<String> consoleErrors = new ArrayList<>();

  @BeforeAll
  static void launch() {
    chromium = Chromium.launch();
  }

  @AfterAll
  static void quit() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void open() {
    server = ServerFixture.start(home);
    server.addUser("ana@example.com", Role.MEMBER);
    store = server.app.store();
    context = chromium.newContext();
    page = context.newPage();
    Chromium.collectErrors(page, consoleErrors);
  }

  @AfterEach
  void close() {
    context.close();
    server.close();
  }

  private Touch plant(String first, String last, Channel channel, Message message) {
    return PlannedTouches.plant(
        store,
        aProspect()
            .named(first, last)
            .at("https://www.linkedin.com/in/" + first.toLowerCase())
            .build(),
        channel,
        message,
        server.clock.instant());
  }

  @Test
  void anSdrCopiesATextMarksOneTaskDoneSkipsAnotherAndSeesWhatIsLeft() {
    AccountsPageTest.aBusyAccount(store, server.clock.instant());
    Touch request =
        plant(
            "Ana",
            "Silva",
            Channel.CONNECT,
            new Message("A", "", "Hi Ana, loved your post.", true));
    Touch inmail =
        plant(
            "Ben",
            "Okafor",
            Channel.INMAIL,
            new Message("B", "Contoso's Lisbon office", "Hi Ben, congratulations …", true));
    plant("Cleo", "Park", Channel.ENGAGE, null);

    Chromium.signIn(page, server.server.baseUrl(), "ana@example.com", ServerFixture.PASSWORD);
    Locator total = page.locator("#left-total");
    Locator sdr1Left = page.locator("tr[data-account=sdr-1] .tasks-left");
    assertThat(total).hasText("3");
    assertThat(sdr1Left).hasText("3");
    assertThat(page.locator("tr[data-account=sdr-1] .invitations-left")).hasText("197 of 200");
    assertThat(page.locator("tr[data-account=sdr-1] .credits-left")).hasText("49");

    Locator first = page.locator("#task-" + request.id());
    assertThat(first.locator(".message")).hasText("Hi Ana, loved your post.");
    assertThat(
            first.getByRole(
                AriaRole.LINK, new Locator.GetByRoleOptions().setName("Ana Silva").setExact(true)))
        .hasAttribute("href", "/prospects/" + request.prospectId());
    assertThat(first.locator("a[target=_blank]"))
        .hasAttribute("href", "https://www.linkedin.com/in/ana");
    // Headless Chromium leaves a clipboard write pending until the page may use the clipboard.
    context.grantPermissions(
        List.of("clipboard-read", "clipboard-write"),
        new BrowserContext.GrantPermissionsOptions().setOrigin(server.server.baseUrl()));
    // By its target, not its name: the name turns to "Copied".
    Locator copy = first.locator("button[data-copy=task-" + request.id() + "-text]");
    assertThat(copy).hasText("Copy");
    copy.click();
    assertThat(copy).hasText("Copied");
    assertThat(page.evaluate("navigator.clipboard.readText()"))
        .isEqualTo("Hi Ana, loved your post.");

    first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Done")).click();
    assertThat(first.locator(".outcome")).containsText("Done ✓");
    assertThat(total).hasText("2");
    assertThat(sdr1Left).hasText("2");

    Locator second = page.locator("#task-" + inmail.id());
    assertThat(second.locator(".subject")).hasText("Contoso's Lisbon office");
    second.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Skip")).click();
    assertThat(second.locator(".outcome")).containsText("Skipped");
    assertThat(second.getByRole(AriaRole.BUTTON)).hasCount(0);
    assertThat(total).hasText("1");
    assertThat(sdr1Left).hasText("1");

    assertThat(store.touches().touch(request.id()).orElseThrow().status())
        .isEqualTo(Touch.Status.DONE);
    assertThat(store.touches().touch(inmail.id()).orElseThrow().status())
        .isEqualTo(Touch.Status.SKIPPED);

    page.reload();
    assertThat(page.locator("li.task")).hasCount(1);
    assertThat(page.locator("li.task h3")).hasText("Cleo Park");
    assertThat(consoleErrors).as("console errors").isEmpty();
  }

  @Test
  void theAccountGaugesShowTheStoredUsageAndTheFormExplainsAMistake() {
    AccountsPageTest.aBusyAccount(store, server.clock.instant());
    AccountsPageTest.aSlowedAccount(store, server.clock.instant());

    Chromium.signIn(page, server.server.baseUrl(), "ana@example.com", ServerFixture.PASSWORD);
    page.navigate(server.server.baseUrl() + "/accounts");

    Locator invitations =
        page.locator("#account-sdr-1").getByLabel("Invitations in the last 7 days");
    assertThat(invitations).hasAttribute("value", "3");
    assertThat(invitations).hasAttribute("max", "200");
    assertThat(page.locator("#gauge-sdr-1-invitations-text"))
        .hasText("3 of 200 (197 left this week)");
    Locator credits = page.locator("#account-sdr-1").getByLabel("InMail credits left");
    assertThat(credits).hasAttribute("value", "49");
    assertThat(page.locator("#gauge-sdr-1-credits-text")).containsText("2 spent · 1 refunded");
    assertThat(page.locator("#account-sdr-1").getByLabel("Pending invitations"))
        .hasAttribute("value", "3");
    Locator rate = page.locator("#account-free-1").getByLabel("Acceptance rate");
    assertThat(rate).hasAttribute("value", "20");
    assertThat(page.locator("#account-free-1 .health")).hasText("Slowed");
    assertThat(page.locator("#account-sdr-1 .health")).hasText("Healthy");

    // Each account card has its own settings form: the new account's form is the one posting to
    // /accounts.
    Locator addForm = page.locator("form[action='/accounts']");
    addForm.getByLabel("Name").fill("sdr 2");
    addForm.getByLabel("LinkedIn plan").selectOption("PREMIUM");
    addForm.getByLabel("Time zone").fill("Europe/Lisbon");
    addForm
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add account"))
        .click();
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("'sdr 2' is not a usable name");
    assertThat(addForm.getByLabel("Time zone")).hasValue("Europe/Lisbon");

    addForm.getByLabel("Name").fill("sdr-2");
    addForm
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add account"))
        .click();
    assertThat(page.locator(".alert.ok")).containsText("Account sdr-2 is added");
    assertThat(page.locator("#account-sdr-2").getByLabel("Invitations in the last 7 days"))
        .hasAttribute("value", "0");
    assertThat(store.accounts().account("sdr-2")).isPresent();
    assertThat(consoleErrors).as("console errors").isEmpty();
  }
}
