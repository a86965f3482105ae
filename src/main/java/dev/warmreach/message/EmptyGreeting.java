package dev.warmreach.message;

import java.util.regex.Pattern;

/**
 * Recognises a greeting whose name went missing: "Hi ,", "Hello !", "Dear Dr. ,", a first line that
 * is one word and trailing spaces ("Hi "), or a first word followed by two spaces ("Hi I saw…"). A
 * space before the punctuation, or a doubled one, is the tell: it is what an empty value leaves
 * behind. Works for any language, so it needs no phrase list.
 */
final class EmptyGreeting {

  private static final Pattern EMPTY =
      Pattern.compile(
          "\\A\\s*(?:\\p{L}[\\p{L}'’.-]*(?:[ \\t\\u00A0]+\\p{L}[\\p{L}'’.-]*)?"
              + "[ \\t\\u00A0]+[,!.:;?]"
              + "|\\p{L}[\\p{L}'’.-]*(?:[ \\t\\u00A0]+(?:\\R|\\z)|[ \\t\\u00A0]{2,}))");

  private EmptyGreeting() {}

  static boolean startsWith(String text) {
    return EMPTY.matcher(text).find();
  }
}
