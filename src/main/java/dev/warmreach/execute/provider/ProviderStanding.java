package dev.warmreach.execute.provider;

import dev.warmreach.store.ProviderLinks;
import dev.warmreach.store.ProviderLinks.InmailCheck;
import dev.warmreach.store.ProviderLinks.LinkedAccount;
import java.util.Optional;

/**
 * How a sender account stands with the LinkedIn provider, for the pages, the CLI and {@code
 * /metrics}: linked or not, the status the provider last gave, whether it sends, why not, and the
 * latest check of its InMail credits.
 *
 * @param status the provider's status (OK, CREDENTIALS, STOPPED …), or "not linked"
 * @param why why it sends nothing, in the user's words; empty when it sends
 */
public record ProviderStanding(
    String account,
    boolean linked,
    String providerAccountId,
    String status,
    String why,
    Optional<InmailCheck> inmail) {

  public static final String NOT_LINKED = "not linked";

  /** The account's standing as the store knows it. */
  public static ProviderStanding of(ProviderLinks links, String account) {
    Optional<LinkedAccount> linked = links.linkedAccount(account);
    Optional<InmailCheck> inmail = links.inmailCheck(account);
    if (linked.isEmpty()) {
      return new ProviderStanding(
          account,
          false,
          "",
          NOT_LINKED,
          "the sender account "
              + account
              + " is not linked to the LinkedIn provider, so its LinkedIn steps wait; link it with"
              + " `warmreach accounts link "
              + account
              + "` or the Link button on Accounts",
          inmail);
    }
    LinkedAccount a = linked.get();
    return new ProviderStanding(
        account,
        true,
        a.providerAccountId(),
        a.status(),
        a.ok() ? "" : ProviderExecutor.notOk(a) + " — " + meaning(a.status()),
        inmail);
  }

  /**
   * The standing as tools read it ({@code accounts list/show --json}, {@code GET /api/accounts}).
   *
   * @param why why it sends nothing; {@code null} when it sends
   * @param inmailCheck the latest check of its InMail credits; {@code null} before the first
   */
  public record Json(
      boolean linked,
      String providerAccountId,
      String status,
      boolean sends,
      String why,
      InmailJson inmailCheck) {}

  /**
   * A check of the InMail credits as tools read it.
   *
   * @param providerBalance the provider's figure, {@code null} when it reports none of the product
   * @param difference the provider's figure less the ledger's
   */
  public record InmailJson(
      String product,
      Integer providerBalance,
      int ledgerBalance,
      int difference,
      String checkedAt) {}

  public Json json() {
    return new Json(
        linked,
        linked ? providerAccountId : null,
        status,
        sends(),
        sends() ? null : why,
        inmail
            .map(
                c ->
                    new InmailJson(
                        c.product(),
                        c.providerBalance(),
                        c.ledgerBalance(),
                        c.difference(),
                        c.checkedAt().toString()))
            .orElse(null));
  }

  /** Whether the account's LinkedIn steps go out. */
  public boolean sends() {
    return why.isEmpty();
  }

  /** What a provider status means for the user. */
  public static String meaning(String status) {
    return switch (status) {
      case "OK" -> "connected";
      case "CREDENTIALS" -> "LinkedIn asks to sign in again";
      case "STOPPED" -> "the provider stopped the account's session";
      case "ERROR" -> "the provider reports an error with the account's session";
      case "PERMISSIONS" -> "the session lacks a permission LinkedIn asks for";
      case "CONNECTING" -> "the provider is still connecting the account";
      default -> "the provider reports " + status;
    };
  }
}
