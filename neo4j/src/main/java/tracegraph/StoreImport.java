package tracegraph;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.ByteUnit;

/**
 * The offline import of {@code npm run import} (seed/store-import.ts), in one JVM: runs
 * neo4j-admin's importer into {@code <home>/staging}, marks the staged store complete
 * ({@code staging/READY}), and, when no Neo4j is using the live store, switches to it at once
 * (the same renames as {@link LocalNeo4j} applies at start) and builds its indexes with an
 * embedded Neo4j that has no connector: the import ends with the new graph live and indexed,
 * without starting a server, and the index build runs in a JVM already warmed by the import.
 * When the live store is in use, the staged one waits for that Neo4j's next start.
 *
 * <p>Usage: {@code StoreImport --home DIR --page-cache SIZE --schema FILE -- <importer
 * arguments>}. The schema file holds the statements (from cypher/*.cypher) separated by NUL
 * characters; they run in one transaction, then the last one (which waits for the indexes)
 * alone. Prints {@code tracegraph-import: indexes}, then {@code tracegraph-import: switched} or
 * {@code tracegraph-import: staged}; {@code tracegraph-import: error: ...} and exit code 1 on
 * failure. Killed at any point, the live store is whole: before READY nothing changed, after
 * it the next start finishes the switch, and indexes not yet built are created by the app's
 * schema step at its start. It stops when its standard input ends (the Node.js process that
 * started it has gone).
 */
public final class StoreImport {
  private static final String PREFIX = "tracegraph-import: ";

  private StoreImport() {}

  public static void main(String[] args) {
    int split = Arrays.asList(args).indexOf("--");
    if (split < 0) {
      fail("usage: StoreImport --home DIR --page-cache SIZE --schema FILE -- <importer arguments>");
      return;
    }
    Path home = null;
    Path schema = null;
    long pageCache = ByteUnit.mebiBytes(128);
    for (int i = 0; i + 1 < split; i += 2) {
      switch (args[i]) {
        case "--home" -> home = Path.of(args[i + 1]).toAbsolutePath();
        case "--schema" -> schema = Path.of(args[i + 1]);
        case "--page-cache" -> pageCache = ByteUnit.parse(args[i + 1]);
        default -> {
          fail("unknown option " + args[i]);
          return;
        }
      }
    }
    if (home == null || schema == null) {
      fail("--home and --schema are required");
      return;
    }
    exitWhenParentGoes();
    Path staging = home.resolve("staging");
    String[] importerArgs = Arrays.copyOfRange(args, split + 1, args.length);
    int code = AdminTool.execute(new ExecutionContext(staging, staging.resolve("conf")), importerArgs);
    if (code != 0) {
      System.exit(code);
      return;
    }
    try {
      markReady(staging);
      if (LocalNeo4j.isLocked(LocalNeo4j.storeLock(home))) {
        System.out.println(PREFIX + "staged");
      } else {
        LocalNeo4j.applyStagedStore(home);
        System.out.println(PREFIX + "indexes");
        System.out.flush();
        buildIndexes(home, pageCache, schema);
        System.out.println(PREFIX + "switched");
      }
    } catch (Throwable e) {
      fail(LocalNeo4j.rootMessage(e));
      return;
    }
    System.out.flush();
    System.exit(0);
  }

  /**
   * The Node.js process that started this one holds its standard input open: when it dies,
   * even by kill -9, the input ends and this JVM stops at once, so an import killed before the
   * store is complete never marks it READY nor switches to it.
   */
  private static void exitWhenParentGoes() {
    Thread watch = new Thread(() -> {
      byte[] buffer = new byte[256];
      try {
        while (System.in.read(buffer) != -1) {
          // Input is ignored; only its end matters.
        }
      } catch (IOException ignored) {
        // A broken pipe means the same as the end of the input.
      }
      Runtime.getRuntime().halt(1);
    }, "parent-watch");
    watch.setDaemon(true);
    watch.start();
  }

  /** Last step of the build: from here on the staged store is complete. */
  private static void markReady(Path staging) throws IOException {
    try (FileChannel ready =
        FileChannel.open(staging.resolve("READY"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      ready.force(true);
    }
  }

  private static void buildIndexes(Path home, long pageCache, Path schemaFile) throws IOException {
    List<String> statements =
        Arrays.stream(Files.readString(schemaFile, StandardCharsets.UTF_8).split("\0"))
            .filter(s -> !s.isBlank())
            .toList();
    DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, false)
        .setConfig(HttpConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
        // Every core fills indexes: nothing else runs in this JVM.
        .setConfig(
            GraphDatabaseInternalSettings.index_population_workers,
            Runtime.getRuntime().availableProcessors())
        .build();
    try {
      GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      // One transaction: Neo4j starts filling them all together.
      try (Transaction tx = db.beginTx()) {
        for (String statement : statements.subList(0, statements.size() - 1)) tx.execute(statement).close();
        tx.commit();
      }
      db.executeTransactionally(statements.get(statements.size() - 1));
    } finally {
      service.shutdown();
    }
  }

  private static void fail(String message) {
    System.out.flush();
    System.err.println(PREFIX + "error: " + message);
    System.err.flush();
    System.exit(1);
  }
}
