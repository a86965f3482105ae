package dev.warmreach.execute.provider;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.PostLink;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.Backoff;
import dev.warmreach.execute.Executor;
import dev.warmreach.execute.provider.LinkedInProvider.InmailApi;
import dev.warmreach.execute.provider.LinkedInProvider.Post;
import dev.warmreach.execute.provider.LinkedInProvider.ProviderProfile;
import dev.warmreach.live.ScaledClock;
import dev.warmreach.store.Deliveries;
import dev.warmreach.store.Delivery;
import dev.warmreach.store.DoNotContactList;
import dev.warmreach.store.EngineSteps;
import dev.warmreach.store.OutboundTouch;
import dev.warmreach.store.ProviderLinks;
import dev.warmreach.store.ProviderLinks.LinkedAccount;
import dev.warmreach.store.ProviderLinks.Pause;
import dev.warmreach.store.ProviderLinks.ProviderChat;
import dev.warmreach.store.ProviderLinks.ProviderPerson;
import dev.warmreach.store.SenderAccounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * Carries out the LinkedIn touches through the provider (SPEC §7): the warm-up (a reaction to their
 * latest post, and a comment when the touch carries one), the connection request with its note, the
 * DM and the InMail; each at most once.
 *
 * <p>Why at most once: before the call the touch's {@link Delivery.Kind#PROVIDER} delivery is
 * claimed as {@code SENDING}, and just before the call that acts on LinkedIn it records the
 * sent-marker ({@code HANDING_OVER}); after the provider answers, the delivery is {@code SENT} and
 * the touch done in one transaction. A crash after the marker, or a call that got no answer, leaves
 * the executor unsure; {@link UnknownOutcomeRecovery} then asks the provider before sending again.
 *
 * <p>The provider's errors mean something to the user: already connected moves the sequence on to
 * the DM; already invited counts as pending; a limit pauses that kind of action on the account
 * until the next day and halves its cap for the rest of the week; lost credentials hold the
 * account's touches until it is linked again; an unavailable provider is tried again with {@link
 * Backoff}. Thread-safe.
 */
public final class ProviderExecutor implements Executor {

  /**
   * How long an account that is not linked, or not OK, waits before its touches are looked at
   * again.
   */
  static final Duration RELINK_WAIT = Duration.ofHours(1);

  private final LinkedInProvider provider;
  private final Deliveries deliveries;
  private final DoNotContactList doNotContact;
  private final ProviderLinks links;
  private final EngineSteps events;
  private final SenderAccounts accounts;
  private final ProviderPacing pacing;
  private final Backoff retries;
  private final Duration timeout;
  private final Clock clock;
  private final RandomGenerator random;
  private final Map<String, Instant> nextAllowed = new ConcurrentHashMap<>();
  private final UnknownOutcomeRecovery recovery;

  public ProviderExecutor(
      LinkedInProvider provider,
      Deliveries deliveries,
      DoNotContactList doNotContact,
      ProviderLinks links,
      EngineSteps events,
      SenderAccounts accounts,
      ProviderPacing pacing,
      Backoff retries,
      Duration timeout,
      Clock clock,
      RandomGenerator random) {
    this.provider = provider;
    this.deliveries = deliveries;
    this.doNotContact = doNotContact;
    this.links = links;
    this.events = events;
    this.accounts = accounts;
    this.pacing = pacing;
    this.retries = retries;
    this.timeout = timeout;
    this.clock = clock;
    this.random = random;
    this.recovery = new UnknownOutcomeRecovery(provider, deliveries, links, retries, clock);
  }

  @Override
  public Set<Channel> channels() {
    return Set.of(Channel.ENGAGE, Channel.CONNECT, Channel.DM, Channel.INMAIL);
  }

  /** The LinkedIn touches of the sender accounts linked to the provider. */
  @Override
  public boolean carries(Touch touch) {
    return channels().contains(touch.channel())
        && links.linkedAccount(touch.senderAccount()).isPresent();
  }

