package dev.warmreach.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which LinkedIn post something is about: its id as LinkedIn and the provider name it (the {@code
 * social_id}, e.g. {@code urn:li:activity:7290000000000000000}) and its address. Either may be
 * empty; {@link #NONE} names no post. An address is kept as given; without one, an activity's
 * address is made from its id ({@link #href}).
 *
 * @param socialId the post's urn; empty when unknown
 * @param url the post's address on linkedin.com; empty when unknown
 */
public record PostLink(String socialId, String url) {

  /** No post named. */
  public static final PostLink NONE = new PostLink("", "");

  /** The longest post id taken; LinkedIn's are about 40 characters. */
  public static final int MAX_ID = 100;

  /** The longest post address taken. */
  public static final int MAX_URL = 500;

  private static final Pattern ID = Pattern.compile("urn:li:(activity|ugcPost|share):[0-9]{1,30}");
  // A shared post's address: /posts/{author}_{words}-activity-{number}-{suffix}
  private static final Pattern ACTIVITY_IN_SLUG = Pattern.compile("-activity-([0-9]{1,30})-");

  public PostLink {
    socialId = socialId == null ? "" : socialId.strip();
    url = url == null ? "" : url.strip();
  }

  /** Whether no post is named. */
  public boolean none() {
    return socialId.isEmpty() && url.isEmpty();
  }

  /** Where a person opens the post: its address, else one made from its id; empty when neither. */
  public String href() {
    if (!url.isEmpty()) {
      return url;
    }
    return socialId.isEmpty() ? "" : "https://www.linkedin.com/feed/update/" + socialId + "/";
  }

  /**
   * A post named by an id and an address as a client gave them (either may be null), or what is
   * wrong with them. An address that holds the post's id gives the id when none was given; both
   * given must name the same post.
   */
  public static Read read(String socialId, String url) {
    String id = socialId == null ? "" : socialId.strip();
    String address = url == null ? "" : url.strip();
    if (!id.isEmpty()) {
      if (id.length() > MAX_ID) {
        return new Invalid(
            "postId", "has " + id.length() + " characters; a post id has at most " + MAX_ID);
      }
      if (!ID.matcher(id).matches()) {
        return new Invalid(
            "postId",
            "'"
                + id
                + "' is not a LinkedIn post id; give its urn, e.g."
                + " urn:li:activity:7290000000000000000");
      }
    }
    String inAddress = "";
    if (!address.isEmpty()) {
      if (address.length() > MAX_URL) {
        return new Invalid(
            "postUrl", "has " + address.length() + " characters; use at most " + MAX_URL);
      }
      Optional<String> problem = addressProblem(address);
      if (problem.isPresent()) {
        return new Invalid("postUrl", "'" + address + "' " + problem.get());
      }
      inAddress = idIn(address).orElse("");
    }
    if (!id.isEmpty() && !inAddress.isEmpty() && !id.equals(inAddress)) {
      return new Invalid(
          "postUrl", "names the post " + inAddress + ", not the postId " + id + "; give one post");
    }
    return new Valid(new PostLink(id.isEmpty() ? inAddress : id, address));
  }

  /** What {@link #read} made of a post's id and address. */
  public sealed interface Read {}

  /** The post named (possibly {@link #NONE}). */
  public record Valid(PostLink post) implements Read {}

  /** What is wrong, naming the field ({@code postId} or {@code postUrl}). */
  public record Invalid(String field, String message) implements Read {}

  private static Optional<String> addressProblem(String address) {
    URI uri;
    try {
      uri = new URI(address);
    } catch (URISyntaxException e) {
      return Optional.of(
          "is not an address; give the post's link, e.g."
              + " https://www.linkedin.com/feed/update/urn:li:activity:7290000000000000000/");
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    boolean linkedIn = host.equals("linkedin.com") || host.endsWith(".linkedin.com");
    if (!"https".equalsIgnoreCase(uri.getScheme()) || !linkedIn) {
      return Optional.of(
          "is not a LinkedIn post link; give an https://www.linkedin.com/feed/update/… or"
              + " https://www.linkedin.com/posts/… address");
    }
    if (!path.startsWith("/feed/update/") && !path.startsWith("/posts/")) {
      return Optional.of(
          "is a LinkedIn address but not a post's; a post's starts with"
              + " https://www.linkedin.com/feed/update/ or https://www.linkedin.com/posts/");
    }
    return Optional.empty();
  }

  /** The post id an address holds: the urn after /feed/update/, or a shared post's activity. */
  static Optional<String> idIn(String address) {
    String decoded = address.replace("%3A", ":").replace("%3a", ":");
    Matcher urn = ID.matcher(decoded);
    if (urn.find()) {
      return Optional.of(urn.group());
    }
    Matcher slug = ACTIVITY_IN_SLUG.matcher(decoded);
    return slug.find() ? Optional.of("urn:li:activity:" + slug.group(1)) : Optional.empty();
  }
}
