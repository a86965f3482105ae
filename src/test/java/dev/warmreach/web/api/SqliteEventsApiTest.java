package dev.warmreach.web.api;

import dev.warmreach.web.ServerFixture;
import java.nio.file.Path;

/** The events API on the embedded SQLite database. */
class SqliteEventsApiTest extends EventsApiContract {

  @Override
  protected ServerFixture startServer(Path home) {
    return ServerFixture.start(home);
  }
}