  @Override
  public void execute(Touch touch) {
    if (!channels().contains(touch.channel())) {
      throw new IllegalArgumentException(
          "the provider executor carries out LinkedIn touches only, not " + touch.channel());
    }
    Optional<OutboundTouch> outbound = deliveries.outboundTouch(touch.idempotencyKey());
    if (outbound.isEmpty()) {
      return; // the prospect was erased since the touch was planned
    }
    Instant now = clock.instant();
    Optional<LinkedAccount> linked = links.linkedAccount(touch.senderAccount());
    Delivery delivery =
        deliveries.openDelivery(
            touch.idempotencyKey(),
            Delivery.Kind.PROVIDER,
            linked.map(LinkedAccount::providerAccountId).orElse(""),
            now);
    boolean lapsed = delivery.nextAttemptAt() == null || !delivery.nextAttemptAt().isAfter(now);
    switch (delivery.status()) {
      case PENDING -> attempt(delivery, outbound.get(), linked, now);
      case SENDING -> {
        // A lapsed claim without the sent-marker: its sender died before the call that acts. A
        // warm-up's reaction was never asked for, so it is sent again; a request or a message is
        // asked about anyway (the answer is exact, and a claim left by an earlier version of
        // Warmreach has no marker).
        if (!lapsed) {
          return;
        }
        if (touch.channel() == Channel.ENGAGE) {
          if (deliveries.reopenLapsedClaim(delivery.id(), delivery.attempts(), now)) {
            attempt(deliveries.delivery(delivery.id()).orElseThrow(), outbound.get(), linked, now);
          }
        } else {
          recovery.recover(
              delivery,
              outbound.get(),
              linked,
              now,
              "interrupted while calling the provider",
              0,
              delivery.updatedAt());
        }
      }
      case HANDING_OVER -> {
        // A lapsed claim with the sent-marker: its sender died during the call that acts, or
        // between the provider's answer and the record. Ask before sending again.
        if (lapsed) {
          recovery.recover(
              delivery,
              outbound.get(),
              linked,
              now,
              "interrupted while calling the provider",
              0,
              delivery.updatedAt());
        }
      }
      case SENT, SKIPPED, FAILED, DEAD, UNCERTAIN -> {
        // settled together with its touch; nothing to do
      }
    }
  }

  private void attempt(
      Delivery delivery, OutboundTouch outbound, Optional<LinkedAccount> linked, Instant now) {
    if (!delivery.isDue(now)) {
      return;
    }
    Touch touch = outbound.touch();
    Prospect prospect = outbound.prospect();
    if (prospect.doNotContact()
        || doNotContact.isDoNotContact(prospect.profile().profileUrl(), null)) {
      settle(
          delivery,
          Delivery.Status.SKIPPED,
          "the prospect is on the do-not-contact list",
          Touch.Status.SKIPPED);
      return;
    }
    if (linked.isEmpty()) {
      hold(
          delivery,
          now.plus(RELINK_WAIT),
          "the sender account "
              + touch.senderAccount()
              + " is not linked to the LinkedIn provider; run `warmreach accounts link "
              + touch.senderAccount()
              + "`",
          now);
      return;
    }
    if (!linked.get().ok()) {
      hold(delivery, now.plus(RELINK_WAIT), notOk(linked.get()), now);
      return;
    }
    Optional<SenderAccount> account = accounts.account(touch.senderAccount());
    if (account.isEmpty()) {
      settle(
          delivery,
          Delivery.Status.FAILED,
          "the sender account " + touch.senderAccount() + " no longer exists",
          Touch.Status.FAILED);
      return;
    }
    Optional<Instant> held = heldUntil(account.get(), touch.channel(), now);
    if (held.isPresent()) {
      hold(delivery, held.get(), heldReason(account.get(), touch.channel(), now), now);
      return;
    }
    Instant claimUntil = now.plus(ScaledClock.span(clock, timeout.multipliedBy(6)));
    if (touch.channel() == Channel.ENGAGE
        && links.earlierWarmUpUnsettled(
            touch.senderAccount(), prospect.id(), touch.idempotencyKey())) {
      // Rounds go in order: a like made now could not be told from an earlier round's whose
      // outcome is still being checked, and each round's record must say what LinkedIn shows.
      hold(delivery, claimUntil, EARLIER_ROUND_UNSETTLED, now);
      return;
    }
    if (!deliveries.claimDelivery(
        delivery.id(), delivery.attempts(), Delivery.Status.SENDING, now, claimUntil)) {
      return; // another node has it
    }
    int attemptsMade = delivery.attempts() + 1;
    String accountId = linked.get().providerAccountId();
    SentMarker marker = new SentMarker(delivery.id(), attemptsMade, now);
    try {
      Outcome outcome = call(outbound, account.get(), accountId, marker);
      if (outcome == Outcome.CLAIM_LOST) {
        return; // the claim lapsed and another node took the touch over before the call
      }
      paced(touch, now);
      // Done as of the attempt, whose time the limits were checked at (at a sped-up clock the
      // call itself can last minutes).
      deliveries.settleDelivery(
          delivery.id(), outcome.status(), outcome.reason(), outcome.touchStatus(), now);
    } catch (ProviderFailure failure) {
      failed(delivery, outbound, linked.get(), account.get(), failure, attemptsMade, marker);
    }
  }

