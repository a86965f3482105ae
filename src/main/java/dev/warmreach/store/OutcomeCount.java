package dev.warmreach.store;

import dev.warmreach.domain.ActivityLevel;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.ConnectionDegree;
import dev.warmreach.domain.Seniority;
import java.util.Objects;
import java.util.Set;

/**
 * Touches one campaign carried out on one channel to people who looked alike (seniority, activity,
 * email known, tags), warm or not, and how many of them are known to have succeeded or failed: what
 * the adaptive policy learns from. A touch succeeded when it was accepted (a request) or answered
 * (a message, InMail or email) at any time after it; its outcome is known once its outcome window
 * has passed, and until then it is only sent.
 *
 * @param warm whether a warm-up had been carried out for the person before the touch
 */
public record OutcomeCount(
    long campaignId,
    Seniority seniority,
    ActivityLevel activity,
    boolean hasEmail,
    ConnectionDegree degree,
    Set<String> tags,
    Channel channel,
    boolean warm,
    long sent,
    long succeeded,
    long failed) {

  public OutcomeCount {
    Objects.requireNonNull(seniority, "seniority");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(degree, "degree");
    Objects.requireNonNull(channel, "channel");
    tags = Set.copyOf(tags);
  }
}
