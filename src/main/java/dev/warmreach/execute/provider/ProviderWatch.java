package dev.warmreach.execute.provider;

import dev.warmreach.domain.Channel;
import dev.warmreach.domain.Event;
import dev.warmreach.domain.Plan;
import dev.warmreach.domain.Prospect;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.Touch;
import dev.warmreach.execute.Executor;
import dev.warmreach.execute.provider.LinkedInProvider.InmailBalance;
import dev.warmreach.execute.provider.LinkedInProvider.Relation;
import dev.warmreach.execute.provider.LinkedInProvider.RelationPage;
import dev.warmreach.store.EngineSteps;
import dev.warmreach.store.Prospects;
import dev.warmreach.store.ProviderLinks;
import dev.warmreach.store.ProviderLinks.AwaitedInvitation;
import dev.warmreach.store.ProviderLinks.DueWithdrawal;
import dev.warmreach.store.ProviderLinks.InmailCheck;
import dev.warmreach.store.ProviderLinks.LinkedAccount;
import dev.warmreach.store.ProviderLinks.ProviderPerson;
import dev.warmreach.store.SenderAccounts;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Asks the provider, from the live loop, what its webhooks may tell late or not at all, and turns
 * the answers into what the engine reads: each linked account's status (every {@code every}), the
 * connection requests answered since the last look (every {@code every}: an invitation gone from
 * the sent list and present among the relations is an acceptance, gone without a relation a
 * decline), and once a day the account's InMail credits beside Warmreach's ledger. It carries out
 * no touches and decides nothing: the engine moves on from the events as from any other.
 *
 * <p>An acceptance is recorded under the key the webhook and the executor use ({@link
 * ProviderExecutor#acceptedKey}), so whichever source sees it first wins and the others are
 * duplicates. A provider that cannot be reached is reported once on {@code log} and asked again at
 * the next interval. Not thread-safe: one live loop calls it.
 */
public final class ProviderWatch implements Executor {

  /** How often statuses and invitations are looked at unless told otherwise. */
  public static final Duration DEFAULT_EVERY = Duration.ofMinutes(30);

  /** How often the InMail credits are compared with the provider's. */
  public static final Duration BALANCE_EVERY = Duration.ofDays(1);

  /**
   * How long after it went out an invitation missing from the provider's list still counts as
   * pending: the list may lag behind the call that sent it.
   */
  static final Duration SETTLING = Duration.ofHours(1);

  /**
   * How long a withdrawal's claim holds: the call times out well within it, so a claim older than
   * this was left by a node that died mid-call.
   */
  public static final Duration CLAIM_LAPSES = Duration.ofMinutes(10);

  /** Stale invitations withdrawn at the provider at most per account and look. */
  static final int WITHDRAWALS_PER_LOOK = 10;

  /** Pages of relations read at most per account and look (100 each, newest first). */
  static final int RELATION_PAGES = 20;

  private final LinkedInProvider provider;
  private final ProviderLinks links;
  private final Prospects prospects;
  private final EngineSteps events;
  private final SenderAccounts accounts;
  private final Clock clock;
  private final Duration every;
  private final PrintWriter log;
  private Instant nextLook;
  private Instant nextBalance;
  private String lastProblem;

  public ProviderWatch(
      LinkedInProvider provider,
      ProviderLinks links,
      Prospects prospects,
      EngineSteps events,
      SenderAccounts accounts,
      Clock clock,
      Duration every,
      PrintWriter log) {
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("the provider poll interval must be positive");
    }
    this.provider = provider;
    this.links = links;
    this.prospects = prospects;
    this.events = events;
    this.accounts = accounts;
    this.clock = clock;
    this.every = every;
    this.log = log;
  }

  /** What one look at an account's invitations found. */
  public record Answers(int accepted, int declined, int pending) {
    Answers plus(Answers other) {
      return new Answers(
          accepted + other.accepted, declined + other.declined, pending + other.pending);
    }
  }

  @Override
  public Set<Channel> channels() {
    return Set.of();
  }

  @Override
  public void execute(Touch touch) {
    throw new IllegalArgumentException("the provider's polls carry out no touches");
  }

  @Override
  public int runDue() {
    Instant now = clock.instant();
    int work = 0;
    if (nextLook == null || !now.isBefore(nextLook)) {
      nextLook = now.plus(every);
      try {
        checkStatuses(now);
        Answers answers = pollInvitations(now);
        work += answers.accepted() + answers.declined();
        work += withdrawStale(now);
        lastProblem = null;
      } catch (ProviderFailure failure) {
        report(failure, every);
      }
    }
    if (nextBalance == null || !now.isBefore(nextBalance)) {
      nextBalance = now.plus(BALANCE_EVERY);
      try {
        reconcileInmail(now);
      } catch (ProviderFailure failure) {
        report(failure, BALANCE_EVERY);
      }
    }
    return work;
  }

  /** Tells a failure once, not at every look while it lasts. */
  private void report(ProviderFailure failure, Duration again) {
    String problem = "the LinkedIn provider's poll failed: " + failure.getMessage();
    if (!problem.equals(lastProblem)) {
      log.println("warmreach: " + problem + "; asking again in " + again.toMinutes() + " min");
      log.flush();
    }
    lastProblem = problem;
  }

  /** Asks the provider for each linked account's status (GET /accounts/{id}) and keeps it. */
  public List<LinkedAccount> checkStatuses(Instant now) {
    for (LinkedAccount linked : links.linkedAccounts()) {
      String status;
      try {
        status = provider.account(linked.providerAccountId()).status();
      } catch (ProviderFailure failure) {
        switch (failure.reason()) {
          case CREDENTIALS -> status = "CREDENTIALS";
          case REFUSED -> status = failure.status() == 404 ? "STOPPED" : linked.status();
          default -> throw failure;
        }
      }
      if (!status.equals(linked.status())) {
        links.accountStatus(linked.providerAccountId(), status, now);
      }
    }
    return links.linkedAccounts();
  }

  /**
   * Withdraws at LinkedIn ({@code DELETE /users/invite/sent/{id}}) the stale invitations the engine
   * withdrew in its records, for each OK account inside its working hours, at most {@link
   * #WITHDRAWALS_PER_LOOK} an account a look. Each is claimed first, so it is carried out once, and
   * withdrawn by the id the provider gave the request (the sent list is searched only for a request
   * whose id was not kept). One LinkedIn no longer has is kept as gone; a refusal is kept as failed
   * with the provider's words and told on {@code log}; a provider that cannot be reached, or pushes
   * back, leaves it for the next look. A claim older than {@link #CLAIM_LAPSES} was left by a node
   * that died mid-call: the provider's sent list is asked first, and it is withdrawn only if
   * LinkedIn still lists it. Returns how many were withdrawn.
   */
  public int withdrawStale(Instant now) {
    int withdrawn = 0;
    Instant lapsed = now.minus(CLAIM_LAPSES);
    for (LinkedAccount linked : links.linkedAccounts()) {
      Optional<SenderAccount> account = accounts.account(linked.senderAccount());
      if (!linked.ok()
          || account.isEmpty()
          || !account.get().workingHours().contains(now, account.get().timeZone())) {
        continue;
      }
      List<DueWithdrawal> due = links.withdrawalsDue(linked.senderAccount(), lapsed);
      SentList sent = new SentList(linked.providerAccountId());
      int done = 0;
      for (DueWithdrawal withdrawal : due) {
        if (done >= WITHDRAWALS_PER_LOOK) {
          break;
        }
        if (!links.claimWithdrawal(withdrawal, now, lapsed)) {
          continue;
        }
        done++;
        try {
          if (withdraw(linked, withdrawal, sent, now)) {
            withdrawn++;
          }
        } catch (ProviderFailure failure) {
          if (!failed(linked, withdrawal, failure, now)) {
            break; // the provider is unavailable or pushing back: the rest wait too
          }
        }
      }
    }
    return withdrawn;
  }

  /** Withdraws one claimed invitation, or keeps it as gone; true when withdrawn. */
  private boolean withdraw(
      LinkedAccount linked, DueWithdrawal withdrawal, SentList sent, Instant now) {
    String before = withdrawal.interrupted() ? "interrupted while withdrawing before; " : "";
    Optional<String> invitation;
    if (withdrawal.invitationId() != null && !withdrawal.interrupted()) {
      invitation = Optional.of(withdrawal.invitationId());
    } else if (withdrawal.invitationId() != null) {
      invitation = sent.byId(withdrawal.invitationId());
    } else {
      invitation =
          links.person(withdrawal.prospectId()).flatMap(p -> sent.byPerson(p.providerId()));
    }
    if (invitation.isEmpty()) {
      links.settleWithdrawal(
          withdrawal.eventKey(),
          "GONE",
          before + "LinkedIn no longer lists the invitation as pending",
          now);
      return false;
    }
    provider.withdraw(linked.providerAccountId(), invitation.get());
    links.settleWithdrawal(
        withdrawal.eventKey(),
        "WITHDRAWN",
        before.isEmpty()
            ? ""
            : before + "LinkedIn still listed the invitation, so it was withdrawn now",
        now);
    return true;
  }

  /**
   * Keeps what a failed withdrawal came to; false when the provider is unavailable, so the rest of
   * the account's wait for the next look.
   */
  private boolean failed(
      LinkedAccount linked, DueWithdrawal withdrawal, ProviderFailure failure, Instant now) {
    boolean refused = failure.reason() == ProviderFailure.Reason.REFUSED;
    if (refused && failure.status() == 404) {
      links.settleWithdrawal(
          withdrawal.eventKey(),
          "GONE",
          "LinkedIn no longer has the invitation (answered or withdrawn there)",
          now);
      return true;
    }
    String words =
        "withdrawing the invitation to prospect "
            + withdrawal.prospectId()
            + " from "
            + linked.senderAccount()
            + " failed: "
            + failure.getMessage();
    links.settleWithdrawal(withdrawal.eventKey(), refused ? "FAILED" : "WAITING", words, now);
    log.println(
        "warmreach: "
            + words
            + (refused
                ? "; withdraw it on LinkedIn by hand"
                : "; trying again in " + every.toMinutes() + " min"));
    log.flush();
    return refused;
  }

  /** The account's pending invitations at the provider, asked for once a look when needed. */
  private final class SentList {
    private final String accountId;
    private List<LinkedInProvider.SentInvitation> invitations;

    SentList(String accountId) {
      this.accountId = accountId;
    }

    Optional<String> byId(String invitationId) {
      return all().stream().map(i -> i.id()).filter(invitationId::equals).findFirst();
    }

    Optional<String> byPerson(String providerId) {
      return all().stream()
          .filter(i -> i.invitedUserId().equals(providerId))
          .map(i -> i.id())
          .findFirst();
    }

    private List<LinkedInProvider.SentInvitation> all() {
      if (invitations == null) {
        invitations = provider.sentInvitations(accountId);
      }
      return invitations;
    }
  }

  /**
   * Looks at the invitations each OK account sent through the provider and has no answer to: one
   * now among the account's relations is accepted; one gone from the provider's sent list without a
   * relation, once the profile confirms it, is declined (ignored, or withdrawn on LinkedIn).
   */
  public Answers pollInvitations(Instant now) {
    Answers total = new Answers(0, 0, 0);
    for (LinkedAccount linked : links.linkedAccounts()) {
      if (linked.ok()) {
        total = total.plus(pollInvitations(linked, now));
      }
    }
    return total;
  }

  private Answers pollInvitations(LinkedAccount linked, Instant now) {
    List<AwaitedInvitation> awaited = links.awaitedInvitations(linked.senderAccount());
    if (awaited.isEmpty()) {
      return new Answers(0, 0, 0);
    }
    String accountId = linked.providerAccountId();
    Map<String, AwaitedInvitation> byProviderId = new HashMap<>();
    for (AwaitedInvitation invitation : awaited) {
      links
          .person(invitation.prospectId())
          .ifPresent(p -> byProviderId.put(p.providerId(), invitation));
    }
    Set<String> stillSent = new HashSet<>();
    provider.sentInvitations(accountId).forEach(i -> stillSent.add(i.invitedUserId()));
    Set<String> connected = relationsAmong(accountId, byProviderId, stillSent);
    int accepted = 0;
    int declined = 0;
    int pending = 0;
    for (Map.Entry<String, AwaitedInvitation> entry : byProviderId.entrySet()) {
      String providerId = entry.getKey();
      AwaitedInvitation invitation = entry.getValue();
      if (connected.contains(providerId)) {
        accepted += accept(linked, invitation, providerId, now) ? 1 : 0;
      } else if (stillSent.contains(providerId)
          || invitation.sentAt().plus(SETTLING).isAfter(now)) {
        pending++;
      } else {
        switch (confirm(linked, invitation, providerId, now)) {
          case ACCEPTED -> accepted++;
          case DECLINED -> declined++;
          case PENDING -> pending++;
          case NOTHING -> {}
        }
      }
    }
    return new Answers(accepted, declined, pending);
  }

  /**
   * The awaited people now among the account's relations, reading pages newest first until all are
   * found or the relations are older than the oldest invitation.
   */
  private Set<String> relationsAmong(
      String accountId, Map<String, AwaitedInvitation> awaited, Set<String> stillSent) {
    Set<String> wanted = new HashSet<>(awaited.keySet());
    wanted.removeAll(stillSent);
    Set<String> found = new HashSet<>();
    if (wanted.isEmpty()) {
      return found;
    }
    Instant oldest =
        awaited.values().stream().map(AwaitedInvitation::sentAt).min(Instant::compareTo).get();
    String cursor = null;
    for (int page = 0; page < RELATION_PAGES; page++) {
      RelationPage relations = provider.relations(accountId, cursor);
      boolean older = false;
      for (Relation relation : relations.relations()) {
        if (wanted.remove(relation.providerId())) {
          found.add(relation.providerId());
        }
        // A day's slack: the provider's time of a relation is LinkedIn's, not ours.
        if (relation.connectedAt() != null
            && relation.connectedAt().isBefore(oldest.minus(Duration.ofDays(1)))) {
          older = true;
        }
      }
      cursor = relations.cursor();
      if (wanted.isEmpty() || older || cursor == null) {
        break;
      }
    }
    return found;
  }

  private enum Confirmed {
    ACCEPTED,
    DECLINED,
    PENDING,
    NOTHING
  }

  /** An invitation gone from the sent list: the profile says whether they connected. */
  private Confirmed confirm(
      LinkedAccount linked, AwaitedInvitation invitation, String providerId, Instant now) {
    Optional<Prospect> prospect = prospects.prospect(invitation.prospectId());
    if (prospect.isEmpty()) {
      return Confirmed.NOTHING; // erased since
    }
    LinkedInProvider.ProviderProfile profile =
        ProviderExecutor.lookUp(provider, prospect.get(), linked.providerAccountId());
    if (profile.connected()) {
      return accept(linked, invitation, providerId, now) ? Confirmed.ACCEPTED : Confirmed.NOTHING;
    }
    if (profile.invitationStatus().isPresent()) {
      return Confirmed.PENDING;
    }
    boolean recorded =
        events.recordEvent(
            new Event.Declined(
                invitation.prospectId(),
                now,
                declinedKey(linked.senderAccount(), invitation.prospectId(), invitation.sentAt())));
    return recorded ? Confirmed.DECLINED : Confirmed.NOTHING;
  }

  private boolean accept(
      LinkedAccount linked, AwaitedInvitation invitation, String providerId, Instant now) {
    links
        .person(invitation.prospectId())
        .ifPresent(
            p ->
                links.savePerson(
                    new ProviderPerson(
                        p.prospectId(), providerId, "FIRST_DEGREE", p.openProfile(), now)));
    return events.recordEvent(
        new Event.Accepted(
            invitation.prospectId(),
            now,
            ProviderExecutor.acceptedKey(linked.senderAccount(), invitation.prospectId())));
  }

  /** The key of a decline the poll saw: one per invitation, so a later one is its own. */
  static String declinedKey(String senderAccount, long prospectId, Instant sentAt) {
    return "provider:declined:" + senderAccount + ":" + prospectId + ":" + sentAt.toEpochMilli();
  }

  /**
   * Compares each linked account's InMail credits with the provider's figure for the account's
   * LinkedIn product and keeps both; the ledger is left as it is, whatever the difference.
   */
  public List<InmailCheck> reconcileInmail(Instant now) {
    List<InmailCheck> checks = new java.util.ArrayList<>();
    for (LinkedAccount linked : links.linkedAccounts()) {
      if (!linked.ok()) {
        continue;
      }
      Optional<SenderAccount> account = accounts.account(linked.senderAccount());
      if (account.isEmpty()) {
        continue;
      }
      InmailBalance balance = provider.inmailBalance(linked.providerAccountId());
      Plan plan = account.get().plan();
      String product = product(plan);
      Integer reported =
          switch (plan) {
            case SALES_NAVIGATOR -> balance.salesNavigator();
            case RECRUITER -> balance.recruiter();
            case FREE, PREMIUM, PREMIUM_BUSINESS -> balance.premium();
          };
      int ledger =
          accounts
              .accountState(linked.senderAccount())
              .map(s -> s.creditsLeft(now))
              .orElse(account.get().monthlyInmailCredits());
      Optional<InmailCheck> before = links.inmailCheck(linked.senderAccount());
      InmailCheck check = new InmailCheck(linked.senderAccount(), product, reported, ledger, now);
      links.saveInmailCheck(check);
      if (check.differs()
          && (before.isEmpty() || before.get().difference() != check.difference())) {
        log.println(
            "warmreach: " + linked.senderAccount() + "'s InMail credits: " + check.describe());
        log.flush();
      }
      checks.add(check);
    }
    return checks;
  }

  static String product(Plan plan) {
    return switch (plan) {
      case SALES_NAVIGATOR -> "sales_navigator";
      case RECRUITER -> "recruiter";
      case FREE, PREMIUM, PREMIUM_BUSINESS -> "premium";
    };
  }
}
