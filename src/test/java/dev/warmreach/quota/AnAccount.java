package dev.warmreach.quota;

import dev.warmreach.domain.Plan;
import dev.warmreach.domain.SenderAccount;
import dev.warmreach.domain.WorkingHours;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Test data builder for an account's limits: {@code
 * anAccount().on(Plan.FREE).in("Asia/Tokyo").rampingUp().openedAt(now)}.
 */
final class AnAccount {

  private String name = "sdr-1";
  private Plan plan = Plan.PREMIUM;
  private Integer weeklyInvitations;
  private Integer monthlyCredits;
  private ZoneId zone = ZoneOffset.UTC;
  private WorkingHours hours = WorkingHours.OFFICE;
  private boolean rampingUp;

  private AnAccount() {}

  static AnAccount anAccount() {
    return new AnAccount();
  }

  AnAccount named(String name) {
    this.name = name;
    return this;
  }

  AnAccount on(Plan plan) {
    this.plan = plan;
    return this;
  }

  AnAccount invitingAtMost(int perWeek) {
    this.weeklyInvitations = perWeek;
    return this;
  }

  AnAccount withMonthlyCredits(int credits) {
    this.monthlyCredits = credits;
    return this;
  }

  AnAccount in(String zone) {
    this.zone = ZoneId.of(zone);
    return this;
  }

  AnAccount working(String hours) {
    this.hours = WorkingHours.parse(hours);
    return this;
  }

  AnAccount rampingUp() {
    this.rampingUp = true;
    return this;
  }

  SenderAccount build() {
    return new SenderAccount(
        name,
        plan,
        weeklyInvitations == null ? plan.weeklyInvitations() : weeklyInvitations,
        monthlyCredits == null ? plan.monthlyInmailCredits() : monthlyCredits,
        zone,
        hours);
  }

  /** The account's state as of {@code now}, with default limits (ramping up from now if new). */
  AccountState openedAt(Instant now) {
    SenderAccount account = build();
    AccountLimits limits = AccountLimits.defaultsFor(account);
    return AccountState.open(account, rampingUp ? limits.withRampUpFrom(now) : limits, now);
  }
}
