package dev.warmreach.domain;

import java.time.ZoneId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A LinkedIn account that Warmreach sends from, with the limits it must stay inside. Caps start at
 * the plan's defaults ({@link #withPlanDefaults}) and may be set lower or higher per account.
 *
 * @param name a short handle the user picks, e.g. {@code sdr-1}
 * @param weeklyInvitationCap invitations over any rolling 7 days
 * @param monthlyInmailCredits InMail credits that arrive each month
 * @param followUpsOnDaysOff whether a follow-up DM whose 24–48 h window falls on the account's days
 *     off may go then: {@code true} or {@code false} decide for every campaign on this account;
 *     {@code null} leaves it to each campaign's setting
 */
public record SenderAccount(
    String name,
    Plan plan,
    int weeklyInvitationCap,
    int monthlyInmailCredits,
    ZoneId timeZone,
    WorkingHours workingHours,
    Boolean followUpsOnDaysOff) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public SenderAccount {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(workingHours, "workingHours");
    if (!isValidName(name)) {
      throw new IllegalArgumentException(
          "account name '"
              + name
              + "' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
    if (weeklyInvitationCap < 0 || weeklyInvitationCap > 1000) {
      throw new IllegalArgumentException(
          "weekly invitation cap " + weeklyInvitationCap + " must be between 0 and 1000");
    }
    if (monthlyInmailCredits < 0 || monthlyInmailCredits > 1000) {
      throw new IllegalArgumentException(
          "monthly InMail credits " + monthlyInmailCredits + " must be between 0 and 1000");
    }
    if (monthlyInmailCredits > 0 && !plan.canSendInmail()) {
      throw new IllegalArgumentException(
          "a FREE account cannot send InMail; its credits must be 0");
    }
  }

  /** An account that leaves follow-ups on days off to each campaign. */
  public SenderAccount(
      String name,
      Plan plan,
      int weeklyInvitationCap,
      int monthlyInmailCredits,
      ZoneId timeZone,
      WorkingHours workingHours) {
    this(name, plan, weeklyInvitationCap, monthlyInmailCredits, timeZone, workingHours, null);
  }

  /**
   * Whether a follow-up DM may go on this account's days off in a campaign whose own setting is
   * {@code campaignAllows}: the account's setting when it has one, else the campaign's.
   */
  public boolean allowsFollowUpsOnDaysOff(boolean campaignAllows) {
    return followUpsOnDaysOff == null ? campaignAllows : followUpsOnDaysOff;
  }

  /**
   * This account with its own follow-ups-on-days-off setting; {@code null} leaves it to campaigns.
   */
  public SenderAccount withFollowUpsOnDaysOff(Boolean allowed) {
    return new SenderAccount(
        name, plan, weeklyInvitationCap, monthlyInmailCredits, timeZone, workingHours, allowed);
  }

  /** An account with its plan's caps, office hours and the given time zone. */
  public static SenderAccount withPlanDefaults(String name, Plan plan, ZoneId timeZone) {
    return new SenderAccount(
        name,
        plan,
        plan.weeklyInvitations(),
        plan.monthlyInmailCredits(),
        timeZone,
        WorkingHours.OFFICE);
  }

  /** Whether {@code name} is a usable account handle. */
  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }
}
