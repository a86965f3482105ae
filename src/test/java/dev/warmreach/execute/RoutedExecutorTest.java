package dev.warmreach.execute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Touch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each channel goes to the first executor that carries it out; the rest wait for a person. */
class RoutedExecutorTest {

  /** Remembers what it was given. */
  private static final class Recording implements Executor {
    final Set<Channel> channels;
    final List<Touch> executed = new ArrayList<>();
    int dueRuns;

    Recording(Set<Channel> channels) {
      this.channels = channels;
    }

    @Override
    public Set<Channel> channels() {
      return channels;
    }

    @Override
    public void execute(Touch touch) {
      executed.add(touch);
    }

    @Override
    public int runDue() {
      dueRuns++;
      return 2;
    }
  }

  private static Touch touch(Channel channel) {
    return new Touch(
        1,
        1,
        1,
        "sdr-1",
        "step",
        channel,
        false,
        null,
        Touch.Status.PLANNED,
        Instant.parse("2026-03-02T10:00:00Z"),
        null,
        "e1:step:" + channel,
        "",
        null);
  }

  @Test
  void theFirstExecutorForAChannelTakesItAndTheRestWaitInTheTaskInbox() {
    Recording email = new Recording(Set.of(Channel.EMAIL));
    Recording webhook = new Recording(EnumSet.of(Channel.EMAIL, Channel.CONNECT, Channel.DM));
    RoutedExecutor routed = new RoutedExecutor(List.of(email, webhook));

    routed.execute(touch(Channel.EMAIL));
    routed.execute(touch(Channel.CONNECT));

    assertThat(routed.channels())
        .containsExactlyInAnyOrder(Channel.EMAIL, Channel.CONNECT, Channel.DM);
    assertThat(email.executed).extracting(Touch::channel).containsExactly(Channel.EMAIL);
    assertThat(webhook.executed).extracting(Touch::channel).containsExactly(Channel.CONNECT);
    assertThat(routed.runDue()).isEqualTo(4);
    assertThatThrownBy(() -> routed.execute(touch(Channel.INMAIL)))
        .hasMessageContaining("task inbox");
    assertThat(new RoutedExecutor(List.of()).channels()).isEmpty();
  }
}
