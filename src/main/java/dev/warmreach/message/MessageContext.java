package dev.warmreach.message;

import dev.warmreach.domain.Plan;
import dev.warmreach.domain.Prospect;
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
   * @param plan the account's plan, which sets the note limit (200 characters on FREE, else 300)
   */
  public record Sender(String name, String company, String account, Plan plan) {
    public Sender {
      name = clean(name);
      company = clean(company);
      account = clean(account);
      Objects.requireNonNull(plan, "plan");
    }
  }

  /**
   * What has happened that a message can refer to.
   *
   * @param postTopic what a recent post of theirs was about, e.g. "hiring SDRs in a downturn"
   * @param mutualConnection the name of someone both know
   * @param signal the signal that triggered this touch, in words, e.g. "new role as VP Sales"
   * @param lastTouch the previous touch, in words, e.g. "connection request last week"
   */
  public record History(
      String postTopic, String mutualConnection, String signal, String lastTouch) {
    public History {
      postTopic = clean(postTopic);
      mutualConnection = clean(mutualConnection);
      signal = clean(signal);
      lastTouch = clean(lastTouch);
    }

    /** Nothing to refer to yet. */
    public static History none() {
      return new History("", "", "", "");
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
