package dev.warmreach.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A duration on the command line as people write it ({@code 500ms}, {@code 1s}, {@code 2m}, {@code
 * 1h}, {@code 1d}) or in ISO-8601 ({@code PT1S}); anything else is a usage error that shows both.
 */
final class DurationOption implements ITypeConverter<Duration> {

  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

  @Override
  public Duration convert(String value) {
    Duration duration = parse(value);
    if (duration.isNegative() || duration.isZero()) {
      throw new TypeConversionException("'" + value + "' must be longer than zero, e.g. 1s");
    }
    return duration;
  }

  private static Duration parse(String value) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    Matcher m = SHORT.matcher(text);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(text.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(
          "'" + value + "' is not a duration; write e.g. 500ms, 1s, 2m, 1h or ISO-8601 PT1S");
    }
  }
}
