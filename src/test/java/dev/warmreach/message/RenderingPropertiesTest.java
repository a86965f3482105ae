package dev.warmreach.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Plan;
import dev.warmreach.message.Rendering.HeldBack;
import dev.warmreach.message.Rendering.Rendered;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Properties of rendering, over random prospects (missing, blank and odd values) and random
 * templates (fallbacks, sections, required and unknown variables): a rendered message never holds a
 * raw placeholder, never exceeds its channel's hard limits, and never opens with an empty greeting.
 * Each case is made from a seed, printed when it fails.
 */
class RenderingPropertiesTest {

  private static final int CASES = 500;
  private static final Channel[] CHANNELS = {
    Channel.CONNECT, Channel.DM, Channel.INMAIL, Channel.EMAIL
  };
  private static final String[] ODD_VALUES = {
    null,
    "",
    "   ",
    "\n",
    "Ana",
    "María José",
    "O'Neill-Smith",
    "李",
    "🙂",
    ",",
    ".",
    "{{firstName}}",
    "}}",
    "{{",
    "R&D <Labs>",
    "Line\nbreak",
    "x".repeat(120),
    "Northwind Analytics International Holdings GmbH & Co. KG"
  };
  private static final String[] KEYS = {
    "firstName",
    "lastName",
    "fullName",
    "company",
    "title",
    "location",
    "senderName",
    "senderCompany",
    "account",
    "postTopic",
    "mutualConnection",
    "signal",
    "lastTouch"
  };
  private static final String[] UNKNOWN = {"nickname", "first_name", "Company", "post.topic"};
  private static final String[] GREETINGS = {
    "Hi {{firstName}},", "Hi {{firstName|there}},", "Hello {{firstName|}}!", "Dear {{fullName}},",
    "Hi {{firstName}}", "Hey {{firstName|}}", "Hi {{#firstName}}{{firstName}}{{/firstName}},", ""
  };
  private static final String[] WORDS = {
    "I enjoyed your post.",
    "Congrats on the news.",
    "How is it going?",
    "We met at SaaStr.",
    "Would a one-pager help?",
    "Thanks for connecting.",
    "x".repeat(90)
  };
  private static final Pattern EMPTY_GREETING =
      Pattern.compile("^\\s*(Hi|Hello|Hey|Dear)(\\s*([,.!?:;]|$)|[ \\t]{2,})", Pattern.MULTILINE);

  @Test
  void aRenderedMessageHasNoPlaceholderStaysInsideTheLimitsAndGreetsByName() {
    int rendered = 0;
    int heldBack = 0;
    int invalid = 0;
    for (long seed = 1; seed <= CASES; seed++) {
      Random random = new Random(seed);
      Channel channel = CHANNELS[random.nextInt(CHANNELS.length)];
      Plan plan = Plan.values()[random.nextInt(Plan.values().length)];
      boolean unknown = random.nextInt(5) == 0;
      String subject = hasSubject(channel) ? text(random, 2, unknown && random.nextBoolean()) : "";
      String body = pick(random, GREETINGS) + " " + text(random, 1 + random.nextInt(8), unknown);
      MessageContext context = context(random, plan);
      String label = "seed " + seed + ": " + channel + " [" + subject + "] " + body;

      MessageTemplate template;
      try {
        template = MessageTemplate.parse(channel, subject, body);
      } catch (InvalidTemplate e) {
        assertThat(unknown).as(label + " was refused: " + e.getMessage()).isTrue();
        invalid++;
        continue;
      }
      Rendering result = template.render(context);

      assertThat(template.render(context)).as(label).isEqualTo(result);
      if (result instanceof Rendered message) {
        rendered++;
        String all = message.subject() + "\n" + message.body();
        assertThat(all).as(label).doesNotContain("{{").doesNotContain("}}");
        assertThat(codePoints(message.body()))
            .as(label)
            .isLessThanOrEqualTo(channel.hardLimit(plan));
        if (channel == Channel.INMAIL) {
          assertThat(codePoints(message.subject())).as(label).isLessThanOrEqualTo(200);
        }
        assertThat(EMPTY_GREETING.matcher(message.body()).lookingAt())
            .as(label + " -> " + all)
            .isFalse();
        assertThat(message.body()).as(label).isNotBlank();
      } else {
        heldBack++;
        assertThat(((HeldBack) result).reason()).as(label).isNotBlank();
      }
    }

    System.out.printf(
        "Rendering properties over %d seeds: %d rendered, %d held back, %d templates refused%n",
        CASES, rendered, heldBack, invalid);
    assertThat(rendered).as("rendered cases").isGreaterThan(CASES / 10);
    assertThat(heldBack).as("held-back cases").isGreaterThan(CASES / 10);
    assertThat(invalid).as("refused templates").isGreaterThan(CASES / 50);
  }

  private static boolean hasSubject(Channel channel) {
    return channel == Channel.INMAIL || channel == Channel.EMAIL;
  }

  /** Sentences and tags: required, with a fallback, in a section, sometimes unknown. */
  private static String text(Random random, int parts, boolean unknown) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      String key = pick(random, KEYS);
      out.add(
          switch (random.nextInt(6)) {
            case 0 -> "{{" + key + "}}";
            case 1 ->
                "{{" + key + "|" + pick(random, new String[] {"", "your team", "there"}) + "}}";
            case 2 -> "{{#" + key + "}}about {{" + key + "}}{{/" + key + "}}";
            case 3 -> "{{^" + key + "}}" + pick(random, WORDS) + "{{/" + key + "}}";
            default -> pick(random, WORDS);
          });
    }
    if (unknown) {
      out.add(random.nextInt(out.size() + 1), "{{" + pick(random, UNKNOWN) + "}}");
    }
    return String.join(" ", out);
  }

  private static MessageContext context(Random random, Plan plan) {
    return new MessageContext(
        new MessageContext.Recipient(
            random.nextLong(), odd(random), odd(random), odd(random), odd(random), odd(random)),
        new MessageContext.Sender(odd(random), odd(random), odd(random), plan),
        new MessageContext.History(odd(random), odd(random), odd(random), odd(random)));
  }

  private static String odd(Random random) {
    return pick(random, ODD_VALUES);
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static int codePoints(String text) {
    return text.codePointCount(0, text.length());
  }
}
