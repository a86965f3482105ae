package dev.warmreach.live;

import dev.warmreach.domain.UserError;
import dev.warmreach.message.CampaignMessages.Judged;
import dev.warmreach.message.Finding;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The coach's word on a campaign's templates when it is created or launched: errors (hard limits)
 * stop it, warnings are shown. Used by the CLI and the HTTP API alike.
 */
public final class CoachReport {

  private final List<Judged> reviews;

  private CoachReport(List<Judged> reviews) {
    this.reviews = reviews;
  }

  /** The report on these reviews of a campaign's template variants. */
  public static CoachReport of(List<Judged> reviews) {
    return new CoachReport(List.copyOf(reviews));
  }

  /**
   * Refuses with every error the coach found, naming the template and variant.
   *
   * @param action what the user tried, e.g. "launch campaign 'q3'"
   */
  public void refuseErrors(String action) {
    List<String> errors = new ArrayList<>();
    for (Judged judged : reviews) {
      for (Finding f : judged.review().errors()) {
        errors.add(where(judged) + " " + f.ruleId() + ": " + f.message());
      }
    }
    if (!errors.isEmpty()) {
      throw new UserError(
          "cannot "
              + action
              + ": the coach found "
              + errors.size()
              + (errors.size() == 1 ? " error" : " errors")
              + " — "
              + String.join("; ", errors)
              + ". Fix the templates in the definition (check them with 'warmreach lint')");
    }
  }

  /** Each error as {@code 'template' (variant, score n) rule: message}; empty when none. */
  public List<String> errors() {
    List<String> errors = new ArrayList<>();
    for (Judged judged : reviews) {
      for (Finding f : judged.review().errors()) {
        errors.add(where(judged) + " " + f.ruleId() + ": " + f.message());
      }
    }
    return errors;
  }

  /** The warnings, one line each; nothing when there are none. */
  public void printWarnings(PrintWriter out) {
    boolean first = true;
    for (Judged judged : reviews) {
      for (Finding f : judged.review().warnings()) {
        if (first) {
          out.println("The coach suggests:");
          first = false;
        }
        out.println("  " + where(judged) + " " + f.ruleId() + ": " + f.message() + " " + f.fix());
      }
    }
  }

  /** Each variant's score and findings, for --json. */
  public List<Map<String, Object>> json() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Judged judged : reviews) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("template", judged.template());
      row.put("variant", judged.variant());
      row.put("channel", judged.channel().name());
      row.put("score", judged.review().score());
      row.put("personalised", judged.personalised());
      row.put("errors", findings(judged.review().errors()));
      row.put("warnings", findings(judged.review().warnings()));
      list.add(row);
    }
    return list;
  }

  private static List<Map<String, String>> findings(List<Finding> findings) {
    return findings.stream().map(f -> Map.of("rule", f.ruleId(), "message", f.message())).toList();
  }

  private static String where(Judged judged) {
    return "'"
        + judged.template()
        + "' ("
        + judged.variant()
        + ", score "
        + judged.review().score()
        + ")";
  }
}
