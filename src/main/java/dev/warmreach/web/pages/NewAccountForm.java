package dev.warmreach.web.pages;

import dev.warmreach.web.api.NewAccount;
import dev.warmreach.web.http.Problem.FieldError;
import io.javalin.http.Context;
import java.util.List;

/**
 * The add-account form as the user filled it in, read for {@link NewAccount}, which checks it
 * exactly as {@code POST /api/accounts} checks a request. Apart from {@link AccountsPage} because
 * it speaks the form's fields, not the page's.
 */
public record NewAccountForm(
    String name,
    String plan,
    String timezone,
    String hours,
    String weeklyInvitations,
    String inmailCredits) {

  static final NewAccountForm EMPTY =
      new NewAccountForm("", "", "UTC", NewAccount.DEFAULT_HOURS, "", "");

  static NewAccountForm read(Context ctx) {
    return new NewAccountForm(
        FormInput.value(ctx, "name"),
        FormInput.value(ctx, "plan"),
        FormInput.value(ctx, "timezone"),
        FormInput.value(ctx, "hours"),
        FormInput.value(ctx, "weeklyInvitations"),
        FormInput.value(ctx, "inmailCredits"));
  }

  /** The message for {@code field}, or null when it is fine. */
  public String error(List<FieldError> errors, String field) {
    return errors.stream()
        .filter(e -> e.field().equals(field))
        .map(FieldError::message)
        .findFirst()
        .orElse(null);
  }

  /** The form's values as {@link NewAccount#read} asks for them: blank ones as absent. */
  NewAccount.Fields fields() {
    return new NewAccount.Fields() {
      @Override
      public String text(String field) {
        String v =
            switch (field) {
              case "name" -> name;
              case "plan" -> plan;
              case "timezone" -> timezone;
              case "hours" -> hours;
              default -> null;
            };
        return v == null || v.isBlank() ? null : v;
      }

      @Override
      public Integer whole(String field, List<FieldError> errors) {
        String v = field.equals("weeklyInvitations") ? weeklyInvitations : inmailCredits;
        if (v == null || v.isBlank()) {
          return null;
        }
        try {
          int n = Integer.parseInt(v);
          if (n >= 0) {
            return n;
          }
        } catch (NumberFormatException e) {
          // reported below
        }
        errors.add(
            new FieldError(
                field,
                "'" + v + "' is not a whole number of 0 or more; leave it empty for the plan's"));
        return null;
      }
    };
  }
}
