package dev.warmreach.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Pins the code each kind of decision is stored under (the {@code decision} table's kind): a
 * renamed record must not change stored data.
 */
class DecisionCodeTest {

  private static final List<Decision> ONE_OF_EACH =
      List.of(
          Decision.send(Channel.CONNECT, true, "first contact"),
          new Decision.Wait(Instant.parse("2026-03-02T09:00:00Z"), List.of("outside hours")),
          Decision.skip("no email"));

  @Test
  void eachKindOfDecisionKeepsTheCodeItHasAlwaysBeenStoredUnder() {
    Map<Class<?>, String> codes =
        ONE_OF_EACH.stream().collect(Collectors.toMap(Object::getClass, Decision::code));

    assertThat(codes)
        .containsOnly(
            Map.entry(Decision.Send.class, "SEND"),
            Map.entry(Decision.Wait.class, "WAIT"),
            Map.entry(Decision.Skip.class, "SKIP"));
  }

  @Test
  void everyKindOfDecisionHasACodeOfItsOwn() {
    assertThat(ONE_OF_EACH)
        .extracting(Object::getClass)
        .containsExactlyInAnyOrder(Decision.class.getPermittedSubclasses());
  }
}
