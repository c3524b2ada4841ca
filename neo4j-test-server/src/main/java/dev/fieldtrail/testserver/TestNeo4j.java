package dev.fieldtrail.testserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

/**
 * Starts one real Neo4j DBMS (the official test harness, Community edition) with Bolt on
 * 127.0.0.1 and authentication on, sets the password of user "neo4j", prints one line
 * {@code READY bolt://127.0.0.1:PORT} and runs until it is stopped (SIGTERM or end of stdin is
 * not needed: the JVM's shutdown hook closes the database cleanly).
 *
 * <p>Arguments: {@code PORT PASSWORD DATA_DIR}. PORT 0 lets the OS pick a free port.
 */
public final class TestNeo4j {
  private TestNeo4j() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: TestNeo4j PORT PASSWORD DATA_DIR");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    String password = args[1];
    Path dataDir = Path.of(args[2]);
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

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      neo4j.close();
      stopped.countDown();
    }, "neo4j-shutdown"));

    System.out.println("READY " + neo4j.boltURI());
    System.out.flush();
    stopped.await();
  }
}
