package com.misty.orders.rest;

import com.misty.contracts.EventEnvelope;
import com.misty.contracts.Topics;
import com.misty.contracts.inventory.AllocatedLine;
import com.misty.contracts.inventory.StockAllocated;
import com.misty.contracts.orders.OrderUpdated;
import com.misty.orders.InventoryAnswers;
import com.misty.orders.OrderApi;
import com.misty.platform.events.EventJson;
import com.misty.testkit.Concurrently;
import com.misty.testkit.EventProbe;
import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static com.misty.orders.OrderApi.line;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The change history: one entry per version, matching every change, also under 16 concurrent editors. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class OrderHistoryTest {

    private static final int EDITORS = 16;
    private static final int ROUNDS = Integer.getInteger("history.rounds", 3);

    private final OrderApi api = OrderApi.manager();

    @Test
    void everyChangeOfTheOrderIsOneEntryWithWhoWhenKindAndFieldValues() {
        String id = api.place(OrderApi.newClient(), line("P-1", 5));
        api.patch(id, Map.of("version", 1, "notes", "first note")).statusCode(200);
        OrderApi.as("lead-7", "production").patch(id, Map.of("version", 2, "contact_name", "Kim", "due_date", "2027-01-31"))
                .statusCode(200);
        try (InventoryAnswers answers = new InventoryAnswers(MistyTestInfrastructure.kafkaBootstrapServers())) {
            answers.send(id, new StockAllocated(id, 0, List.of(new AllocatedLine(1, "P-1", "a-1", 5))));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> api.get(id).body("status", equalTo("CONFIRMED")));
        api.patch(id, Map.of("version", 4, "lines", List.of(line("P-1", 8)))).statusCode(200);
        api.cancel(id, "client withdrew").statusCode(200);

        JsonPath history = api.get(id + "/history").statusCode(200).body("order_id", equalTo(id))
                .body("version", equalTo(6)).extract().jsonPath();
        assertThat(history.getList("entries.version", Integer.class)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(history.getList("entries.kind", String.class))
                .containsExactly("CREATED", "EDITED", "EDITED", "STATUS_CHANGED", "REVISION", "CANCELLED");
        assertThat(history.getList("entries.actor", String.class))
                .containsExactly("manager-1", "manager-1", "lead-7", "inventory-service", "manager-1", "manager-1");
        assertThat(changes(history, 1)).containsExactly(change("notes", null, "first note"));
        assertThat(changes(history, 2)).containsExactly(change("contact_name", "Jo Buyer", "Kim"),
                change("due_date", "2026-12-24", "2027-01-31"));
        assertThat(changes(history, 3)).containsExactly(change("status", "PENDING_STOCK", "CONFIRMED"));
        assertThat(changes(history, 4)).containsExactly(change("pending_revision", null, "revision 1: 1:P-1:8"));
        assertThat(changes(history, 5)).containsExactly(change("status", "CONFIRMED", "CANCELLED"),
                change("status_reason", null, "client withdrew"), change("pending_revision", "revision 1: 1:P-1:8", null));
        assertThat(history.getString("entries[1].at")).isNotBlank();

        List<OrderUpdated> updates = updatesOf(id, 3);
        assertThat(updates).extracting(OrderUpdated::version).containsExactly(2L, 3L, 5L);
        assertThat(updates.get(1).changes()).extracting(c -> c.field()).containsExactly("contact_name", "due_date");

        api.get("missing-" + id + "/history").statusCode(404);
        OrderApi.as("emp", "employee").get(id + "/history").statusCode(403);
    }

    @Test
    void sixteenConcurrentEditorsOverManyRoundsEveryChangeIsExactlyOneMatchingEntry() {
        String id = api.place(OrderApi.newClient(), line("P-1", 5));
        Map<Long, String[]> won = new ConcurrentHashMap<>();

        List<Integer> conflicts = Concurrently.run(EDITORS, editor -> () -> {
            OrderApi me = OrderApi.as("editor-" + editor, "production");
            int lost = 0;
            for (int round = 0; round < ROUNDS; round++) {
                String field = (editor + round) % 2 == 0 ? "notes" : "contact_name";
                String value = "editor " + editor + " round " + round;
                while (true) {
                    long version = me.version(id);
                    ExtractableResponse<Response> answer = me.patch(id, Map.of("version", version, field, value)).extract();
                    if (answer.statusCode() == 200) {
                        won.put(((Number) answer.path("version")).longValue(), new String[] {"editor-" + editor, field, value});
                        break;
                    }
                    assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(409);
                    lost++;
                }
            }
            return lost;
        });

        long finalVersion = 1L + EDITORS * ROUNDS;
        assertThat(won).hasSize(EDITORS * ROUNDS);
        api.get(id).body("version", equalTo((int) finalVersion));
        JsonPath history = api.get(id + "/history").statusCode(200).extract().jsonPath();
        assertThat(history.getList("entries.version", Long.class))
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, finalVersion).boxed().toList());
        Map<String, String> current = new HashMap<>(Map.of("notes", "", "contact_name", "Jo Buyer"));
        for (long version = 2; version <= finalVersion; version++) {
            String[] change = won.get(version);
            int index = (int) version - 1;
            assertThat(history.getString("entries[" + index + "].actor")).as("actor of version %d", version).isEqualTo(change[0]);
            assertThat(history.getString("entries[" + index + "].kind")).isEqualTo("EDITED");
            String old = current.get(change[1]);
            List<Map<String, String>> expected = change[2].equals(old) ? List.of()
                    : List.of(change(change[1], old.isEmpty() ? null : old, change[2]));
            assertThat(changes(history, index)).as("changes of version %d", version).isEqualTo(expected);
            current.put(change[1], change[2]);
        }
        api.get(id).body("notes", equalTo(current.get("notes"))).body("contact_name", equalTo(current.get("contact_name")));
        System.out.printf("[measure] %d editors x %d rounds: %d conflicts retried%n", EDITORS, ROUNDS,
                conflicts.stream().mapToInt(Integer::intValue).sum());
    }

    private static List<Map<String, String>> changes(JsonPath history, int index) {
        return history.getList("entries[" + index + "].changes");
    }

    private static Map<String, String> change(String field, String old, String now) {
        Map<String, String> change = new HashMap<>();
        change.put("field", field);
        change.put("old_value", old);
        change.put("new_value", now);
        return change;
    }

    private static List<OrderUpdated> updatesOf(String id, int expected) {
        try (EventProbe probe = new EventProbe(MistyTestInfrastructure.kafkaBootstrapServers(), Topics.ORDERS_EVENTS)) {
            return probe.pollUntil(seen -> updates(seen, id).size() >= expected, Duration.ofSeconds(60)).stream()
                    .filter(r -> id.equals(r.key())).map(r -> EventJson.read(r.value()).envelope())
                    .map(EventEnvelope::payload).filter(OrderUpdated.class::isInstance).map(OrderUpdated.class::cast).toList();
        }
    }

    private static List<Object> updates(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> seen, String id) {
        return seen.stream().filter(r -> id.equals(r.key())).map(r -> EventJson.read(r.value()).envelope().payload())
                .filter(OrderUpdated.class::isInstance).map(o -> (Object) o).toList();
    }
}