  /**
   * The sent-marker of one attempt: recorded ({@code SENDING → HANDING_OVER}) just before the first
   * call that acts on LinkedIn, so a lapsed claim tells whether that call may have been made.
   */
  private final class SentMarker {
    private final long deliveryId;
    private final int attempt;
    private final Instant startedAt;
    private boolean recorded;

    SentMarker(long deliveryId, int attempt, Instant startedAt) {
      this.deliveryId = deliveryId;
      this.attempt = attempt;
      this.startedAt = startedAt;
    }

    /** When the attempt began (and its limits were checked). */
    Instant startedAt() {
      return startedAt;
    }

    /** Records the marker; false when the claim is no longer this attempt's: then do not call. */
    boolean record() {
      if (!recorded) {
        // Stamped with the attempt's start, the instant its working hours were checked: the
        // touch is done as of then, even when the call comes a sped-up minute later.
        recorded = deliveries.markHandingOver(deliveryId, attempt, startedAt);
      }
      return recorded;
    }

    /** Whether a call that acts may have been made in this attempt. */
    boolean recorded() {
      return recorded;
    }

    /** An attempt after an earlier one that may have gone through in part. */
    boolean retry() {
      return attempt > 1;
    }
  }

  /** What a call did: the delivery's and the touch's outcome. */
  private record Outcome(Delivery.Status status, String reason, Touch.Status touchStatus) {
    static Outcome sent(String reason) {
      return new Outcome(Delivery.Status.SENT, reason, Touch.Status.DONE);
    }

    static Outcome skipped(String reason) {
      return new Outcome(Delivery.Status.SKIPPED, reason, Touch.Status.SKIPPED);
    }

    /** Nothing was called: the sent-marker could not be recorded, the claim is another's. */
    static final Outcome CLAIM_LOST =
        new Outcome(Delivery.Status.PENDING, "", Touch.Status.PLANNED);
  }

  private Outcome call(
      OutboundTouch outbound, SenderAccount account, String accountId, SentMarker marker) {
    Touch touch = outbound.touch();
    ProviderPerson person = person(outbound.prospect(), accountId);
    return switch (touch.channel()) {
      case CONNECT -> invite(outbound, accountId, person, marker);
      case DM -> {
        String text = text(touch);
        Optional<ProviderChat> chat = links.chat(touch.senderAccount(), person.providerId());
        if (!marker.record()) {
          yield Outcome.CLAIM_LOST;
        }
        if (chat.isPresent()) {
          provider.sendMessage(chat.get().chatId(), text);
        } else {
          var started = provider.startChat(accountId, person.providerId(), text, null, null);
          links.saveChat(
              new ProviderChat(
                  touch.senderAccount(),
                  person.providerId(),
                  started.chatId(),
                  Channel.DM,
                  clock.instant()));
        }
        yield Outcome.sent("");
      }
      case INMAIL -> {
        String text = text(touch);
        if (!marker.record()) {
          yield Outcome.CLAIM_LOST;
        }
        var started =
            provider.startChat(
                accountId,
                person.providerId(),
                text,
                touch.message().subject(),
                inmailApi(account.plan()));
        links.saveChat(
            new ProviderChat(
                touch.senderAccount(),
                person.providerId(),
                started.chatId(),
                Channel.INMAIL,
                clock.instant()));
        yield Outcome.sent("");
      }
      case ENGAGE -> engage(touch, accountId, person, marker);
      case EMAIL -> throw new IllegalArgumentException("email is not a LinkedIn touch");
    };
  }

