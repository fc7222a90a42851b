package tracegraph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
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
import org.neo4j.io.fs.DefaultFileSystemAbstraction;

/**
 * The offline import of {@code npm run import} (seed/store-import.ts), in one JVM: runs
 * neo4j-admin's importer into {@code <home>/staging}, marks the staged store complete
 * ({@code staging/READY}), and, when no Neo4j is using the live store, switches to it at once
 * (the same renames as {@link LocalNeo4j} applies at start) and builds its indexes with an
 * embedded Neo4j that has no connector: the import ends with the new graph live and indexed,
 * without starting a server, and the index build runs in a JVM already warmed by the import.
 * When the live store is in use, the staged one waits for that Neo4j's next start.
 *
 * <p>Usage: {@code StoreImport --home DIR --page-cache SIZE [--warm-up-schema FILE]}, started
 * before the file is checked: it warms up (see startWarmUp) until the job comes as the first
 * line of standard input, {@code --schema FILE -- <importer arguments>} separated by NUL. A
 * schema file holds the statements (from cypher/*.cypher) separated by NUL characters; they
 * run in one transaction, then the last one (which waits for the indexes)
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
    Path home = null;
    Path warmUpSchema = null;
    long pageCache = ByteUnit.mebiBytes(128);
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--home" -> home = Path.of(args[i + 1]).toAbsolutePath();
        case "--page-cache" -> pageCache = ByteUnit.parse(args[i + 1]);
        case "--warm-up-schema" -> warmUpSchema = Path.of(args[i + 1]);
        default -> {
          fail("unknown option " + args[i]);
          return;
        }
      }
    }
    if (home == null || args.length % 2 != 0) {
      fail("usage: StoreImport --home DIR --page-cache SIZE [--warm-up-schema FILE]");
      return;
    }
    Thread warmUp = startWarmUp(warmUpSchema);
    List<String> job = readJob();
    int split = job.indexOf("--");
    if (split != 2 || !job.get(0).equals("--schema")) {
      fail("the job must be: --schema FILE -- <importer arguments>");
      return;
    }
    exitWhenParentGoes();
    try {
      warmUp.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    timing("warm-up");
    Path schema = Path.of(job.get(1));
    Path staging = home.resolve("staging");
    String[] importerArgs = job.subList(split + 1, job.size()).toArray(String[]::new);
    int code = AdminTool.execute(new ExecutionContext(staging, staging.resolve("conf")), importerArgs);
    if (code != 0) {
      System.exit(code);
      return;
    }
    timing("importer");
    try {
      markReady(staging);
      if (LocalNeo4j.isLocked(LocalNeo4j.storeLock(home))) {
        System.out.println(PREFIX + "staged");
      } else {
        LocalNeo4j.applyStagedStore(home);
        timing("switch");
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
   * The job, once the file is checked: the first line of standard input, its arguments
   * separated by NUL. When the input ends first (the file was refused, or is already loaded,
   * or the Node.js process died), there is nothing to do.
   */
  private static List<String> readJob() {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try {
      for (int b = System.in.read(); b != '\n'; b = System.in.read()) {
        if (b == -1) stopWarmUpAndHalt();
        line.write(b);
      }
    } catch (IOException e) {
      stopWarmUpAndHalt();
    }
    return Arrays.asList(line.toString(StandardCharsets.UTF_8).split("\0", -1));
  }

  /** The throw-away store of the warm-up while it exists. */
  private static volatile Path warmUpDir;

  /** Nothing to do: the warm-up's store is removed (it may still be writing it) and the JVM stops. */
  private static void stopWarmUpAndHalt() {
    Path dir = warmUpDir;
    if (dir != null) deleteQuietly(dir);
    Runtime.getRuntime().halt(1);
  }

  /**
   * Started with the JVM, while Node.js still checks the file: a two-node import and an index
   * build on a throw-away store, so that the classes and the compiled code of both are ready
   * when the real ones begin (about half of their time on a cold JVM). Best effort: any
   * failure here only means a cold start.
   */
  private static Thread startWarmUp(Path schema) {
    Thread thread = new Thread(() -> {
      if (schema == null) return;
      Path dir = null;
      try {
        dir = Files.createTempDirectory("tracegraph-warm-up-");
        warmUpDir = dir;
        warmUp(dir, schema);
      } catch (Throwable ignored) {
        // A cold start instead.
      } finally {
        if (dir != null) deleteQuietly(dir);
        warmUpDir = null;
      }
    }, "warm-up");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void warmUp(Path dir, Path schema) throws IOException {
    Files.createDirectories(dir.resolve("conf"));
    Files.writeString(dir.resolve("conf").resolve("neo4j.conf"), "");
    Path nodes = Files.writeString(dir.resolve("nodes.csv"), "id:ID(Entity),name,degree:long\n\"a\",\"A\",1\n\"b\",\"B\",1\n");
    Path relations = Files.writeString(
        dir.resolve("relations.csv"), ":START_ID(Entity),:END_ID(Entity),:TYPE,id\n\"a\",\"b\",\"WARM_UP\",\"r\"\n");
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    int code = AdminTool.execute(
        new ExecutionContext(dir, dir.resolve("conf"), quiet, quiet, new DefaultFileSystemAbstraction()),
        "database", "import", "full", "--nodes=Entity=" + nodes, "--relationships=" + relations,
        "--report-file=" + dir.resolve("import.report"), "neo4j");
    if (code == 0) buildIndexes(dir, ByteUnit.mebiBytes(16), schema);
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // Left in the temporary directory.
    }
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
        .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
        // Every core fills indexes: nothing else runs in this JVM.
        .setConfig(
            GraphDatabaseInternalSettings.index_population_workers,
            Runtime.getRuntime().availableProcessors())
        .build();
    timing("embedded start");
    try {
      GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      // One transaction: Neo4j starts filling them all together.
      try (Transaction tx = db.beginTx()) {
        for (String statement : statements.subList(0, statements.size() - 1)) tx.execute(statement).close();
        tx.commit();
      }
      timing("index create");
      db.executeTransactionally(statements.get(statements.size() - 1));
      timing("index populate");
    } finally {
      service.shutdown();
      timing("shutdown");
    }
  }

  private static long last = System.nanoTime();

  /** With TRACEGRAPH_IMPORT_TIMING set: how long each step took, on standard error. */
  private static void timing(String step) {
    long now = System.nanoTime();
    if (System.getenv("TRACEGRAPH_IMPORT_TIMING") != null) {
      long cpu = java.lang.management.ManagementFactory.getPlatformMXBean(
          com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
      System.err.printf("%stiming %s %d ms (process cpu %d ms)%n", PREFIX, step, (now - last) / 1_000_000, cpu / 1_000_000);
    }
    last = now;
  }

  private static void fail(String message) {
    System.out.flush();
    System.err.println(PREFIX + "error: " + message);
    System.err.flush();
    System.exit(1);
  }
}
