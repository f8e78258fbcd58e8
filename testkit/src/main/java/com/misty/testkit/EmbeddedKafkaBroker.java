package com.misty.testkit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real Apache Kafka broker (KRaft, combined broker + controller, one node) running in this JVM.
 *
 * <p>Used by the tests (random ports, temporary directory) and by the local suite's broker process (fixed
 * port, data directory that survives restarts). {@link #stop()} and {@link #start()} again keep the ports and
 * the data, which is how the fault tests take the broker away and bring it back.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private final Properties overrides;
    private KafkaRaftServer server;

    public EmbeddedKafkaBroker(int port, int controllerPort, Path logDir, Properties overrides) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = logDir;
        this.overrides = overrides;
    }

    /** A broker on free loopback ports with a fresh temporary directory, already started. */
    public static EmbeddedKafkaBroker startOnRandomPorts() {
        try {
            Path dir = Files.createTempDirectory("misty-kafka");
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(freePort(), freePort(), dir, new Properties());
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        KafkaConfig config = new KafkaConfig(brokerProperties(), false);
        formatStorageIfMissing();
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path logDir() {
        return logDir;
    }

    @Override
    public void close() {
        stop();
    }

    private Properties brokerProperties() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // One node: every internal topic has one replica.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        // Several partitions so consumer groups can share work, as in production.
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "true");
        props.put("group.initial.rebalance.delay.ms", "0");
        // The default 128 MB dedupe buffer does not fit a small heap.
        props.put("log.cleaner.dedupe.buffer.size", "2097152");
        // No fsync per message (log.flush.interval.messages=1 cost every acknowledgement a disk flush, the largest
        // part of a publish's latency here): an appended record is in the page cache before it is acknowledged, and a
        // killed broker process (the fault tests' SIGKILL) does not lose the page cache; only losing the machine
        // would, which one local node does not guard against anyway. Production relies on replication, not fsync.
        props.putAll(overrides);
        return props;
    }

    private void formatStorageIfMissing() {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setHasDynamicQuorum(false)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + logDir + ": " + e.getMessage(), e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
