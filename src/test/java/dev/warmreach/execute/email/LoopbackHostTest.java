package dev.warmreach.execute.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoopbackHostTest {

  @Test
  void thisMachineIsKnownByItsSpellingAlone() {
    assertThat(List.of("localhost", "LocalHost", "127.0.0.1", "127.1.2.3", "::1", "[::1]"))
        .allMatch(LoopbackHost::is);
    assertThat(
            List.of(
                "127.0.0.1.evil.example",
                "localhost.evil.example",
                "10.0.0.1",
                "smtp.example.com",
                "128.0.0.1",
                "::2"))
        .noneMatch(LoopbackHost::is);
  }
}
