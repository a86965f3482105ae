package dev.warmreach.store.jdbc;

import java.util.regex.Pattern;

/**
 * Database URLs as messages and logs may show them: a password given in the URL (as {@code
 * password=…} or as {@code user:password@}) is masked, so an error about a database that cannot be
 * reached does not hand its credentials to whoever reads the output. Stateless.
 */
final class DatabaseUrls {

  private static final String MASK = "***";

  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;]password=)[^&;]*");

  private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]*:)[^/@]*@");

  private DatabaseUrls() {}

  /** {@code url} with any password in it masked. */
  static String shown(String url) {
    String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1" + MASK);
    return USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
  }
}
