package dev.warmreach.web.pages;

import static java.time.ZoneOffset.UTC;

import dev.warmreach.execute.provider.ProviderStanding;
import dev.warmreach.execute.provider.ProviderWatch;
import dev.warmreach.store.Prospects;
import dev.warmreach.store.ProviderLinks;
import java.time.ZoneId;
import java.util.List;

/**
 * How an account stands with the LinkedIn provider, as its card shows it when a provider is set.
 * Apart from {@link AccountCard} because it reads the provider's words (its status, InMail check
 * and withdrawals), not LinkedIn's limits.
 *
 * @param level good, warn or bad, as the health badge
 * @param why why it sends nothing; null when it sends
 * @param inmail the latest check of its InMail credits against the provider's, or null
 * @param inmailDiffers whether that check found a difference
 */
public record ProviderLine(
    String status,
    String level,
    String why,
    String inmail,
    boolean inmailDiffers,
    List<WithdrawalLine> withdrawals) {

  /**
   * A stale invitation withdrawn (or being withdrawn) at LinkedIn through the provider.
   *
   * @param outcome the outcome in a word or two, e.g. "Withdrawn" or "Refused"
   * @param level good, warn or bad, as a badge
   * @param detail what happened in words: the provider's words for a refusal; may be empty
   */
  public record WithdrawalLine(
      long prospectId, String name, String outcome, String level, String detail, String when) {}

  /**
   * The line of an account with the provider's {@code standing}, its latest {@code withdrawals},
   * and times told in {@code zone}; prospects named as {@code prospects} knows them.
   */
  static ProviderLine of(
      ProviderStanding standing,
      List<ProviderLinks.Withdrawal> withdrawals,
      ZoneId zone,
      Prospects prospects) {
    String level =
        standing.sends()
            ? "good"
            : standing.linked() && "CONNECTING".equals(standing.status()) ? "warn" : "bad";
    return new ProviderLine(
        standing.status(),
        level,
        standing.sends() ? null : standing.why(),
        standing
            .inmail()
            .map(
                c ->
                    c.describe()
                        + " — checked "
                        + AccountCard.WHEN.format(c.checkedAt().atZone(zone))
                        + " ("
                        + (zone.normalized().equals(UTC) ? "UTC" : zone.getId())
                        + ")")
            .orElse(null),
        standing.inmail().map(ProviderLinks.InmailCheck::differs).orElse(false),
        withdrawals.stream().map(w -> withdrawalLine(w, zone, prospects)).toList());
  }

  private static WithdrawalLine withdrawalLine(
      ProviderLinks.Withdrawal w, ZoneId zone, Prospects prospects) {
    String name =
        prospects
            .prospect(w.prospectId())
            .map(p -> p.profile().fullName())
            .orElse("prospect " + w.prospectId());
    String when = AccountCard.WHEN.format(w.at().atZone(zone)) + " (" + zone.getId() + ")";
    return switch (w.status()) {
      case "WITHDRAWN" ->
          new WithdrawalLine(w.prospectId(), name, "Withdrawn", "good", w.detail(), when);
      case "GONE" ->
          new WithdrawalLine(w.prospectId(), name, "No longer pending", "good", w.detail(), when);
      case "FAILED" ->
          new WithdrawalLine(
              w.prospectId(),
              name,
              "Refused",
              "bad",
              w.detail() + "; withdraw it on LinkedIn by hand",
              when);
      case "WAITING" ->
          new WithdrawalLine(
              w.prospectId(),
              name,
              "Waiting",
              "warn",
              w.detail() + "; tried again at the next look",
              when);
      default ->
          new WithdrawalLine(
              w.prospectId(),
              name,
              "Withdrawing",
              "warn",
              "claimed for the provider's call; a call cut short is checked with LinkedIn after "
                  + ProviderWatch.CLAIM_LAPSES.toMinutes()
                  + " minutes",
              when);
    };
  }
}