  private Outcome invite(
      OutboundTouch outbound, String accountId, ProviderPerson person, SentMarker marker) {
    Touch touch = outbound.touch();
    if ("FIRST_DEGREE".equals(person.networkDistance())) {
      alreadyConnected(outbound);
      return Outcome.skipped(ALREADY_CONNECTED);
    }
    String note = touch.withNote() && touch.message() != null ? touch.message().body() : null;
    if (!marker.record()) {
      return Outcome.CLAIM_LOST;
    }
    String invitationId = provider.invite(accountId, person.providerId(), note);
    if (invitationId != null && !invitationId.isBlank()) {
      // Kept before the touch is settled: after a crash here, the id says the request went out.
      links.saveInvitation(touch.idempotencyKey(), invitationId, clock.instant());
    }
    return Outcome.sent("");
  }

  /**
   * Likes the post the touch names (from the event that reported it), else their latest post the
   * account may react to, whose id is then kept with the touch as a named post's is; comments on it
   * when the touch carries a comment.
   */
  private Outcome engage(Touch touch, String accountId, ProviderPerson person, SentMarker marker) {
    Optional<Post> latest = targetPost(provider, touch, accountId, person.providerId());
    if (latest.isEmpty()) {
      return Outcome.skipped("they have no recent post to react to");
    }
    String socialId = latest.get().socialId();
    String comment = comment(touch, latest.get());
    // An earlier round liked this very post (they have posted nothing since): LinkedIn keeps one
    // like per member and post, so liking it again would show them nothing new.
    boolean likedEarlier = recovery.earlierRoundLiked(touch, socialId);
    if (likedEarlier && comment.isEmpty()) {
      return Outcome.skipped(LIKED_IN_AN_EARLIER_ROUND);
    }
    // Trying again after an attempt that may have gone through in part (the like, not the
    // comment): what the post already shows from the account is not sent again.
    boolean liked = likedEarlier || (marker.retry() && recovery.liked(accountId, socialId));
    boolean commented =
        liked && !comment.isEmpty() && recovery.commented(accountId, socialId, comment);
    // Kept before the call, so that a recovery after a crash asks about this post, not about a
    // newer one they published meanwhile.
    keepPost(deliveries, touch, socialId);
    if (!marker.record()) {
      return Outcome.CLAIM_LOST;
    }
    if (!liked) {
      provider.react(accountId, socialId, "like");
    }
    if (!comment.isEmpty() && !commented) {
      provider.comment(accountId, socialId, comment);
    }
    return Outcome.sent(likedEarlier ? "commented only: " + LIKED_IN_AN_EARLIER_ROUND : "");
  }

  private static final String EARLIER_ROUND_UNSETTLED =
      "waits for an earlier warm-up round to this person from this account to be settled";

  private static final String LIKED_IN_AN_EARLIER_ROUND =
      "their latest post already has the like of an earlier warm-up round and they have posted"
          + " nothing since; LinkedIn keeps one like per post, so nothing new to react to";

  /**
   * The post a warm-up engages with: the one the touch names (an event reported it), else their
   * latest one the account may react to.
   */
  static Optional<Post> targetPost(
      LinkedInProvider provider, Touch touch, String accountId, String providerId) {
    Optional<String> named = namedPost(touch);
    if (named.isPresent()) {
      return Optional.of(new Post(named.get(), "", "", true, true));
    }
    return provider.posts(accountId, providerId).stream().filter(Post::canReact).findFirst();
  }

  /**
   * Keeps on the touch the post a warm-up chose, when no event named one (a post already kept
   * stays): the later rounds and any recovery judge the round by that post.
   */
  static void keepPost(Deliveries deliveries, Touch touch, String socialId) {
    if (namedPost(touch).isEmpty()
        && PostLink.read(socialId, null) instanceof PostLink.Valid valid) {
      deliveries.notePost(touch.idempotencyKey(), valid.post());
    }
  }

