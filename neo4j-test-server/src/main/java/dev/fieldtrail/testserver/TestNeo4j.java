package dev.fieldtrail.testserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

/**
 * Starts real Neo4j DBMSs (the official test harness, Community edition) in one JVM, each with
 * Bolt on 127.0.0.1 and authentication on, sets the password of user "neo4j" on each, prints one
 * line {@code READY bolt://127.0.0.1:PORT [bolt://127.0.0.1:PORT2 …]} and runs until it is
 * stopped (the JVM's shutdown hook closes the databases cleanly). Community edition has one user
 * database per DBMS, so parallel test workers each get a DBMS of their own.
 *
 * <p>Arguments: {@code PORT PASSWORD DATA_DIR [COUNT]}. PORT 0 lets the OS pick free ports; with
 * a fixed PORT the instances take PORT, PORT+1, …; COUNT defaults to 1.
 */
public final class TestNeo4j {
  private TestNeo4j() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3 && args.length != 4) {
      System.err.println("usage: TestNeo4j PORT PASSWORD DATA_DIR [COUNT]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    String password = args[1];
    Path dataDir = Path.of(args[2]);
    int count = args.length == 4 ? Integer.parseInt(args[3]) : 1;
    if (count < 1 || count > 8) {
      System.err.println("COUNT must be between 1 and 8");
      System.exit(2);
    }

    List<Neo4j> servers = new ArrayList<>();
    StringBuilder ready = new StringBuilder("READY");
    for (int i = 0; i < count; i++) {
      Neo4j neo4j = start(count == 1 ? dataDir : dataDir.resolve("instance-" + (i + 1)), port == 0 ? 0 : port + i, password);
      servers.add(neo4j);
      ready.append(' ').append(neo4j.boltURI());
    }

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      for (Neo4j neo4j : servers) neo4j.close();
      stopped.countDown();
    }, "neo4j-shutdown"));

    System.out.println(ready);
    System.out.flush();
    stopped.await();
  }

  private static Neo4j start(Path dataDir, int port, String password) throws IOException {
    Files.createDirectories(dataDir);
    Neo4j neo4j = Neo4jBuilders.newInProcessBuilder(dataDir)
        // Bolt only: FieldTrail speaks Bolt, so the HTTP server stays off.
        .withDisabledServer()
        .withConfig(BoltConnector.enabled, true)
        .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .withConfig(GraphDatabaseSettings.auth_enabled, true)
        // Sized for a 2-core, 24 GB CI machine shared with the test runner.
        .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(512))
        .build();

    // In-process access to the system database needs no login, so the initial password can be
    // set here without the interactive "change on first login" step.
    neo4j.databaseManagementService()
        .database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
        .executeTransactionally(
            "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    return neo4j;
  }
}
