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
  private static class Recording implements Executor {
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

  /** Carries only the touches of one sender account, as the provider its linked accounts'. */
  private static final class OneAccount extends Recording {
    final String account;

    OneAccount(Set<Channel> channels, String account) {
      super(channels);
      this.account = account;
    }

    @Override
    public boolean carries(Touch touch) {
      return super.carries(touch) && touch.senderAccount().equals(account);
    }
  }

  @Test
  void anExecutorThatDoesNotCarryAnAccountsTouchesLeavesThemToTheNextOnTheirChannel() {
    OneAccount provider = new OneAccount(EnumSet.of(Channel.CONNECT, Channel.DM), "sdr-1");
    Recording webhook = new Recording(EnumSet.of(Channel.CONNECT, Channel.DM, Channel.EMAIL));
    RoutedExecutor routed = new RoutedExecutor(List.of(provider, webhook));

    routed.execute(touch(Channel.CONNECT, "sdr-1"));
    routed.execute(touch(Channel.CONNECT, "sdr-2"));
    routed.execute(touch(Channel.DM, "sdr-2"));

    assertThat(provider.executed).extracting(Touch::senderAccount).containsExactly("sdr-1");
    assertThat(webhook.executed).extracting(Touch::senderAccount).containsExactly("sdr-2", "sdr-2");
  }

  @Test
  void aTouchNoExecutorSaysItCarriesGoesToTheFirstOnItsChannelWhichSaysWhyItWaits() {
    OneAccount provider = new OneAccount(EnumSet.of(Channel.CONNECT), "sdr-1");
    OneAccount other = new OneAccount(EnumSet.of(Channel.CONNECT), "sdr-3");
    RoutedExecutor routed = new RoutedExecutor(List.of(provider, other));

    routed.execute(touch(Channel.CONNECT, "sdr-2"));

    assertThat(provider.executed).extracting(Touch::senderAccount).containsExactly("sdr-2");
    assertThat(other.executed).isEmpty();
  }

  private static Touch touch(Channel channel) {
    return touch(channel, "sdr-1");
  }

  private static Touch touch(Channel channel, String account) {
    return new Touch(
        1,
        1,
        1,
        account,
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
