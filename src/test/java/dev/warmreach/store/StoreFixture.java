package dev.warmreach.store;

import static dev.warmreach.testing.AProspect.aProspect;

import dev.warmreach.domain.Enrollment;
import dev.warmreach.domain.Touch;
import dev.warmreach.testing.PlannedTouches;
import dev.warmreach.testing.SettableClock;
import java.time.Instant;

/**
 * What the parts of the store contract share: the store under test on an empty database, its clock,
 * and a second store on the same database, as another node would open it.
 */
interface StoreFixture {

  Instant START = Instant.parse("2026-03-02T08:15:30.123Z");

  Store store();

  SettableClock clock();

  /** Opens a second store on the same database as {@link #store()}; the caller closes it. */
  Store reopenStore(SettableClock clock);

  /** A planned email touch to Ana, due now, its enrollment waiting for an answer after it. */
  default Touch anEmailTouch() {
    return PlannedTouches.email(
        store(),
        aProspect().withEmail("ana@northwind.example").build(),
        "Your post on SDR ramp time",
        "Hi Ana, …",
        clock().instant());
  }

  /** The enrollment a touch was planned for, as stored now. */
  default Enrollment enrollmentOf(Touch touch) {
    return store().campaigns().enrollmentsOf(touch.prospectId()).stream()
        .filter(e -> e.id() == touch.enrollmentId())
        .findFirst()
        .orElseThrow();
  }
}
