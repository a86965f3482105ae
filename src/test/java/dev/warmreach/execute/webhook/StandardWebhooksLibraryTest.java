package dev.warmreach.execute.webhook;

import static dev.warmreach.testing.AProspect.aProspect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.Backoff;
import dev.warmreach.store.Store;
import dev.warmreach.store.jdbc.JdbcStore;
import dev.warmreach.testing.ExternalTool;
import dev.warmreach.testing.PlannedTouches;
import dev.warmreach.testing.SettableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warmreach's real webhook requests, captured over HTTP, checked by the {@code standardwebhooks}
 * npm library (tools/standardwebhooks, installed with {@code npm ci}) as a receiver would check
 * them. The library compares timestamps with the wall clock, so the touches are sent now.
 */
@Timeout(120)
class StandardWebhooksLibraryTest {

  private static final Path TOOL = Path.of("tools", "standardwebhooks");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  private final SettableClock clock = new SettableClock(Clock.systemUTC().instant());
  private Store store;
  private WebhookReceiver receiver;
  private int prospects;

  @BeforeEach
  void start() throws Exception {
    store = JdbcStore.openEmbedded(home, clock);
    receiver = new WebhookReceiver();
  }

  @AfterEach
  void stop() {
    receiver.close();
    store.close();
  }

  @Test
  void theLibraryAcceptsARequestSignedWithAGeneratedWhsecSecret() throws Exception {
    String secret = WebhookSecret.generate();

    WebhookReceiver.Received request = post(settings(secret));

    assertThat(verify(List.of(check(secret, false, request))))
        .isEqualTo(new Verdict(0, List.of("ok touch.due")));
  }

  @Test
  void duringARotationTheLibraryAcceptsTheRequestWithTheNewSecretAndWithTheOld() throws Exception {
    String old = WebhookSecret.generate();
    String fresh = WebhookSecret.generate();

    WebhookReceiver.Received request =
        post(settings(fresh).withPreviousSecret(old, clock.instant().plus(Duration.ofHours(24))));

    assertThat(request.header("webhook-signature")).contains(" ");
    assertThat(verify(List.of(check(fresh, false, request), check(old, false, request))))
        .isEqualTo(new Verdict(0, List.of("ok touch.due", "ok touch.due")));
  }

  @Test
  void aSecretChosenBeforeWhsecWorksAsTheLibrarysRawSecret() throws Exception {
    String raw = "a-secret-chosen-by-hand-0123456789";

    WebhookReceiver.Received request = post(settings(raw));

    assertThat(verify(List.of(check(raw, true, request))))
        .isEqualTo(new Verdict(0, List.of("ok touch.due")));
  }

  @Test
  void theLibraryAcceptsAProspectsOutcomePostedByTheWebhook() throws Exception {
    String secret = WebhookSecret.generate();
    WebhookReceiver.Received touch = post(settings(secret));
    long prospect = JSON.readTree(touch.body()).get("data").get("prospect").get("id").asLong();
    WebhookExecutor webhook =
        new WebhookExecutor(store.deliveries(), store.doNotContact(), settings(secret), clock);
    webhook.deliverDue(); // the webhook's first pass: outcomes from here on are posted
    store
        .engineSteps()
        .recordEvent(
            new dev.warmreach.domain.Event.Replied(
                prospect, clock.instant(), "li-reply-1", Channel.DM));

    webhook.deliverDue();

    assertThat(receiver.received()).hasSize(2);
    assertThat(verify(List.of(check(secret, false, receiver.received().get(1)))))
        .isEqualTo(new Verdict(0, List.of("ok prospect.replied")));
  }

  @Test
  void theLibraryRejectsATamperedBodyAndAnotherSecret() throws Exception {
    String secret = WebhookSecret.generate();
    WebhookReceiver.Received request = post(settings(secret));
    String body = new String(request.body(), StandardCharsets.UTF_8);
    WebhookReceiver.Received tampered =
        new WebhookReceiver.Received(
            request.headers(),
            body.replace("\"CONNECT\"", "\"INMAIL\"").getBytes(StandardCharsets.UTF_8));

    Verdict verdict =
        verify(
            List.of(
                check(secret, false, tampered), check(WebhookSecret.generate(), false, request)));

    assertThat(verdict.exit()).isEqualTo(1);
    assertThat(verdict.lines())
        .containsExactly(
            "rejected: No matching signature found", "rejected: No matching signature found");
  }

  private WebhookSettings settings(String secret) {
    return new WebhookSettings(
        receiver.url(),
        secret,
        Duration.ofSeconds(5),
        new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(30), 4));
  }

  private WebhookReceiver.Received post(WebhookSettings settings) {
    prospects++;
    Touch touch =
        PlannedTouches.plant(
            store,
            aProspect()
                .named("Ana", "Silva " + prospects)
                .at("https://www.linkedin.com/in/ana-silva-" + prospects)
                .workingAt("Northwind")
                .titled("VP Sales")
                .build(),
            Channel.CONNECT,
            new Message("A", "", "Hi Ana — Grüße aus Köln.", true),
            clock.instant());
    int before = receiver.received().size();
    new WebhookExecutor(store.deliveries(), store.doNotContact(), settings, clock).execute(touch);
    assertThat(receiver.received()).hasSize(before + 1);
    return receiver.received().get(before);
  }

  private static Map<String, Object> check(
      String secret, boolean raw, WebhookReceiver.Received request) {
    Map<String, Object> headers = new LinkedHashMap<>();
    request.headers().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("secret", secret);
    check.put("raw", raw);
    check.put("headers", headers);
    check.put("body", new String(request.body(), StandardCharsets.UTF_8));
    return check;
  }

  record Verdict(int exit, List<String> lines) {}

  private static Verdict verify(List<Map<String, Object>> checks)
      throws IOException, InterruptedException {
    Path node = ExternalTool.require("node", "install Node.js, e.g. 'apt-get install nodejs npm'");
    if (!Files.isDirectory(TOOL.resolve("node_modules").resolve("standardwebhooks"))) {
      ExternalTool.missing(
          "the standardwebhooks library is not installed; run 'npm ci' in " + TOOL);
    }
    Process process =
        new ProcessBuilder(node.toString(), "verify.js")
            .directory(TOOL.toFile())
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().write(JSON.writeValueAsBytes(checks));
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    System.out.println("standardwebhooks verify.js said:\n" + out);
    return new Verdict(process.exitValue(), new ArrayList<>(out.lines().toList()));
  }
}
