package dev.warmreach.store.jdbc;

import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Message;
import dev.warmreach.policy.Decision;
import dev.warmreach.sequence.Command;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What an engine step leaves behind, in the caller's transaction: the touches it planned (keyed, so
 * a replayed step adds none; each counted in its campaign's totals) and its decisions with their
 * reasons.
 */
final class StepRecords {

  /** The kind of the decision kept when an enrollment finishes its sequence. */
  static final String FINISHED = "FINISHED";

  private StepRecords() {}

  static void save(Handle h, Enrollment e, Enrollment next, List<Command> commands, Instant now) {
    for (Command command : commands) {
      if (command instanceof Command.Send send) {
        insertTouch(h, send, now);
        insertDecision(
            h,
            e.id(),
            e.prospectId(),
            send.step(),
            Decision.Send.CODE,
            send.decision().summary(),
            now);
      } else if (command instanceof Command.Decided decided) {
        insertDecision(
            h,
            e.id(),
            e.prospectId(),
            decided.step(),
            decided.decision().code(),
            decided.decision().summary(),
            now);
      } else if (command instanceof Command.Finished finished) {
        insertDecision(h, e.id(), e.prospectId(), next.step(), FINISHED, finished.reason(), now);
      }
    }
  }

  private static void insertTouch(Handle h, Command.Send send, Instant now) {
    Message message = send.message();
    int inserted =
        h.createUpdate(
                "INSERT INTO touch (enrollment_id, prospect_id, sender_account, step, channel,"
                    + " with_note, template, status, due_at, idempotency_key, reason, variant, subject,"
                    + " body, personalised, post_id, post_url) VALUES (:enrollment, :prospect,"
                    + " :account, :step, :channel, :note, :template, 'PLANNED', :now, :key,"
                    + " :reason, :variant, :subject, :body, :personalised, :postId, :postUrl)"
                    + " ON CONFLICT (idempotency_key) DO NOTHING")
            .bind("enrollment", send.enrollmentId())
            .bind("prospect", send.prospectId())
            .bind("account", send.senderAccount())
            .bind("step", send.step())
            .bind("channel", send.channel().name())
            .bind("note", send.withNote())
            .bind("template", send.template())
            .bind("now", now)
            .bind("key", send.idempotencyKey())
            .bind("reason", send.decision().summary())
            .bind("variant", message == null ? null : message.variant())
            .bind("subject", message == null ? null : message.subject())
            .bind("body", message == null ? null : message.body())
            .bind("personalised", message == null ? null : message.personalised())
            .bind("postId", message == null ? null : blankAsNull(message.post().socialId()))
            .bind("postUrl", message == null ? null : blankAsNull(message.post().url()))
            .execute();
    if (inserted == 1) {
      CampaignTallies.planned(h, send.enrollmentId(), send.channel());
    }
  }

  private static String blankAsNull(String value) {
    return value.isEmpty() ? null : value;
  }

  private static void insertDecision(
      Handle h,
      long enrollment,
      long prospect,
      String step,
      String kind,
      String summary,
      Instant now) {
    WriteBehind behind = WriteBehind.on(h);
    if (behind != null) {
      // Inside a run of steps nothing reads decisions back: they go out as one batch at its commit.
      behind.decision(new WriteBehind.Decision(enrollment, prospect, step, kind, summary, now));
      return;
    }
    h.createUpdate(
            "INSERT INTO decision (enrollment_id, prospect_id, step, kind, summary, decided_at)"
                + " VALUES (:e, :p, :step, :kind, :summary, :now)")
        .bind("e", enrollment)
        .bind("p", prospect)
        .bind("step", step)
        .bind("kind", kind)
        .bind("summary", summary)
        .bind("now", now)
        .execute();
  }
}
