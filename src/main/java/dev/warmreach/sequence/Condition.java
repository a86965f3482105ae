package dev.warmreach.sequence;

import dev.warmreach.domain.CampaignSettings;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.ProspectHistory.Connection;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.Seniority;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A condition on a prospect that decides whether a sequence step applies to them. */
public sealed interface Condition {

  boolean test(ProspectProfile prospect, ProspectHistory history, CampaignSettings campaign);

  /** The named facts: {@code accepted}, {@code declined}, {@code pending}, {@code replied}, … */
  Set<String> FACTS =
      Set.of(
          "always",
          "accepted",
          "declined",
          "pending",
          "replied",
          "hasEmail",
          "highValue",
          "warm",
          "connected");

  /** Always true: the step applies to everyone. */
  Condition ALWAYS = new Fact("always");

  /** A fact about the prospect, by name (see {@link #FACTS}). */
  record Fact(String name) implements Condition {
    public Fact {
      if (!FACTS.contains(name)) {
        throw new IllegalArgumentException(
            "'"
                + name
                + "' is not a condition; use one of "
                + String.join(", ", FACTS.stream().sorted().toList())
                + ", seniority, not, all, any");
      }
    }

    @Override
    public boolean test(ProspectProfile p, ProspectHistory h, CampaignSettings c) {
      return switch (name) {
        case "always" -> true;
        case "accepted", "connected" -> h.connection() == Connection.ACCEPTED;
        case "declined" -> h.connection() == Connection.DECLINED;
        case "pending" -> h.connection() == Connection.PENDING;
        case "replied" -> h.replied();
        case "hasEmail" -> p.hasEmail();
        case "highValue" -> c.isHighValue(p);
        case "warm" -> h.engaged();
        default -> throw new IllegalStateException(name);
      };
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The prospect's seniority is one of these. */
  record SeniorityIn(Set<Seniority> levels) implements Condition {
    public SeniorityIn {
      levels = Set.copyOf(levels);
    }

    @Override
    public boolean test(ProspectProfile p, ProspectHistory h, CampaignSettings c) {
      return levels.contains(p.seniority());
    }

    @Override
    public String toString() {
      return "seniority in "
          + levels.stream().map(Enum::name).sorted().collect(Collectors.toList());
    }
  }

  record Not(Condition condition) implements Condition {
    @Override
    public boolean test(ProspectProfile p, ProspectHistory h, CampaignSettings c) {
      return !condition.test(p, h, c);
    }

    @Override
    public String toString() {
      return "not " + condition;
    }
  }

  record All(List<Condition> conditions) implements Condition {
    public All {
      conditions = List.copyOf(conditions);
    }

    @Override
    public boolean test(ProspectProfile p, ProspectHistory h, CampaignSettings c) {
      return conditions.stream().allMatch(x -> x.test(p, h, c));
    }

    @Override
    public String toString() {
      return conditions.stream()
          .map(Object::toString)
          .collect(Collectors.joining(" and ", "(", ")"));
    }
  }

  record Any(List<Condition> conditions) implements Condition {
    public Any {
      conditions = List.copyOf(conditions);
    }

    @Override
    public boolean test(ProspectProfile p, ProspectHistory h, CampaignSettings c) {
      return conditions.stream().anyMatch(x -> x.test(p, h, c));
    }

    @Override
    public String toString() {
      return conditions.stream()
          .map(Object::toString)
          .collect(Collectors.joining(" or ", "(", ")"));
    }
  }
}
