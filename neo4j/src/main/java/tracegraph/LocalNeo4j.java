package tracegraph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j embedded with Bolt on 127.0.0.1 only. Usage: LocalNeo4j HOME PORT [PAGE_CACHE_MB].
 *
 * <p>It stops cleanly on SIGTERM/SIGINT (shutdown hook) and when its standard input closes,
 * which is how it learns that the Node.js process that started it has gone, however it died.
 */
public final class LocalNeo4j {
  private LocalNeo4j() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: LocalNeo4j HOME PORT [PAGE_CACHE_MB]");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    long pageCacheMb = args.length > 2 ? Long.parseLong(args[2]) : 128;

    DatabaseManagementService service =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
            // A runaway query cannot hold the machine: the app sets its own, shorter timeouts.
            .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5))
            .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(256))
            .build();

    Thread stopper = new Thread(service::shutdown, "neo4j-shutdown");
    Runtime.getRuntime().addShutdownHook(stopper);
    System.out.println("tracegraph-neo4j: bolt listening on 127.0.0.1:" + port);
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
}
