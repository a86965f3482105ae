package dev.warmreach.domain;

import java.util.Objects;

/**
 * The text of one touch, rendered for its prospect: what is sent, or what the task inbox shows to
 * copy.
 *
 * @param variant the A/B variant it came from: A, B, C …
 * @param subject the subject line for InMail and email; empty for the other channels
 * @param personalised whether the coach judged the template personal (a post, a milestone, a mutual
 *     connection) rather than generic
 * @param post for a warm-up, the post it engages with when known; else {@link PostLink#NONE}
 */
public record Message(
    String variant, String subject, String body, boolean personalised, PostLink post) {

  public Message {
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    post = post == null ? PostLink.NONE : post;
  }

  /** A text that names no post. */
  public Message(String variant, String subject, String body, boolean personalised) {
    this(variant, subject, body, personalised, PostLink.NONE);
  }
}
