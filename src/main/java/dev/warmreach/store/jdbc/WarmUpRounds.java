package dev.warmreach.store.jdbc;

/**
 * The provider's view of a person's warm-up rounds from one account, in the order they were
 * planned: which earlier round liked a post, and whether one is still unsettled. LinkedIn keeps one
 * like per member and post, so what a round does depends on the rounds before it.
 */
final class WarmUpRounds {

  // The rounds planned before the touch keyed :key, of its account to its person.
  private static final String EARLIER =
      " t.channel = 'ENGAGE' AND t.sender_account = :account AND t.prospect_id = :prospect"
          + " AND t.id < (SELECT o.id FROM touch o WHERE o.idempotency_key = :key)";

  private final Transactions db;

  WarmUpRounds(Transactions db) {
    this.db = db;
  }

  boolean likedEarlier(String senderAccount, long prospectId, String socialId, String touchKey) {
    return db.read(
        h ->
            h.createQuery(
                        "SELECT COUNT(*) FROM delivery d JOIN touch t ON t.idempotency_key ="
                            + " d.touch_key WHERE d.kind = 'PROVIDER' AND d.status = 'SENT'"
                            + " AND t.post_id = :post AND"
                            + EARLIER)
                    .bind("account", senderAccount)
                    .bind("prospect", prospectId)
                    .bind("post", socialId)
                    .bind("key", touchKey)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  boolean earlierUnsettled(String senderAccount, long prospectId, String touchKey) {
    return db.read(
        h ->
            h.createQuery("SELECT COUNT(*) FROM touch t WHERE t.status = 'PLANNED' AND" + EARLIER)
                    .bind("account", senderAccount)
                    .bind("prospect", prospectId)
                    .bind("key", touchKey)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }
}
