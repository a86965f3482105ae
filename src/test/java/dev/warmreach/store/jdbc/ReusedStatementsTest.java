package dev.warmreach.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReusedStatementsTest {

  @TempDir Path folder;
  private Jdbi jdbi;
  private final List<PreparedStatement> executed = new ArrayList<>();

  @BeforeEach
  void open() {
    jdbi =
        Jdbi.create("jdbc:sqlite:" + folder.resolve("t.db"))
            .setStatementBuilderFactory(connection -> new ReusedStatements());
    jdbi.useHandle(
        h -> {
          h.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
          h.execute("INSERT INTO t (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        });
  }

  private List<String> names(Handle h, int above) {
    return h.createQuery("SELECT name FROM t WHERE id > :id ORDER BY id")
        .bind("id", above)
        .addCustomizer(recordExecuted())
        .mapTo(String.class)
        .list();
  }

  private StatementCustomizer recordExecuted() {
    return new StatementCustomizer() {
      @Override
      public void beforeExecution(PreparedStatement stmt, StatementContext ctx) {
        executed.add(stmt);
      }
    };
  }

  @Test
  void the_same_sql_on_one_handle_is_prepared_once_and_gives_each_run_its_own_answer() {
    jdbi.useHandle(
        h -> {
          assertThat(names(h, 0)).containsExactly("a", "b", "c");
          assertThat(names(h, 1)).containsExactly("b", "c");
          assertThat(names(h, 2)).containsExactly("c");
        });
    assertThat(executed).hasSize(3);
    assertThat(executed.get(1)).isSameAs(executed.get(0));
    assertThat(executed.get(2)).isSameAs(executed.get(0));
  }

  @Test
  void a_statement_whose_results_are_still_being_read_is_not_handed_out_again() {
    jdbi.useHandle(
        h -> {
          try (var outer =
              h
                  .createQuery("SELECT name FROM t WHERE id > :id ORDER BY id")
                  .bind("id", 0)
                  .addCustomizer(recordExecuted())
                  .mapTo(String.class)
                  .stream()) {
            List<String> pairs = new ArrayList<>();
            outer.forEach(name -> pairs.add(name + names(h, 2)));
            assertThat(pairs).containsExactly("a[c]", "b[c]", "c[c]");
          }
        });
    assertThat(executed.get(1)).isNotSameAs(executed.get(0));
  }

  @Test
  void kept_statements_are_closed_with_their_handle() throws Exception {
    jdbi.useHandle(h -> names(h, 0));
    assertThat(executed.get(0).isClosed()).isTrue();
  }
}
