package dev.warmreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mistakes {@code warmreach serve} answers in one line, before it serves anything. */
class ServeCommandTest {

  @TempDir Path home;

  @Test
  void aTakenPortIsAUserErrorNamingTheFix() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      CliRun run = CliRun.in(home, "serve", "--port", Integer.toString(taken.getLocalPort()));

      assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
      assertThat(run.err)
          .contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
          .contains("choose another --port");
    }
  }

  @Test
  void aPortOutOfRangeIsAUserError() {
    CliRun run = CliRun.in(home, "serve", "--port", "70000");

    assertThat(run.exitCode).isEqualTo(1);
    assertThat(run.err).contains("--port 70000 must be between 0 and 65535");
  }

  @Test
  void aSpedUpClockIsRefusedWhileAReceiverIsOnAnotherMachine() {
    smtpOn("smtp.example.com", "starttls");
    CliRun webhook =
        CliRun.run(
            Map.of("HOOK_SECRET", "a-webhook-secret-of-enough-length"),
            "--home",
            home.toString(),
            "settings",
            "webhook",
            "--url",
            "https://hooks.example.com/warmreach",
            "--secret-env",
            "HOOK_SECRET");
    assertThat(webhook.exitCode).as(webhook.toString()).isZero();

    CliRun run = CliRun.in(home, "serve", "--port", "0", "--speed", "1000");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
    assertThat(run.err)
        .contains("--speed 1000.0 would carry out touches 1000.0 times faster than real time")
        .contains("SMTP server smtp.example.com, webhook hooks.example.com")
        .contains("warmreach run --simulate");
    assertThat(run.out).doesNotContain("Serving");
  }

  @Test
  void aSpedUpClockRunsAgainstStandInsOnThisMachine() {
    smtpOn("127.0.0.1", "none");

    CliRun run = CliRun.in(home, "serve", "--port", "0", "--speed", "1000", "--until-done");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("The clock runs at 1000.0x").contains("Serving");
  }

  private void smtpOn(String host, String tls) {
    CliRun smtp =
        CliRun.in(
            home,
            "settings",
            "smtp",
            "--host",
            host,
            "--port",
            "2525",
            "--tls",
            tls,
            "--from",
            "sam@example.com",
            "--unsubscribe-mailto",
            "unsubscribe@example.com");
    assertThat(smtp.exitCode).as(smtp.toString()).isZero();
  }
}
