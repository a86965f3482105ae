package dev.warmreach.sequence;

import dev.warmreach.domain.Channel;
import dev.warmreach.sequence.Condition.Fact;
import dev.warmreach.sequence.Condition.Not;
import dev.warmreach.sequence.Step.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The default campaign (SPEC §3): warm up on their posts (twice, three days apart), connect with a
 * note, thank them within 24–48 hours of accepting, InMail high-value prospects whose request is
 * still pending after a week, and email when LinkedIn has not converted. A reply anywhere ends it.
 */
public final class CombinedSequence {

  public static final String NAME = "combined";

  /** The warm-up likes (and drafts a comment on) their latest post twice, three days apart. */
  public static final int WARM_UP_ROUNDS = 2;

  public static final Duration WARM_UP_EVERY = Duration.ofDays(3);

  private CombinedSequence() {}

  public static SequenceDefinition definition() {
    Condition notConnected = new Not(new Fact("connected"));
    return new SequenceDefinition(
        NAME,
        List.of(
            new Step.Action(
                "warm-up",
                Channel.ENGAGE,
                Step.Action.COMMENT,
                null,
                null,
                notConnected,
                null,
                WARM_UP_ROUNDS,
                WARM_UP_EVERY),
            new Step.Wait(
                "let-it-land", Set.of(), Duration.ofDays(2), Map.of(), null, notConnected, null),
            new Step.Action("connect", Channel.CONNECT, "note", null, null, notConnected, null),
            new Step.Wait(
                "await-answer",
                Set.of(Outcome.ACCEPTED, Outcome.DECLINED),
                Duration.ofDays(7),
                Map.of(Outcome.ACCEPTED, "thank", Outcome.DECLINED, "inmail"),
                "inmail",
                Condition.ALWAYS,
                null),
            new Step.Action(
                "thank",
                Channel.DM,
                "first-dm",
                Duration.ofHours(24),
                Duration.ofHours(48),
                new Fact("connected"),
                null),
            new Step.Wait(
                "await-reply",
                Set.of(Outcome.REPLIED),
                Duration.ofDays(10),
                Map.of(),
                "email",
                Condition.ALWAYS,
                "email"),
            new Step.Action(
                "inmail",
                Channel.INMAIL,
                "inmail",
                null,
                null,
                new Condition.All(List.of(new Fact("highValue"), notConnected)),
                null),
            new Step.Wait(
                "await-inmail",
                Set.of(Outcome.REPLIED, Outcome.ACCEPTED),
                Duration.ofDays(10),
                Map.of(Outcome.ACCEPTED, "thank"),
                null,
                new Fact("highValue"),
                null),
            new Step.Action(
                "email", Channel.EMAIL, "email", null, null, new Fact("hasEmail"), null),
            new Step.End("end")));
  }
}
