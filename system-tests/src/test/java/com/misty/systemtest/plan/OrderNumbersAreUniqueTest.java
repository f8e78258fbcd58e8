package com.misty.systemtest.plan;

import com.misty.systemtest.Clients;
import com.misty.systemtest.Response;
import com.misty.testkit.Concurrently;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Many users placing orders at the same moment each get an order with a number nobody else got. */
@Order(24)
class OrderNumbersAreUniqueTest {

    private final PlanCrew crew = PlanCrew.get();

    @Test
    void ordersPlacedAtOnceByManyUsersAllGetDistinctOrderNumbers() {
        int orders = 4 * PlanCrew.USERS;
        String clientId = Clients.create(crew.production(0), "Plan client");
        // No stock for this product: the saga rejects these orders later, which does not concern their numbers.
        List<PlanOrders.Line> lines = List.of(new PlanOrders.Line("plan-unstocked-" + UUID.randomUUID(), 1));

        List<Response> answers = Concurrently.run(orders, i -> () -> PlanOrders.place(crew.production(i), clientId, lines));

        assertThat(answers).extracting(Response::status).containsOnly(201);
        List<String> numbers = answers.stream().map(a -> a.field("order_number").asText()).toList();
        assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n.matches("ORD-\\d{6,}"));
        assertThat(answers).extracting(a -> a.field("id").asText()).doesNotHaveDuplicates();
        // What is stored agrees with what each creator was told.
        for (Response answer : answers) {
            assertThat(PlanOrders.read(crew.production(0), answer.field("id").asText()).get("order_number").asText())
                    .isEqualTo(answer.field("order_number").asText());
        }
    }
}
