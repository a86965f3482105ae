package dev.warmreach.sequence;

import dev.warmreach.domain.Author;
import dev.warmreach.domain.CampaignSettings;
import dev.warmreach.domain.Channel;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.policy.ChannelPolicy;
import dev.warmreach.quota.FollowUpWindow;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a campaign does: its sequence, its templates as plain text, its settings and who signs its
 * messages. The same value for a stored campaign and for a scenario's campaign under test; the
 * {@code message} package turns the templates into the engine's {@link MessageWriter}.
 *
 * @param templates template name to its variants: chosen by their conditions, then A/B among those
 *     with the same condition
 * @param author who signs the messages
 */
public record CampaignDefinition(
    SequenceDefinition sequence,
    Map<String, List<TemplateVariant>> templates,
    CampaignSettings settings,
    Author author) {

  public CampaignDefinition {
    Objects.requireNonNull(sequence, "sequence");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(author, "author");
    Map<String, List<TemplateVariant>> copy = new LinkedHashMap<>();
    templates.forEach((name, variants) -> copy.put(name, List.copyOf(variants)));
    templates = Collections.unmodifiableMap(copy);
  }

  /**
   * The window in which a DM of {@code step} may go on the account's days off, counted from the
   * acceptance at {@code acceptedAt}: present only for a follow-up DM step with a delay range in a
   * campaign that lets follow-ups go on days off (whether the window does fall on days off is the
   * window's to say).
   */
  public Optional<FollowUpWindow> followUpWindow(String step, Instant acceptedAt) {
    return followUpWindow(step, acceptedAt, settings.followUpsOnDaysOff());
  }

  /**
   * As {@link #followUpWindow(String, Instant)}, sent from {@code account}: its own setting, when
   * it has one, wins over the campaign's.
   */
  public Optional<FollowUpWindow> followUpWindow(
      String step, Instant acceptedAt, SenderAccount account) {
    return followUpWindow(
        step, acceptedAt, account.allowsFollowUpsOnDaysOff(settings.followUpsOnDaysOff()));
  }

  private Optional<FollowUpWindow> followUpWindow(
      String step, Instant acceptedAt, boolean allowed) {
    if (!allowed
        || acceptedAt == null
        || sequence.steps().stream().noneMatch(s -> s.id().equals(step))) {
      return Optional.empty();
    }
    if (sequence.step(step) instanceof Step.Action action
        && action.channel() == Channel.DM
        && action.delayMax().compareTo(action.delayMin()) > 0) {
      return Optional.of(FollowUpWindow.after(acceptedAt, action.delayMin(), action.delayMax()));
    }
    return Optional.empty();
  }

  /**
   * The engine that runs this campaign with {@code policy}, writing its texts with {@code writer}.
   */
  public SequenceEngine engine(ChannelPolicy policy, MessageWriter writer) {
    return new SequenceEngine(sequence, policy, settings, writer);
  }
}