  /** The social id of the post the touch names, if an event named one. */
  static Optional<String> namedPost(Touch touch) {
    String named = touch.message() == null ? "" : touch.message().post().socialId();
    return named.isEmpty() ? Optional.empty() : Optional.of(named);
  }

  /** The comment a warm-up posts on {@code post}, or empty when it posts none. */
  static String comment(Touch touch, Post post) {
    String comment = touch.message() == null ? "" : touch.message().body();
    return comment.isBlank() || !post.canComment() ? "" : comment;
  }

  private static final String ALREADY_CONNECTED =
      "already connected on LinkedIn: marked connected, the sequence goes on to the DM";

  /** The person as the provider knows them: looked up once from the profile URL, then kept. */
  private ProviderPerson person(Prospect prospect, String accountId) {
    Optional<ProviderPerson> known = links.person(prospect.id());
    if (known.isPresent()) {
      return known.get();
    }
    ProviderProfile profile = profile(prospect, accountId);
    ProviderPerson person =
        new ProviderPerson(
            prospect.id(),
            profile.providerId(),
            profile.networkDistance(),
            profile.openProfile(),
            clock.instant());
    links.savePerson(person);
    return person;
  }

  /**
   * The person's profile at the provider: by the slug of their public profile, or by their Sales
   * Navigator lead id when a lead list gave no public profile.
   */
  private ProviderProfile profile(Prospect prospect, String accountId) {
    return lookUp(provider, prospect, accountId);
  }

  static ProviderProfile lookUp(LinkedInProvider provider, Prospect prospect, String accountId) {
    return prospect.profile().profileUrl() == null && prospect.profile().leadId() != null
        ? provider.profileByLeadId(accountId, prospect.profile().leadId())
        : provider.profile(accountId, publicIdentifier(prospect));
  }

