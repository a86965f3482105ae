package dev.warmreach.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
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
}
