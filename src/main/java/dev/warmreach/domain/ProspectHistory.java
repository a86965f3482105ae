package dev.warmreach.domain;

import java.time.Instant;

/**
 * What has happened between the sender and one prospect, across all campaigns: what the policy and
 * the sequence conditions look at.
 *
 * @param engaged a warm-up landed: they had posted, and the sender engaged with it
 * @param lastTouchAt the last action towards them; {@code null} before the first
 */
public record ProspectHistory(
    Connection connection,
    boolean replied,
    boolean engaged,
    int inmailsSent,
    int touches,
    Instant lastTouchAt) {

  /** Where the LinkedIn connection with the prospect stands. */
  public enum Connection {
    NONE,
    PENDING,
    ACCEPTED,
    DECLINED,
    WITHDRAWN
  }

  /** Nothing has happened yet; 1st-degree connections start connected. */
  public static ProspectHistory start(ConnectionDegree degree) {
    return new ProspectHistory(
        degree == ConnectionDegree.FIRST ? Connection.ACCEPTED : Connection.NONE,
        false,
        false,
        0,
        0,
        null);
  }

  public boolean connected() {
    return connection == Connection.ACCEPTED;
  }

  /** After an action on {@code channel} at {@code at}. */
  public ProspectHistory touched(Channel channel, Instant at) {
    return new ProspectHistory(
        channel == Channel.CONNECT ? Connection.PENDING : connection,
        replied,
        engaged,
        inmailsSent + (channel == Channel.INMAIL ? 1 : 0),
        touches + 1,
        at);
  }

  /** The sender engaged with something they posted, so the sender's name is familiar. */
  public ProspectHistory withEngagement() {
    return new ProspectHistory(connection, replied, true, inmailsSent, touches, lastTouchAt);
  }

  public ProspectHistory withConnection(Connection next) {
    return new ProspectHistory(next, replied, engaged, inmailsSent, touches, lastTouchAt);
  }

  public ProspectHistory withReply() {
    return new ProspectHistory(connection, true, engaged, inmailsSent, touches, lastTouchAt);
  }
}
