package com.misty.orders.saga;

import com.misty.contracts.EventEnvelope;
import com.misty.contracts.Topics;
import com.misty.contracts.inventory.AllocatedLine;
import com.misty.contracts.inventory.StockAllocated;
import com.misty.contracts.inventory.StockAllocationRejected;
import com.misty.contracts.inventory.StockReleased;
import com.misty.contracts.inventory.StockShortage;
import com.misty.contracts.orders.OrderCancelled;
import com.misty.contracts.orders.OrderLine;
import com.misty.contracts.orders.OrderPlaced;
import com.misty.contracts.orders.OrderRevised;
import com.misty.orders.InventoryAnswers;
import com.misty.platform.events.IncomingEvents;
import com.misty.platform.events.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A faithful stand-in for inventory-service's side of the saga contract: it reads {@code orders.events} and
 * answers on {@code inventory.events}. {@code OrderPlaced} allocates every line or none; {@code OrderRevised}
 * allocates the increases and releases the decreases, all or nothing; {@code OrderCancelled} releases what
 * the order holds. Stock is kept per (client, product). It only answers orders of the clients it was told to
 * serve, so other tests' orders stay untouched.
 */
final class InventoryDouble implements AutoCloseable {

    private final Set<String> servedClients = ConcurrentHashMap.newKeySet();
    private final KafkaConsumer<String, String> consumer;
    private final InventoryAnswers answers;
    private final Map<String, Long> onHand = new ConcurrentHashMap<>();
    /** order id → line → allocated quantity. */
    private final Map<String, Map<Integer, AllocatedLine>> allocations = new ConcurrentHashMap<>();
    private final Map<String, String> clientOfOrder = new ConcurrentHashMap<>();
    private final List<EventEnvelope> sent = Collections.synchronizedList(new ArrayList<>());
    private final Thread worker;
    private volatile boolean running = true;

    InventoryDouble(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "inventory-double-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.ORDERS_EVENTS));
        answers = new InventoryAnswers(bootstrapServers);
        worker = new Thread(this::loop, "inventory-double");
        worker.setDaemon(true);
        worker.start();
    }

    /** Answers the orders of {@code clientId} from now on. */
    void serve(String clientId) {
        servedClients.add(clientId);
    }

    void stock(String clientId, String productId, long quantity) {
        onHand.put(clientId + "/" + productId, quantity);
    }

    long onHand(String clientId, String productId) {
        return onHand.getOrDefault(clientId + "/" + productId, 0L);
    }

    /** The answers sent about one order, oldest first. */
    List<EventEnvelope> sentFor(String orderId) {
        synchronized (sent) {
            return sent.stream().filter(e -> e.aggregateId().equals(orderId)).toList();
        }
    }

    private void loop() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    IncomingEvents.read(record.value(), "test-double").ifPresent(this::handle);
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    private synchronized void handle(ReceivedEvent event) {
        if (event.is(OrderPlaced.class)) {
            OrderPlaced placed = event.payloadAs(OrderPlaced.class);
            if (placed.clientId() != null && servedClients.contains(placed.clientId())) {
                clientOfOrder.put(placed.orderId(), placed.clientId());
                answer(placed.orderId(), bringTo(placed.orderId(), placed.clientId(), 0, placed.lines()));
            }
        } else if (event.is(OrderRevised.class)) {
            OrderRevised revised = event.payloadAs(OrderRevised.class);
            if (revised.clientId() != null && servedClients.contains(revised.clientId())) {
                answer(revised.orderId(), bringTo(revised.orderId(), revised.clientId(), revised.revision(), revised.lines()));
            }
        } else if (event.is(OrderCancelled.class)) {
            OrderCancelled cancelled = event.payloadAs(OrderCancelled.class);
            String clientId = clientOfOrder.get(cancelled.orderId());
            if (clientId != null) {
                Map<Integer, AllocatedLine> held = allocations.getOrDefault(cancelled.orderId(), Map.of());
                held.values().forEach(a -> onHand.merge(clientId + "/" + a.productId(), a.quantity(), Long::sum));
                allocations.remove(cancelled.orderId());
                answer(cancelled.orderId(), new StockReleased(cancelled.orderId(),
                        held.values().stream().map(AllocatedLine::allocationId).toList()));
            }
        }
    }

    /** All or nothing: every line's increase must be on hand, else nothing changes and the shortages are named. */
    private Object bringTo(String orderId, String clientId, long revision, List<OrderLine> lines) {
        Map<Integer, AllocatedLine> held = allocations.getOrDefault(orderId, Map.of());
        Map<String, Long> needed = new HashMap<>();
        for (OrderLine line : lines) {
            AllocatedLine before = held.get(line.line());
            long already = before != null && before.productId().equals(line.productId()) ? before.quantity() : 0;
            needed.merge(line.productId(), line.quantity() - already, Long::sum);
        }
        for (AllocatedLine before : held.values()) {
            boolean kept = lines.stream().anyMatch(l -> l.line() == before.line() && l.productId().equals(before.productId()));
            if (!kept) {
                needed.merge(before.productId(), -before.quantity(), Long::sum);
            }
        }
        List<StockShortage> shortages = new ArrayList<>();
        for (OrderLine line : lines) {
            long need = needed.getOrDefault(line.productId(), 0L);
            long available = onHand(clientId, line.productId());
            if (need > available) {
                shortages.add(new StockShortage(line.line(), line.productId(), line.quantity(), available));
            }
        }
        if (!shortages.isEmpty()) {
            return new StockAllocationRejected(orderId, revision, shortages);
        }
        needed.forEach((product, delta) -> onHand.merge(clientId + "/" + product, -delta, Long::sum));
        Map<Integer, AllocatedLine> now = new LinkedHashMap<>();
        for (OrderLine line : lines) {
            now.put(line.line(), new AllocatedLine(line.line(), line.productId(), "alloc-" + UUID.randomUUID(), line.quantity()));
        }
        allocations.put(orderId, now);
        return new StockAllocated(orderId, revision, List.copyOf(now.values()));
    }

    private void answer(String orderId, Object payload) {
        EventEnvelope envelope = EventEnvelope.of(orderId, InventoryAnswers.ACTOR, payload);
        sent.add(envelope);
        // Like the real service's outbox: an answer is retried until the broker takes it.
        while (running) {
            try {
                answers.resend(envelope);
                return;
            } catch (IllegalStateException e) {
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answers.close();
    }
}
