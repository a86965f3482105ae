package dev.warmreach.live;

import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Message;
import dev.warmreach.domain.Prospect;
import dev.warmreach.policy.Decision;
import dev.warmreach.sequence.Command;
import dev.warmreach.store.Prospects;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Each enrolled prospect's next decision with its reasons, as the engine would take it now, without
 * storing anything: the plan the CLI, the HTTP API and the dashboard show. Thread-safe.
 */
public final class CampaignPlan {

  /**
   * One prospect's line of the plan.
   *
   * @param name the prospect's full name; empty when they were erased
   * @param due when the engine looks at them next; {@code null} when it waits on an event
   * @param decision the next decision in a few words, times on the account's clock, or {@code
   *     finished: <status>}
   * @param nextMessage the exact text they will receive next if nothing changes first (an InMail or
   *     email's subject on its first line), or why it is held back; empty when none is on the way
   * @param path the whole path they are expected to take from here, e.g. "warm-up (2 rounds) →
   *     request with note → DM; InMail after 7 days pending (high value)"; empty when finished
   */
  public record Row(
      long prospect,
      String name,
      String account,
      String step,
      String status,
      Instant due,
      String decision,
      List<String> reasons,
      String nextMessage,
      String path) {

    public Row {
      reasons = List.copyOf(reasons);
    }
  }

  private final Prospects prospects;
  private final CampaignEngines engines;

  public CampaignPlan(Prospects prospects, CampaignEngines engines) {
    this.prospects = prospects;
    this.engines = engines;
  }

  /** The plan's line for one enrollment at {@code now}. */
  public Row row(Enrollment e, Instant now) {
    Optional<Decision> next = engines.preview(e, now);
    ZoneId zone = engines.zoneOf(e);
    return new Row(
        e.prospectId(),
        prospects.prospect(e.prospectId()).map(Prospect::fullName).orElse(""),
        e.senderAccount(),
        e.step(),
        e.status().name(),
        e.nextDueAt(),
        next.map(d -> d.summaryIn(zone))
            .orElse("finished: " + e.status().name().toLowerCase(Locale.ROOT)),
        next.map(Decision::reasons).orElse(List.of()),
        engines.nextMessage(e, now).map(CampaignPlan::inWords).orElse(""),
        engines.expectedPath(e, now));
  }

  /** A message as the plan shows it: its subject line, then its text; or why it is held back. */
  static String inWords(Command next) {
    if (next instanceof Command.Send send) {
      Message m = send.message();
      return (m.subject().isEmpty() ? "" : "Subject: " + m.subject() + "\n") + m.body();
    }
    return String.join("; ", ((Command.Decided) next).decision().reasons());
  }

  /** The lines of {@code enrollments}, in their order. */
  public List<Row> rows(List<Enrollment> enrollments, Instant now) {
    return enrollments.stream().map(e -> row(e, now)).toList();
  }
}
