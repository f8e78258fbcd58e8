package com.misty.suite;

import com.misty.testkit.EmbeddedKafkaBroker;

import java.nio.file.Path;
import java.util.Properties;

/** The local suite's Kafka process: one KRaft node whose data survives restarts. Args: port controllerPort dir. */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                Path.of(args[2]), new Properties());
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-shutdown"));
        ParentWatch.exitWhenParentDies();
        broker.start();
        System.out.println("Kafka broker ready on " + broker.bootstrapServers());
        Thread.currentThread().join();
    }
}
