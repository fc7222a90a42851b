package tracegraph;

import inet.ipaddr.IPAddressString;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;

/**
 * Runs Neo4j 5 embedded with Bolt on 127.0.0.1 only, locked: authentication on, no LOAD CSV
 * from files or URLs, only the procedures the app calls.
 *
 * <p>Usage: {@code LocalNeo4j --home DIR --port N [--page-cache 128m] [--tx-memory 256m]}, with
 * the password of the user {@code neo4j} as the first line of standard input (never on the
 * command line, which every local user can read with ps). It prints {@code tracegraph-neo4j:
 * ready ...} once the default database is available, and a single {@code tracegraph-neo4j:
 * error: ...} line (exit code 1) when it cannot start. It stops cleanly on SIGTERM/SIGINT
 * (shutdown hook) and when its standard input closes, which is how it learns that the Node.js
 * process that started it has gone, however that process died.
 */
public final class LocalNeo4j {
  private static final String PREFIX = "tracegraph-neo4j: ";
  private static final String USER = "neo4j";
  private static final String USAGE =
      "usage: LocalNeo4j --home DIR --port N [--page-cache 128m] [--tx-memory 256m]"
          + " (password on the first line of stdin)";

  private LocalNeo4j() {}

  public static void main(String[] args) {
    Path home = null;
    int port = -1;
    long pageCache = ByteUnit.mebiBytes(128);
    long txMemory = ByteUnit.mebiBytes(256);
    try {
      for (int i = 0; i < args.length; i += 2) {
        String value = i + 1 < args.length ? args[i + 1] : "";
        switch (args[i]) {
          case "--home" -> home = Path.of(value).toAbsolutePath();
          case "--port" -> port = Integer.parseInt(value);
          case "--page-cache" -> pageCache = ByteUnit.parse(value);
          case "--tx-memory" -> txMemory = ByteUnit.parse(value);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (home == null || port < 0) throw new IllegalArgumentException("--home and --port are required");
    } catch (RuntimeException e) {
      fail(USAGE + " (" + e.getMessage() + ")", 2);
      return;
    }
    BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String password;
    try {
      password = stdin.readLine();
    } catch (IOException e) {
      password = null;
    }
    if (password == null || password.isEmpty()) {
      fail(USAGE + " (no password on stdin)", 2);
      return;
    }

    // Neo4j finds a locked store only after seconds of start-up; asking the lock first makes a
    // second Neo4j on the same store fail at once. Neo4j still takes the lock itself below.
    if (isLocked(storeLock(home))) {
      fail("another Neo4j is already using the store in " + home, 1);
      return;
    }

    try {
      applyStagedStore(home);
    } catch (IOException e) {
      fail("could not switch to the store built by the last import: " + rootMessage(e), 1);
      return;
    }

    Path authFile;
    Path importDir = home.resolve("import");
    DatabaseManagementService service;
    try {
      authFile = writeInitialPassword(home, password);
      Files.createDirectories(importDir);
      service = new DatabaseManagementServiceBuilder(home)
          .setConfig(BoltConnector.enabled, true)
          .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
          .setConfig(HttpConnector.enabled, false)
          .setConfig(GraphDatabaseSettings.auth_enabled, true)
          // The password is 32 random bytes: guessing is hopeless, while the default lock
          // (5 s after 3 failures) would let any local process keep the app from logging in.
          .setConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
          // LOAD CSV: no file:// URLs at all (and their root is an empty folder besides), and
          // no URL of any address, so a query cannot read the machine's files or make it
          // send requests. Bolt offers WebSocket upgrades with no setting to refuse them;
          // without the password a page gets no further than the login.
          .setConfig(GraphDatabaseSettings.allow_file_urls, false)
          .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir)
          .setConfig(
              GraphDatabaseInternalSettings.cypher_ip_blocklist,
              List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
          // Only the procedures that cypher/*.cypher calls (functions are not procedures).
          .setConfig(
              GraphDatabaseSettings.procedure_allowlist,
              List.of("db.awaitIndexes", "db.index.fulltext.queryNodes", "db.relationshipTypes"))
          .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
          // All transactions together stay below the heap, so a runaway query or a big import
          // fails alone instead of taking the JVM down; nothing runs forever either.
          .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, txMemory)
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
    // The system database has read the file by now; it holds only a salted hash, but it has
    // no further use.
    try {
      Files.deleteIfExists(authFile);
    } catch (IOException e) {
      System.err.println(PREFIX + "warning: could not remove " + authFile + ": " + e.getMessage());
    }
    System.out.println(PREFIX + "ready on bolt://127.0.0.1:" + port + " with the store in " + home);
    System.out.flush();

    // Parent-death watch: read stdin until EOF, then exit (the shutdown hook stops Neo4j).
    char[] buffer = new char[256];
    try {
      while (stdin.read(buffer) != -1) {
        // Input is ignored; only its end matters.
      }
    } catch (IOException ignored) {
      // A broken pipe means the same as EOF.
    }
    System.exit(0);
  }

  /**
   * Writes {@code data/dbms/auth.ini}, the file that {@code neo4j-admin dbms
   * set-initial-password} writes: when the system database is created it takes the user {@code
   * neo4j} and its password from there, and on later starts it applies the file while that user
   * still has the default password "neo4j" (a store from before authentication was on). Both
   * happen while the system database starts, before Bolt can authenticate anybody, so the
   * default credentials are never accepted. A store that already has another password keeps it.
   */
  private static Path writeInitialPassword(Path home, String password) throws Exception {
    Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
    Path file = CommunitySecurityModule.getInitialUserRepositoryFile(config);
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    try (DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
      FileUserRepository users =
          new FileUserRepository(fs, file, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
      users.start();
      byte[] secret = password.getBytes(StandardCharsets.UTF_8);
      users.create(new User(USER, null, SystemGraphCredential.createCredentialForPassword(secret, new SecureHasher()), false, false));
      users.shutdown();
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  /**
   * Switches to a store that {@code npm run import} built offline (seed/store-import.ts): it
   * waits in {@code staging/} (a Neo4j home of its own) and is complete once {@code
   * staging/READY} exists. Each part replaces the live one by a rename, the live one moving to
   * {@code retired/} first. A kill at any point is safe: READY stays until every part has
   * moved, and a part already moved is not moved again, so the next start finishes the switch.
   * Runs only while this process is about to own the store (the lock was checked).
   */
  static void applyStagedStore(Path home) throws IOException {
    Path staging = home.resolve("staging");
    Path retired = home.resolve("retired");
    if (!Files.exists(staging.resolve("READY"))) {
      deleteTree(retired);
      return;
    }
    System.out.println(PREFIX + "switching to the store built by the last import");
    for (String part : STAGED_PARTS) {
      Path fresh = staging.resolve(part);
      if (!Files.exists(fresh)) continue;
      Path live = home.resolve(part);
      if (Files.exists(live)) {
        Path old = retired.resolve(part);
        deleteTree(old);
        Files.createDirectories(old.getParent());
        Files.move(live, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.createDirectories(live.getParent());
      Files.move(fresh, live, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.delete(staging.resolve("READY"));
    deleteTree(staging);
    deleteTree(retired);
  }

  /** What an offline import replaces: the database, its transaction logs, the loaded file's hash. */
  private static final List<String> STAGED_PARTS =
      List.of("data/databases/neo4j", "data/transactions/neo4j", "loaded-graph.json");

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  /** The file Neo4j locks while it uses the store in {@code home}. */
  static Path storeLock(Path home) {
    return home.resolve("data").resolve("databases").resolve("store_lock");
  }

  /** True when another process holds Neo4j's store lock (a missing file is a new store). */
  static boolean isLocked(Path lockFile) {
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

  static String rootMessage(Throwable e) {
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
