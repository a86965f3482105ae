package dev.warmreach.message;

/** A {@link PhraseBook} compiled once for the coach. Immutable and thread-safe. */
record Matchers(
    Phrases networkBoilerplate,
    Phrases genericOpeners,
    Phrases personalCues,
    Phrases pitch,
    Phrases meetingRequests,
    Phrases highCommitmentAsks,
    Phrases requests,
    Phrases referralAsks,
    Phrases resourceAsks,
    Phrases subjectCliches,
    Phrases salesyWords,
    Phrases placeholders) {

  static Matchers of(PhraseBook book) {
    return new Matchers(
        Phrases.of(book.networkBoilerplate()),
        Phrases.of(book.genericOpeners()),
        Phrases.of(book.personalCues()),
        Phrases.of(book.pitch()),
        Phrases.of(book.meetingRequests()),
        Phrases.of(book.highCommitmentAsks()),
        Phrases.of(book.requests()),
        Phrases.of(book.referralAsks()),
        Phrases.of(book.resourceAsks()),
        Phrases.whole(book.subjectCliches()),
        Phrases.of(book.salesyWords()),
        Phrases.of(book.placeholders()));
  }
}
