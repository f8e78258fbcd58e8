package com.misty.orders.repository;

import com.misty.platform.storage.DuplicateKeys;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The original system's Migration 1: every order without a {@code version} gets {@code version: 1}, so that
 * optimistic locking can rely on it. It runs once per database, however many replicas start at the same
 * time: a replica claims it by inserting its record into {@code migrations} (the unique {@code _id} lets only
 * one insert succeed), runs it and marks it done; the others wait until it is done. If the claimer dies, its
 * lease runs out and a waiting replica takes the run over (the update only touches orders still lacking a
 * version, so running it again is harmless).
 * <p>
 * Because it is idempotent it also runs at every later start: a replica that finds the migration done still gives
 * version 1 to orders that arrived since without one (restored from a backup, copied in from the original
 * system), and records how many in {@code late_orders_updated}.
 */
public final class OrderVersionMigration {

    public static final String ID = "0001-orders-add-version";
    private static final Logger LOG = Logger.getLogger(OrderVersionMigration.class);

    public enum Outcome {
        /** This replica ran the migration. */
        RAN,
        /** Another replica had run it (maybe while this one waited); this one only fixed orders that came later. */
        DONE_BY_OTHER
    }

    public record Result(Outcome outcome, long ordersUpdated) {
    }

    private final MongoCollection<Document> migrations;
    private final MongoCollection<Document> orders;
    private final String owner;
    private final Duration lease;
    private final Duration pollInterval;
    private final Clock clock;

    public OrderVersionMigration(MongoDatabase database, String owner, Duration lease, Duration pollInterval, Clock clock) {
        this.migrations = database.getCollection(OrdersDatabase.MIGRATIONS);
        this.orders = database.getCollection(OrdersDatabase.ORDERS);
        this.owner = owner;
        this.lease = lease;
        this.pollInterval = pollInterval;
        this.clock = clock;
    }

    public Result run() {
        while (true) {
            if (claim()) {
                return execute();
            }
            Document record = migrations.find(Filters.eq("_id", ID)).first();
            if (record != null && "done".equals(record.getString("state"))) {
                return new Result(Outcome.DONE_BY_OTHER, fixLateArrivals());
            }
            if (record != null && takeOverExpired(record)) {
                LOG.warnf("Migration %s: the lease of %s ran out; %s takes over", ID, record.getString("owner"), owner);
                return execute();
            }
            pause();
        }
    }

    private boolean claim() {
        Instant now = clock.instant();
        try {
            migrations.insertOne(new Document("_id", ID).append("state", "running").append("owner", owner)
                    .append("started_at", Date.from(now)).append("lease_until", Date.from(now.plus(lease))));
            return true;
        } catch (MongoWriteException e) {
            if (DuplicateKeys.is(e)) {
                return false;
            }
            throw e;
        }
    }

    private boolean takeOverExpired(Document record) {
        Date leaseUntil = record.getDate("lease_until");
        Instant now = clock.instant();
        if (leaseUntil == null || leaseUntil.toInstant().isAfter(now)) {
            return false;
        }
        // Matching the old lease too means only one waiting replica wins the takeover.
        return migrations.updateOne(
                Filters.and(Filters.eq("_id", ID), Filters.eq("state", "running"), Filters.eq("lease_until", leaseUntil)),
                Updates.combine(Updates.set("owner", owner), Updates.set("lease_until", Date.from(now.plus(lease)))))
                .getModifiedCount() == 1;
    }

    private long fixLateArrivals() {
        long updated = giveVersionOne();
        if (updated > 0) {
            migrations.updateOne(Filters.eq("_id", ID), Updates.inc("late_orders_updated", updated));
            LOG.infof("Migration %s re-run by %s: %d orders stored since without a version got version 1", ID, owner, updated);
        }
        return updated;
    }

    private long giveVersionOne() {
        return orders.updateMany(Filters.exists("version", false), Updates.set("version", 1L)).getModifiedCount();
    }

    private Result execute() {
        long updated = giveVersionOne();
        migrations.updateOne(Filters.and(Filters.eq("_id", ID), Filters.eq("owner", owner)),
                Updates.combine(Updates.set("state", "done"), Updates.set("completed_at", Date.from(clock.instant())),
                        Updates.set("orders_updated", updated), Updates.unset("lease_until")));
        LOG.infof("Migration %s done by %s: %d orders got version 1", ID, owner, updated);
        return new Result(Outcome.RAN, updated);
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for migration " + ID, e);
        }
    }
}
