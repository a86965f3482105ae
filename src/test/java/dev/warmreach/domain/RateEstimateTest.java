package dev.warmreach.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The 95% Wilson interval against values from the literature (Newcombe 1998, method 3). */
class RateEstimateTest {

  @Test
  void matchesPublishedWilsonIntervals() {
    RateEstimate half = RateEstimate.wilson95(5, 10);
    RateEstimate none = RateEstimate.wilson95(0, 10);
    RateEstimate all = RateEstimate.wilson95(10, 10);
    RateEstimate newcombe = RateEstimate.wilson95(81, 263);

    assertThat(half.low()).isCloseTo(0.2366, within(1e-4));
    assertThat(half.high()).isCloseTo(0.7634, within(1e-4));
    assertThat(none.low()).isZero();
    assertThat(none.high()).isCloseTo(0.2775, within(1e-4));
    assertThat(all.high()).isEqualTo(1.0);
    assertThat(all.low()).isCloseTo(0.7225, within(1e-4));
    assertThat(newcombe.low()).isCloseTo(0.2553, within(1e-4));
    assertThat(newcombe.high()).isCloseTo(0.3662, within(1e-4));
  }

  @Test
  void nothingTriedSaysNothingAndImpossibleSamplesAreRefused() {
    RateEstimate empty = RateEstimate.wilson95(0, 0);

    assertThat(empty.rate()).isZero();
    assertThat(empty.low()).isZero();
    assertThat(empty.high()).isEqualTo(1.0);
    assertThatThrownBy(() -> RateEstimate.wilson95(3, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
