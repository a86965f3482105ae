package dev.warmreach.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which tags split a campaign's segments: only those that divide its prospects into big groups. */
class SegmentTagsTest {

  @Test
  void keepsTheTwoMostCarriedTagsThatSplitTheProspectsAndNoOthers() {
    Map<String, Long> carriers =
        Map.of(
            "fintech", 600L, // 60%: splits them
            "saas", 150L, // 15%: splits them
            "dach", 120L, // 12%: splits them, but a third
            "q1-list", 1_000L, // everyone: tells no one apart
            "event-lead", 50L, // 5%: too few
            "high-value", 300L); // already in the segment

    assertThat(SegmentTags.chosen(carriers, 1_000, "high-value"))
        .containsExactlyInAnyOrder("fintech", "saas");
  }

  @Test
  void aSmallCampaignNeedsTwentyCarriersAndTiesGoByName() {
    assertThat(SegmentTags.chosen(Map.of("a", 19L, "b", 40L), 100, null)).containsExactly("b");
    assertThat(SegmentTags.chosen(Map.of("z", 30L, "y", 30L, "x", 30L), 100, null))
        .containsExactlyInAnyOrder("x", "y");
    assertThat(SegmentTags.chosen(Map.of("a", 95L), 100, null)).isEmpty();
    assertThat(SegmentTags.chosen(Map.of(), 0, "high-value")).isEmpty();
  }
}
