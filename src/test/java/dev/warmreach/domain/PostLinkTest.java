package dev.warmreach.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A post named by its LinkedIn id and address, as clients give them. */
class PostLinkTest {

  private static PostLink valid(String id, String url) {
    PostLink.Read read = PostLink.read(id, url);
    assertThat(read).isInstanceOf(PostLink.Valid.class);
    return ((PostLink.Valid) read).post();
  }

  private static PostLink.Invalid invalid(String id, String url) {
    PostLink.Read read = PostLink.read(id, url);
    assertThat(read).isInstanceOf(PostLink.Invalid.class);
    return (PostLink.Invalid) read;
  }

  @Test
  void anActivityIdAloneOpensAtItsFeedAddress() {
    PostLink post = valid("urn:li:activity:7290000000000000000", null);

    assertThat(post.href())
        .isEqualTo("https://www.linkedin.com/feed/update/urn:li:activity:7290000000000000000/");
  }

  @Test
  void anAddressGivesTheIdItHolds() {
    assertThat(
            valid(null, "https://www.linkedin.com/feed/update/urn:li:ugcPost:7290000000000000001/")
                .socialId())
        .isEqualTo("urn:li:ugcPost:7290000000000000001");
    assertThat(
            valid(
                    null,
                    "https://www.linkedin.com/posts/maria-keller_sdr-activity-7290000000000000002-x1Yz")
                .socialId())
        .isEqualTo("urn:li:activity:7290000000000000002");
    assertThat(
            valid(null, "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A42/").socialId())
        .isEqualTo("urn:li:share:42");
  }

  @Test
  void nothingGivenNamesNoPost() {
    assertThat(valid(null, null).none()).isTrue();
    assertThat(valid(" ", "").none()).isTrue();
  }

  @Test
  void refusesWhatIsNotALinkedInPostNamingTheField() {
    assertThat(invalid("7290000000000000000", null).field()).isEqualTo("postId");
    assertThat(invalid("urn:li:activity:" + "1".repeat(100), null).field()).isEqualTo("postId");
    assertThat(invalid(null, "http://www.linkedin.com/feed/update/urn:li:activity:1/").message())
        .contains("not a LinkedIn post link");
    assertThat(invalid(null, "https://linkedin.com.evil.example/posts/x").message())
        .contains("not a LinkedIn post link");
    assertThat(invalid(null, "https://www.linkedin.com/in/maria-keller").message())
        .contains("not a post's");
    assertThat(invalid(null, "https://www.linkedin.com/posts/a b").field()).isEqualTo("postUrl");
    assertThat(
            invalid("urn:li:activity:1", "https://www.linkedin.com/feed/update/urn:li:activity:2/")
                .message())
        .contains("give one post");
  }
}
