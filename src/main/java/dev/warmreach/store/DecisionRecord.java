package dev.warmreach.store;

import java.time.Instant;

/** A decision the policy made for an enrollment's step, with its reasons in one line. */
public record DecisionRecord(
    long enrollmentId, long prospectId, String step, String kind, String summary, Instant at) {}
