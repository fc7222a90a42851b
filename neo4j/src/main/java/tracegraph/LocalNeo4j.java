package tracegraph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j 5 embedded with Bolt on 127.0.0.1 only.
 *
 * <p>Usage: {@code LocalNeo4j --home DIR --port N [--page-cache 128m]}. It prints {@code
 * tracegraph-neo4j: ready ...} once the default database is available, and a single {@code
 * tracegraph-neo4j: error: ...} line (exit code 1) when it cannot start. It stops cleanly on
 * SIGTERM/SIGINT (shutdown hook) and when its standard input closes, which is how it learns that
 * the Node.js process that started it has gone, however that process died.
 */
public final class LocalNeo4j {
  private static final String PREFIX = "tracegraph-neo4j: ";

  private LocalNeo4j() {}

  public static void main(String[] args) {
    Path home = null;
    int port = -1;
    long pageCache = ByteUnit.mebiBytes(128);
    try {
      for (int i = 0; i < args.length; i += 2) {
        String value = i + 1 < args.length ? args[i + 1] : "";
        switch (args[i]) {
          case "--home" -> home = Path.of(value).toAbsolutePath();
          case "--port" -> port = Integer.parseInt(value);
          case "--page-cache" -> pageCache = ByteUnit.parse(value);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (home == null || port < 0) throw new IllegalArgumentException("--home and --port are required");
    } catch (RuntimeException e) {
      fail("usage: LocalNeo4j --home DIR --port N [--page-cache 128m] (" + e.getMessage() + ")", 2);
      return;
    }

    // Neo4j finds a locked store only after seconds of start-up; asking the lock first makes a
    // second Neo4j on the same store fail at once. Neo4j still takes the lock itself below.
    Path storeLock = home.resolve("data").resolve("databases").resolve("store_lock");
    if (isLocked(storeLock)) {
      fail("another Neo4j is already using the store in " + home, 1);
      return;
    }

    DatabaseManagementService service;
    try {
      service = new DatabaseManagementServiceBuilder(home)
          .setConfig(BoltConnector.enabled, true)
          .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
          .setConfig(HttpConnector.enabled, false)
          .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
          // A runaway query cannot take the whole heap (-Xmx512m) or run forever.
          .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(256))
          .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5))
          // Bolt waits 5 s for idle connections and 5 s more for Netty by default: with nothing
          // to drain on one machine, that only makes every stop (and every test run) 10 s slower.
          .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
          .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
          .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
          .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
          .build();
    } catch (Throwable e) {
      e.printStackTrace();
      fail("Neo4j did not start: " + rootMessage(e), 1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown, "neo4j-shutdown"));

    String database = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;
    if (!service.database(database).isAvailable(Duration.ofMinutes(2).toMillis())) {
      fail("database '" + database + "' did not become available (see " + home + "/logs/debug.log)", 1);
      return;
    }
    System.out.println(PREFIX + "ready on bolt://127.0.0.1:" + port + " with the store in " + home);
    System.out.flush();

    // Parent-death watch: read stdin until EOF, then exit (the shutdown hook stops Neo4j).
    InputStream in = System.in;
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) != -1) {
        // Input is ignored; only its end matters.
      }
    } catch (IOException ignored) {
      // A broken pipe means the same as EOF.
    }
    System.exit(0);
  }

  /** True when another process holds Neo4j's store lock (a missing file is a new store). */
  private static boolean isLocked(Path lockFile) {
    if (!Files.exists(lockFile)) return false;
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) return true;
      lock.release();
      return false;
    } catch (IOException e) {
      return false; // Let Neo4j report whatever is wrong with the file.
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String message = root.getMessage() == null ? root.toString() : root.getMessage();
    return message.replace('\n', ' ');
  }

  private static void fail(String message, int status) {
    System.out.flush();
    System.err.println(PREFIX + "error: " + message);
    System.err.flush();
    System.exit(status);
  }
}
