package dev.warmreach.web.pages;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Plan;
import dev.warmreach.message.Coach;
import dev.warmreach.message.Finding;
import dev.warmreach.message.InvalidTemplate;
import dev.warmreach.message.MessageContext;
import dev.warmreach.message.MessageTemplate;
import dev.warmreach.message.Rendering;
import dev.warmreach.message.Review;
import dev.warmreach.message.Samples;
import java.util.List;

/**
 * The coach's word on one template while it is edited: score, findings, and the text as one sample
 * prospect would receive it, with its length against the channel's limit. Thread-safe.
 */
public final class CampaignCoach {

  /** A typical prospect, written to from a paid account (notes up to 300 characters). */
  static final MessageContext SAMPLE = Samples.CONTEXT;

  /**
   * One finding as the page shows it.
   *
   * @param severity ERROR, WARNING or TIP
   */
  public record Line(String rule, String severity, String message, String fix) {
    static Line of(Finding f) {
      return new Line(f.ruleId(), f.severity().name(), f.message(), f.fix());
    }

    public String badge() {
      return switch (severity) {
        case "ERROR" -> "bad";
        case "WARNING" -> "warn";
        default -> "";
      };
    }
  }

  /**
   * The coach's answer for one template.
   *
   * @param invalid why the template could never render (an unknown variable, broken braces), or
   *     {@code null}
   * @param previewSubject the sample prospect's subject; empty without one
   * @param previewBody the sample prospect's text, or {@code null} when it is held back
   * @param heldBack why the sample prospect's text is held back, or {@code null}
   * @param characters the sample text's length
   * @param limit the channel's hard limit, or 0 when it has none
   */
  public record Result(
      CampaignSteps.Step step,
      int score,
      List<Line> findings,
      String invalid,
      String previewSubject,
      String previewBody,
      String heldBack,
      int characters,
      int limit) {

    public Result {
      findings = List.copyOf(findings);
    }

    public long errors() {
      return findings.stream().filter(f -> f.severity().equals("ERROR")).count();
    }

    public boolean overLimit() {
      return limit > 0 && characters > limit;
    }

    /** The score's badge: good from 80, bad with errors or under 50. */
    public String scoreBadge() {
      return errors() > 0 || score < 50 ? "bad" : score >= 80 ? "good" : "warn";
    }
  }

  private final Coach coach;

  public CampaignCoach(Coach coach) {
    this.coach = coach;
  }

  /** Judges {@code body} (and {@code subject} where the channel has one) for {@code step}. */
  public Result review(CampaignSteps.Step step, String subject, String body) {
    Channel channel = step.channel();
    String subjectText = step.hasSubject() ? (subject == null ? "" : subject) : null;
    String bodyText = body == null ? "" : body;
    Review review = coach.review(channel, Plan.PREMIUM, subjectText, bodyText, step.firstMessage());
    List<Line> findings = review.findings().stream().map(Line::of).toList();
    int limit =
        channel.hardLimit(Plan.PREMIUM) == Integer.MAX_VALUE ? 0 : channel.hardLimit(Plan.PREMIUM);
    String invalid = null;
    String previewSubject = "";
    String previewBody = null;
    String heldBack = null;
    int characters = review.characters();
    try {
      Rendering rendering = MessageTemplate.parse(channel, subjectText, bodyText).render(SAMPLE);
      if (rendering instanceof Rendering.Rendered r) {
        previewSubject = r.subject();
        previewBody = r.body();
        characters = r.body().codePointCount(0, r.body().length());
      } else if (rendering instanceof Rendering.HeldBack h) {
        heldBack = h.reason();
      }
    } catch (InvalidTemplate e) {
      invalid = e.getMessage();
    }
    return new Result(
        step,
        review.score(),
        findings,
        invalid,
        previewSubject,
        previewBody,
        heldBack,
        characters,
        limit);
  }
}