  /** The part of the profile URL the provider looks people up by: the slug after /in/. */
  static String publicIdentifier(Prospect prospect) {
    String url = prospect.profile().profileUrl().value();
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private void alreadyConnected(OutboundTouch outbound) {
    long prospectId = outbound.prospect().id();
    events.recordEvent(
        new Event.Accepted(
            prospectId,
            clock.instant(),
            acceptedKey(outbound.touch().senderAccount(), prospectId)));
  }

  /**
   * The one key under which an acceptance from the provider is recorded, whichever source sees it
   * first (the webhook, the poll, an already-connected answer), so it is applied once.
   */
  public static String acceptedKey(String senderAccount, long prospectId) {
    return "provider:accepted:" + senderAccount + ":" + prospectId;
  }

  private void failed(
      Delivery delivery,
      OutboundTouch outbound,
      LinkedAccount linked,
      SenderAccount account,
      ProviderFailure failure,
      int attemptsMade,
      SentMarker marker) {
    Touch touch = outbound.touch();
    Instant after = clock.instant();
    switch (failure.reason()) {
      case ALREADY_CONNECTED -> {
        alreadyConnected(outbound);
        settle(delivery, Delivery.Status.SKIPPED, ALREADY_CONNECTED, Touch.Status.SKIPPED);
      }
      case ALREADY_INVITED ->
          settle(
              delivery,
              Delivery.Status.SENT,
              "LinkedIn has an invitation to them already ("
                  + failure.detail()
                  + "); treated as pending",
              Touch.Status.DONE);
      case LIMIT_REACHED -> {
        Instant until =
            account
                .workingHours()
                .nextOpen(
                    ProviderPacing.startOfNextDay(after, account.timeZone()), account.timeZone());
        String reason =
            "LinkedIn pushed back on "
                + kind(touch.channel())
                + " from "
                + account.name()
                + " ("
                + failure.getMessage()
                + "); paused until the next day, the daily cap halved for the rest of the week";
        links.pause(
            account.name(),
            touch.channel(),
            until,
            ProviderPacing.startOfNextWeek(after, account.timeZone()),
            reason,
            after);
        hold(delivery, until, reason, after);
      }
      case CREDENTIALS -> {
        links.accountStatus(linked.providerAccountId(), "CREDENTIALS", after);
        hold(
            delivery,
            after.plus(RELINK_WAIT),
            notOk(
                    new LinkedAccount(
                        account.name(), linked.providerAccountId(), "CREDENTIALS", after))
                + " ("
                + failure.getMessage()
                + ")",
            after);
      }
      case UNAVAILABLE -> {
        if (failure.status() == 0 && marker.recorded()) {
          // No answer after the call that acts began: it may have gone through; ask first.
          recovery.recover(
              delivery,
              outbound,
              Optional.of(linked),
              after,
              failure.getMessage(),
              attemptsMade,
              marker.startedAt());
          return;
        }
        recovery.retryOrGiveUp(delivery, failure.getMessage(), attemptsMade, after);
      }
      case REFUSED ->
          settle(delivery, Delivery.Status.FAILED, failure.getMessage(), Touch.Status.FAILED);
    }
  }

  private Optional<Instant> heldUntil(SenderAccount account, Channel channel, Instant now) {
    List<Pause> pauses = links.pauses(account.name(), now);
    Optional<Pause> pause = pauses.stream().filter(p -> p.channel() == channel).findFirst();
    if (pause.isPresent() && pause.get().pausedAt(now)) {
      return Optional.of(pause.get().pausedUntil());
    }
    Instant gapEnds = nextAllowed.get(account.name() + "/" + channel);
    if (gapEnds != null && gapEnds.isAfter(now)) {
      return Optional.of(gapEnds);
    }
    int doneToday =
        links.sentSince(
            account.name(), channel, ProviderPacing.startOfDay(now, account.timeZone()));
    return pacing.holdUntil(account, channel, doneToday, pause.isPresent(), now);
  }

  private String heldReason(SenderAccount account, Channel channel, Instant now) {
    Optional<Pause> pause =
        links.pauses(account.name(), now).stream().filter(p -> p.channel() == channel).findFirst();
    if (pause.isPresent() && pause.get().pausedAt(now)) {
      return pause.get().reason();
    }
    if (!account.workingHours().contains(now, account.timeZone())) {
      return "outside " + account.name() + "'s working hours";
    }
    Instant gapEnds = nextAllowed.get(account.name() + "/" + channel);
    if (gapEnds != null && gapEnds.isAfter(now)) {
      return "spacing " + kind(channel) + " from " + account.name() + " at random intervals";
    }
    return account.name()
        + " reached its daily cap of "
        + pacing.cap(channel, pause.isPresent())
        + " "
        + kind(channel)
        + (pause.isPresent() ? " (lowered after LinkedIn pushed back)" : "");
  }

  private void paced(Touch touch, Instant now) {
    nextAllowed.put(touch.senderAccount() + "/" + touch.channel(), now.plus(pacing.gap(random)));
  }

  private void hold(Delivery delivery, Instant until, String reason, Instant now) {
    deliveries.retryDelivery(delivery.id(), until, reason, now);
  }

  private void settle(
      Delivery delivery, Delivery.Status status, String reason, Touch.Status touchStatus) {
    deliveries.settleDelivery(delivery.id(), status, reason, touchStatus, clock.instant());
  }

  static String notOk(LinkedAccount linked) {
    return "the LinkedIn provider reports "
        + linked.senderAccount()
        + " as "
        + linked.status()
        + "; it sends nothing until it is linked again (`warmreach accounts link "
        + linked.senderAccount()
        + "`)";
  }

  static String text(Touch touch) {
    if (touch.message() == null || touch.message().body().isBlank()) {
      throw new ProviderFailure(
          ProviderFailure.Reason.REFUSED, 0, "", "the touch has no text to send");
    }
    return touch.message().body();
  }

  static InmailApi inmailApi(Plan plan) {
    return switch (plan) {
      case SALES_NAVIGATOR -> InmailApi.SALES_NAVIGATOR;
      case RECRUITER -> InmailApi.RECRUITER;
      case FREE, PREMIUM, PREMIUM_BUSINESS -> InmailApi.CLASSIC;
    };
  }

  static String kind(Channel channel) {
    return switch (channel) {
      case ENGAGE -> "reactions";
      case CONNECT -> "connection requests";
      case DM -> "messages";
      case INMAIL -> "InMails";
      case EMAIL -> "emails";
    };
  }
}
