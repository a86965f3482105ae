package dev.warmreach.web.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where the pages find their scripts: htmx and Chart.js come from their webjars (served under
 * {@code /webjars}), so the dashboard works with no network beyond this server.
 */
public record Assets(String htmx, String chartJs) {

  public static Assets fromWebjars() {
    return new Assets(
        "/webjars/htmx.org/" + version("htmx.org") + "/dist/htmx.min.js",
        "/webjars/chart.js/" + version("chart.js") + "/dist/chart.umd.min.js");
  }

  private static String version(String webjar) {
    String path = "/META-INF/maven/org.webjars.npm/" + webjar + "/pom.properties";
    try (InputStream in = Assets.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the " + webjar + " webjar is missing from the classpath");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
