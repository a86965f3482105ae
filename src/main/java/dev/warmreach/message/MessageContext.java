package dev.warmreach.message;

import dev.warmreach.domain.Event;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.ProspectHistory;
import dev.warmreach.domain.ProspectProfile;
import dev.warmreach.domain.SenderAccount;
import java.util.Objects;

/**
 * Everything a template can say about one prospect, filled in by the engine: who they are, who is
 * writing and from which account, and what has happened (a post of theirs, a mutual connection, the
 * signal that triggered this touch, the last touch). Text values are never null: an unknown value
 * is empty, and whitespace (line breaks included) is collapsed to single spaces.
 */
public record MessageContext(Recipient prospect, Sender sender, History history) {

  public MessageContext {
    Objects.requireNonNull(prospect, "prospect");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(history, "history");
  }

  /** The context for {@code prospect} written by {@code senderName} from {@code account}. */
  public static MessageContext of(
      Prospect prospect,
      SenderAccount account,
      String senderName,
      String senderCompany,
      History history) {
    ProspectProfile p = prospect.profile();
    return new MessageContext(
        new Recipient(
            prospect.id(), p.firstName(), p.lastName(), p.company(), p.title(), p.location()),
        new Sender(senderName, senderCompany, account.name(), account.plan()),
        history);
  }

  /**
   * The person the message is for.
   *
   * @param id the store's number for them; picks their A/B variant
   */
  public record Recipient(
      long id, String firstName, String lastName, String company, String title, String location) {
    public Recipient {
      firstName = clean(firstName);
      lastName = clean(lastName);
      company = clean(company);
      title = clean(title);
      location = clean(location);
    }

    public String fullName() {
      return (firstName + " " + lastName).strip();
    }
  }

  /**
   * The person writing and the account it goes out from.
   *
   * @param name the author's name, or the account's when the campaign names no author
   * @param role the author's role, e.g. "Head of Sales"; empty when unknown
   * @param plan the account's plan, which sets the note limit (200 characters on FREE, else 300)
   * @param authored whether the campaign names its author, so a message may be signed and say who
   *     the sender is
   */
  public record Sender(
      String name, String role, String company, String account, Plan plan, boolean authored) {
    public Sender {
      name = clean(name);
      role = clean(role);
      company = clean(company);
      account = clean(account);
      Objects.requireNonNull(plan, "plan");
    }

    /**
     * How a message is signed: "Name, Role at Company" with what is known; empty when the campaign
     * names no author.
     */
    public String signature() {
      if (!authored) {
        return "";
      }
      String at = role.isEmpty() ? company : company.isEmpty() ? role : role + " at " + company;
      return at.isEmpty() ? name : name + ", " + at;
    }

    /** A sender named by the campaign, without a stated role. */
    public Sender(String name, String company, String account, Plan plan) {
      this(name, "", company, account, plan, !clean(name).isEmpty());
    }
  }

  /**
   * What has happened that a message can refer to, and the facts its variants are chosen by.
   *
   * @param postTopic what a recent post of theirs was about, e.g. "hiring SDRs in a downturn"
   * @param mutualConnection the name of someone both know
   * @param signal the latest buying signal, in words, e.g. "new role as VP Sales"
   * @param lastTouch the sender's connection request, in words, e.g. "connection request last week"
   * @param signalKind the latest signal's kind; {@code null} when there was none
   * @param engaged whether the sender engaged with their content
   * @param connection where the LinkedIn connection stands
   * @param requestSent whether a connection request went out to them
   */
  public record History(
      String postTopic,
      String mutualConnection,
      String signal,
      String lastTouch,
      Event.Signal.Kind signalKind,
      boolean engaged,
      ProspectHistory.Connection connection,
      boolean requestSent) {
    public History {
      postTopic = clean(postTopic);
      mutualConnection = clean(mutualConnection);
      signal = clean(signal);
      lastTouch = clean(lastTouch);
      Objects.requireNonNull(connection, "connection");
    }

    /** What a message may say, with nothing done yet: no engagement, no request, no connection. */
    public History(String postTopic, String mutualConnection, String signal, String lastTouch) {
      this(
          postTopic,
          mutualConnection,
          signal,
          lastTouch,
          null,
          false,
          ProspectHistory.Connection.NONE,
          false);
    }

    /** Nothing to refer to yet. */
    public static History none() {
      return new History("", "", "", "");
    }

    /** Connected on LinkedIn, whoever asked. */
    public boolean connected() {
      return connection == ProspectHistory.Connection.ACCEPTED;
    }

    /**
     * Connected before any request of ours: an existing connection, never "thanks for connecting".
     */
    public boolean alreadyConnected() {
      return connected() && !requestSent;
    }
  }

  private static String clean(String value) {
    if (value == null) {
      return "";
    }
    return isClean(value) ? value : value.strip().replaceAll("(?U)\\s+", " ");
  }

  /** Most values need no cleaning; checking is far cheaper than the regular expression. */
  private static boolean isClean(String value) {
    int n = value.length();
    if (n > 0
        && (Character.isWhitespace(value.charAt(0))
            || Character.isWhitespace(value.charAt(n - 1)))) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c == ' '
          ? i + 1 < n && value.charAt(i + 1) == ' '
          : Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        return false;
      }
    }
    return true;
  }
}
