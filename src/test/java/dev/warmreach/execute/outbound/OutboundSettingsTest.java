package dev.warmreach.execute.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.Touch;
import dev.warmreach.domain.UserError;
import dev.warmreach.execute.RoutedExecutor;
import dev.warmreach.store.ProspectQuery;
import dev.warmreach.store.Store;
import dev.warmreach.store.jdbc.JdbcStore;
import dev.warmreach.testing.ACampaign;
import dev.warmreach.testing.Engines;
import dev.warmreach.testing.SettableClock;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Outbound settings kept in the store decide where each step goes: SMTP, or the task inbox. */
class OutboundSettingsTest {

  private static final Instant START = Instant.parse("2026-03-02T06:00:00Z");

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path home;
  private final SettableClock clock = new SettableClock(START);
  private Store store;

  @BeforeEach
  void open() {
    store = JdbcStore.openEmbedded(home, clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private OutboundSettings.Smtp smtp(String passwordEnv) {
    return new OutboundSettings.Smtp(
        "127.0.0.1",
        MAIL.getSmtp().getPort(),
        "none",
        passwordEnv == null ? null : "sam",
        null,
        passwordEnv,
        "sam@northwind-sales.example",
        "Sam Rivera",
        "unsubscribe@northwind-sales.example",
        null);
  }

  @Test
  void withSmtpSetEmailStepsGoOutAndLinkedInStepsWaitInTheTaskInbox() throws Exception {
    OutboundSettings settings =
        new OutboundSettings(
            store.settings(), store.deliveries(), store.doNotContact(), store.engineSteps());
    settings.save(smtp(null), Map.of());
    ACampaign.launchedWorking("Mon-Sun 00:00-23:59", store, 6, START, "sdr-1");

    RoutedExecutor executor = settings.executors(clock, Map.of());
    Engines.live(store, executor).runUntil(START.plus(Duration.ofDays(42)));

    assertThat(executor.channels()).containsExactly(Channel.EMAIL);
    MimeMessage[] received = MAIL.getReceivedMessages();
    assertThat(received).isNotEmpty();
    for (MimeMessage m : received) {
      assertThat(m.getAllRecipients()[0].toString())
          .matches("Person\\d Example <person\\d@example\\.com>");
      assertThat(m.getHeader("List-Unsubscribe")[0]).contains("unsubscribe@northwind-sales");
    }
    List<Touch> touches =
        store.prospects().prospects(ProspectQuery.all(100)).stream()
            .map(Prospect::id)
            .flatMap(id -> store.touches().touches(id).stream())
            .toList();
    assertThat(touches)
        .filteredOn(t -> t.channel() == Channel.EMAIL)
        .hasSize(received.length)
        .allMatch(t -> t.status() == Touch.Status.DONE);
    assertThat(touches)
        .filteredOn(t -> t.channel() != Channel.EMAIL)
        .isNotEmpty()
        .allMatch(t -> t.status() == Touch.Status.PLANNED);
  }

  @Test
  void aPasswordKeptInTheEnvironmentIsNeverStoredAndMustBeThereToRun() {
    OutboundSettings settings =
        new OutboundSettings(
            store.settings(), store.deliveries(), store.doNotContact(), store.engineSteps());

    assertThatThrownBy(() -> settings.save(smtp("WR_SMTP_PASSWORD"), Map.of()))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("WR_SMTP_PASSWORD, which is not set");
    assertThat(store.settings().setting("smtp")).isEmpty();

    settings.save(smtp("WR_SMTP_PASSWORD"), Map.of("WR_SMTP_PASSWORD", "s3cret-value"));

    assertThat(store.settings().setting("smtp").orElseThrow())
        .contains("WR_SMTP_PASSWORD")
        .doesNotContain("s3cret-value");
    assertThatThrownBy(() -> settings.executors(clock, Map.of()))
        .hasMessageContaining("WR_SMTP_PASSWORD");
    assertThat(settings.executors(clock, Map.of("WR_SMTP_PASSWORD", "x")).channels())
        .containsExactly(Channel.EMAIL);
  }

  @Test
  void badSettingsNameTheFieldAndAreNotKept() {
    OutboundSettings settings =
        new OutboundSettings(
            store.settings(), store.deliveries(), store.doNotContact(), store.engineSteps());
    OutboundSettings.Smtp badHost =
        new OutboundSettings.Smtp(
            "smtp example.com", 587, "starttls", null, null, null, "sam@x.example", "", null, null);
    OutboundSettings.Smtp badTls =
        new OutboundSettings.Smtp(
            "smtp.example.com", 587, "ssl3", null, null, null, "sam@x.example", "", null, null);

    assertThatThrownBy(() -> settings.save(badHost, Map.of())).hasMessageContaining("smtp host");
    assertThatThrownBy(() -> settings.save(badTls, Map.of())).hasMessageContaining("--tls 'ssl3'");
    assertThatThrownBy(
            () ->
                settings.save(
                    new OutboundSettings.Webhook("ftp://x", "a".repeat(32), null), Map.of()))
        .hasMessageContaining("webhook url");
    assertThatThrownBy(() -> settings.remove("bogus"))
        .hasMessageContaining("smtp, webhook, bounces and provider");
    assertThat(store.settings().setting("smtp")).isEmpty();
    assertThat(store.settings().setting("webhook")).isEmpty();
    assertThat(settings.executors(clock, Map.of()).channels()).isEmpty();
  }
}
