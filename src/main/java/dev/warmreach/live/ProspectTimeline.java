package dev.warmreach.live;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.Seniority;
import dev.warmreach.domain.Touch;
import dev.warmreach.store.Analytics;
import dev.warmreach.store.Campaigns;
import dev.warmreach.store.DecisionRecord;
import dev.warmreach.store.Prospects;
import dev.warmreach.store.SenderAccounts;
import dev.warmreach.store.StoredEvent;
import dev.warmreach.store.Touches;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One prospect's story, as the dashboard's prospect page and {@code prospects show} tell it: who
 * they are, the campaigns they are in and where, and everything that happened, oldest first: the
 * engine's decisions with their reasons, the touches with their text, and the events (accepted,
 * replied, bounced…).
 */
public record ProspectTimeline(
    Prospect prospect,
    ZoneId zone,
    String status,
    List<Enrolled> enrollments,
    List<Entry> entries) {

  /** Decisions read per campaign: a sequence makes a handful per step. */
  static final int DECISIONS = 500;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

  /** A campaign the prospect is in, and where they are in its sequence. */
  public record Enrolled(
      String campaign, String account, String step, String status, String since, String nextDue) {}

  /**
   * Something on the timeline.
   *
   * @param kind Decision, Touch or Event
   * @param subject a touch's subject line; empty otherwise
   * @param body a touch's text; empty for a warm-up or a request without a note
   */
  public record Entry(
      Instant at,
      String when,
      String kind,
      String title,
      String campaign,
      String detail,
      String subject,
      String body) {

    public String datetime() {
      return at.toString();
    }
  }

  public static ProspectTimeline of(
      Prospects prospects,
      Campaigns campaigns,
      Analytics analytics,
      Touches touches,
      SenderAccounts accounts,
      Prospect prospect) {
    Map<String, ZoneId> zones = new HashMap<>();
    accounts.accounts().forEach(a -> zones.put(a.name(), a.timeZone()));
    Function<String, ZoneId> zoneOf = account -> zones.getOrDefault(account, ZoneOffset.UTC);
    Map<Long, String> names =
        campaigns.campaigns().stream()
            .collect(
                Collectors.toMap(c -> c.campaign().id(), c -> c.campaign().name(), (a, b) -> a));
    List<Enrollment> enrollments = campaigns.enrollmentsOf(prospect.id());
    Map<Long, Enrollment> byId =
        enrollments.stream().collect(Collectors.toMap(Enrollment::id, Function.identity()));
    Function<Long, String> campaignOf =
        enrollmentId -> {
          Enrollment e = byId.get(enrollmentId);
          return e == null ? "" : names.getOrDefault(e.campaignId(), "");
        };

    // Events belong to no account: they are told in the zone of the person's first account.
    ZoneId personZone =
        enrollments.isEmpty() ? ZoneOffset.UTC : zoneOf.apply(enrollments.get(0).senderAccount());
    List<Entry> entries = new ArrayList<>();
    for (Enrollment e : enrollments) {
      for (DecisionRecord d : analytics.decisions(e.campaignId(), prospect.id(), DECISIONS)) {
        entries.add(
            new Entry(
                d.at(),
                when(d.at(), zoneOf.apply(e.senderAccount())),
                "Decision",
                "At step " + d.step() + ": " + words(d.kind()),
                names.getOrDefault(e.campaignId(), ""),
                d.summaryIn(zoneOf.apply(e.senderAccount())),
                "",
                ""));
      }
    }
    for (Touch t : touches.touches(prospect.id())) {
      Instant at = t.doneAt() != null ? t.doneAt() : t.dueAt();
      entries.add(
          new Entry(
              at,
              when(at, zoneOf.apply(t.senderAccount())),
              "Touch",
              channel(t.channel(), t.withNote()) + " · " + touchStatus(t.status()),
              campaignOf.apply(t.enrollmentId()),
              "Step "
                  + t.step()
                  + " from "
                  + t.senderAccount()
                  + (t.reason().isEmpty() ? "" : ": " + t.reason()),
              t.message() == null ? "" : t.message().subject(),
              t.message() == null ? "" : t.message().body()));
    }
    for (StoredEvent v : prospects.events(prospect.id())) {
      entries.add(
          new Entry(
              v.at(),
              when(v.at(), personZone),
              "Event",
              eventWords(v.kind())
                  + (v.channel() == null ? "" : " on " + channel(v.channel(), false)),
              "",
              v.detail(),
              "",
              ""));
    }
    entries.sort(Comparator.comparing(Entry::at).thenComparing(e -> order(e.kind())));

    List<Enrolled> enrolled =
        enrollments.stream()
            .map(
                e ->
                    new Enrolled(
                        names.getOrDefault(e.campaignId(), "#" + e.campaignId()),
                        e.senderAccount(),
                        e.step(),
                        enrollmentLabel(e.status()),
                        when(e.enteredStepAt(), zoneOf.apply(e.senderAccount())),
                        e.nextDueAt() == null
                            ? (e.isActive() ? "waiting for an event" : "—")
                            : when(e.nextDueAt(), zoneOf.apply(e.senderAccount()))))
            .toList();
    return new ProspectTimeline(
        prospect,
        personZone,
        statusLabel(prospect.doNotContact(), enrollments),
        enrolled,
        List.copyOf(entries));
  }

  public String seniority() {
    return seniorityLabel(prospect.profile().seniority());
  }

  public String activity() {
    return words(prospect.profile().activity().name());
  }

  public String degree() {
    return words(prospect.profile().degree().name());
  }

  public List<String> tags() {
    return prospect.profile().tags().stream().sorted().toList();
  }

  public String added() {
    return when(prospect.createdAt(), zone);
  }

  /** A seniority in words: {@code C_SUITE} → "C-suite". */
  public static String seniorityLabel(Seniority s) {
    return switch (s) {
      case C_SUITE -> "C-suite";
      case VP -> "VP";
      case DIRECTOR -> "Director";
      case MANAGER -> "Manager";
      case INDIVIDUAL -> "Individual contributor";
      case UNKNOWN -> "Unknown";
    };
  }

  /** Where a person stands, in words: do-not-contact first, then their liveliest enrollment. */
  public static String statusLabel(boolean doNotContact, List<Enrollment> enrollments) {
    if (doNotContact) {
      return "Do not contact";
    }
    for (Enrollment.Status status :
        List.of(
            Enrollment.Status.REPLIED,
            Enrollment.Status.ACTIVE,
            Enrollment.Status.COMPLETED,
            Enrollment.Status.STOPPED)) {
      if (enrollments.stream().anyMatch(e -> e.status() == status)) {
        return enrollmentLabel(status);
      }
    }
    return "New";
  }

  /** An enrollment's status in words. */
  public static String enrollmentLabel(Enrollment.Status status) {
    return switch (status) {
      case ACTIVE -> "In a campaign";
      case REPLIED -> "Replied";
      case COMPLETED -> "Completed";
      case STOPPED -> "Stopped";
    };
  }

  // Decisions before the touch they made, events last, at the same instant.
  private static int order(String kind) {
    return switch (kind) {
      case "Decision" -> 0;
      case "Touch" -> 1;
      default -> 2;
    };
  }

  /** A time in {@code zone}, named: "2 Mar 2026, 10:00 (Europe/Berlin)", or "… UTC". */
  public static String when(Instant at, ZoneId zone) {
    String text = WHEN.format(at.atZone(zone));
    return zone.normalized().equals(ZoneOffset.UTC)
        ? text + " UTC"
        : text + " (" + zone.getId() + ")";
  }

  /** A stored event's kind in words: {@code POSTPUBLISHED} → "Post published". */
  public static String eventWords(String code) {
    return switch (code) {
      case "ACCEPTED" -> "Connection request accepted";
      case "DECLINED" -> "Connection request declined";
      case "WITHDRAWN" -> "Connection request withdrawn";
      case "REPLIED" -> "Replied";
      case "BOUNCED" -> "Email bounced";
      case "UNSUBSCRIBED" -> "Unsubscribed";
      case "POSTPUBLISHED" -> "Post published";
      case "SIGNAL" -> "Buying signal";
      default -> words(code);
    };
  }

  /** {@code NOT_YET} → "Not yet". */
  static String words(String constant) {
    String text = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  static String channel(Channel channel, boolean withNote) {
    return switch (channel) {
      case ENGAGE -> "Warm-up (engage with a post)";
      case CONNECT -> withNote ? "Connection request with a note" : "Connection request";
      case DM -> "LinkedIn message";
      case INMAIL -> "InMail";
      case EMAIL -> "Email";
    };
  }

  private static String touchStatus(Touch.Status status) {
    return switch (status) {
      case PLANNED -> "planned";
      case DONE -> "sent";
      case SKIPPED -> "skipped";
      case FAILED -> "failed";
      case UNCERTAIN -> "uncertain: confirm whether it was sent";
    };
  }
}
