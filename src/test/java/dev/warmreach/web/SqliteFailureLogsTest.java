package dev.warmreach.web;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** Database failures' logs on SQLite. */
class SqliteFailureLogsTest extends FailureLogsContract {

  @Override
  protected ServerFixture startServer(Path home) {
    return ServerFixture.start(home);
  }

  @Override
  protected List<String> refuseInserts(String table) {
    return List.of(
        "CREATE TRIGGER refuse_"
            + table
            + " BEFORE INSERT ON "
            + table
            + " BEGIN SELECT RAISE(ABORT, 'inserts refused for the test'); END");
  }

  @AfterEach
  void stop() {
    server.close();
  }
}
