package dev.warmreach.coachdata;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warmreach.message.PhraseBook;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * Loads the coach's phrase lists, shipped as {@code coach/LANGUAGE.json} on the classpath. It lives
 * outside {@code message}, which does no I/O: the coach takes the lists as a {@link PhraseBook}.
 */
public final class PhraseBooks {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

  private PhraseBooks() {}

  /** The English phrase lists. */
  public static PhraseBook english() {
    return load("en");
  }

  /**
   * The phrase lists for {@code language}, e.g. {@code en}.
   *
   * @throws IllegalArgumentException when none ship for that language
   */
  public static PhraseBook load(String language) {
    if (language == null || !LANGUAGE.matcher(language).matches()) {
      throw new IllegalArgumentException("'" + language + "' is not a language code like en");
    }
    String resource = "/coach/" + language + ".json";
    try (InputStream in = PhraseBooks.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("the coach has no phrase lists for '" + language + "'");
      }
      PhraseBook book = JSON.readValue(in, PhraseBook.class);
      if (!book.language().equals(language)) {
        throw new IllegalStateException(
            resource + " says it is '" + book.language() + "', not '" + language + "'");
      }
      return book;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the coach's phrase lists " + resource, e);
    }
  }
}
