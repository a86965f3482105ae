package dev.warmreach.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warmreach.domain.UserError;
import org.junit.jupiter.api.Test;

class DatabaseUrlsTest {

  @Test
  void aDatabaseThatCannotBeReachedIsNamedWithoutItsPassword() {
    // given a PostgreSQL URL with a password, on a port where nothing listens
    String url = "jdbc:postgresql://127.0.0.1:1/warmreach?user=sales&password=hunter2&ssl=false";

    // when it is opened, then the error names the database but not the password
    assertThatThrownBy(() -> Database.open(url))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("127.0.0.1:1/warmreach?user=sales&password=***&ssl=false")
        .message()
        .doesNotContain("hunter2");
  }

  @Test
  void anUnsupportedUrlIsNamedWithoutItsPassword() {
    assertThatThrownBy(() -> Dialect.forUrl("jdbc:mysql://db.example.com/crm?Password=hunter2"))
        .isInstanceOf(UserError.class)
        .hasMessageContaining("jdbc:mysql://db.example.com/crm?Password=***")
        .message()
        .doesNotContain("hunter2");
  }

  @Test
  void passwordsInEveryFormAreMasked() {
    assertThat(DatabaseUrls.shown("jdbc:postgresql://h/db?password=a&user=b"))
        .isEqualTo("jdbc:postgresql://h/db?password=***&user=b");
    assertThat(DatabaseUrls.shown("jdbc:postgresql://h/db;password=a;user=b"))
        .isEqualTo("jdbc:postgresql://h/db;password=***;user=b");
    assertThat(DatabaseUrls.shown("postgresql://sales:s3cr:et@h:5432/db"))
        .isEqualTo("postgresql://sales:***@h:5432/db");
    assertThat(DatabaseUrls.shown("jdbc:sqlite:/home/me/.warmreach/warmreach.db"))
        .isEqualTo("jdbc:sqlite:/home/me/.warmreach/warmreach.db");
    assertThat(DatabaseUrls.shown("jdbc:postgresql://h/db?user=b&passwordless=x"))
        .isEqualTo("jdbc:postgresql://h/db?user=b&passwordless=x");
  }
}
