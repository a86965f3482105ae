package dev.warmreach.policy;

import dev.warmreach.domain.AccountTime;
import dev.warmreach.domain.Channel;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What to do with a prospect now, with the reasons in words a user understands: use a channel,
 * wait, or skip this step.
 */
public sealed interface Decision {

  List<String> reasons();

  /** One line, e.g. "InMail: VP, low LinkedIn activity; 23 credits left this month". */
  String summary();

  /**
   * The same line for a person reading it on the sender account's clock: a wait names its time in
   * {@code zone} ("Wait until Tue 3 Mar 2026, 10:00 (Europe/Berlin): …") rather than in UTC.
   */
  default String summaryIn(ZoneId zone) {
    return summary();
  }

  /**
   * The stable code this kind of decision is stored under, e.g. {@code SKIP}. Set per kind, never
   * derived from the class name, so renaming a record changes no stored data.
   */
  String code();

  /** Act on {@code channel}; for a connection request, {@code withNote} says whether to add one. */
  record Send(Channel channel, boolean withNote, List<String> reasons) implements Decision {
    public static final String CODE = "SEND";

    @Override
    public String code() {
      return CODE;
    }

    public Send {
      Objects.requireNonNull(channel, "channel");
      reasons = List.copyOf(reasons);
    }

    @Override
    public String summary() {
      String label =
          switch (channel) {
            case ENGAGE -> "Warm-up";
            case CONNECT -> withNote ? "Connection request with a note" : "Connection request";
            case DM -> "Message";
            case INMAIL -> "InMail";
            case EMAIL -> "Email";
          };
      return label + ": " + String.join("; ", reasons);
    }
  }

  /** Not yet: look again at {@code until}. */
  record Wait(Instant until, List<String> reasons) implements Decision {
    public static final String CODE = "WAIT";

    @Override
    public String code() {
      return CODE;
    }

    public Wait {
      Objects.requireNonNull(until, "until");
      reasons = List.copyOf(reasons);
    }

    @Override
    public String summary() {
      return "Wait until " + until + ": " + String.join("; ", reasons);
    }

    @Override
    public String summaryIn(ZoneId zone) {
      return "Wait until " + AccountTime.inWords(until, zone) + ": " + String.join("; ", reasons);
    }
  }

  /** Leave this step out for this prospect. */
  record Skip(List<String> reasons) implements Decision {
    public static final String CODE = "SKIP";

    @Override
    public String code() {
      return CODE;
    }

    public Skip {
      reasons = List.copyOf(reasons);
    }

    @Override
    public String summary() {
      return "Skip: " + String.join("; ", reasons);
    }
  }

  static Send send(Channel channel, boolean withNote, String... reasons) {
    return new Send(channel, withNote, List.of(reasons));
  }

  static Skip skip(String... reasons) {
    return new Skip(List.of(reasons));
  }

  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
