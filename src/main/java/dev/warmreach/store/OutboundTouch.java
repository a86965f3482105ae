package dev.warmreach.store;

import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.Touch;
import java.util.Objects;

/** A touch with what an executor needs to send it: the prospect and the campaign's name. */
public record OutboundTouch(Touch touch, Prospect prospect, String campaign) {

  public OutboundTouch {
    Objects.requireNonNull(touch, "touch");
    Objects.requireNonNull(prospect, "prospect");
    Objects.requireNonNull(campaign, "campaign");
  }
}
