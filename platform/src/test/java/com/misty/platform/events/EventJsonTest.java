package com.misty.platform.events;

import com.misty.contracts.EventEnvelope;
import com.misty.contracts.EventTypes;
import com.misty.contracts.orders.OrderLine;
import com.misty.contracts.orders.OrderPlaced;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

    @Test
    void writesSnakeCaseAndReadsBackTheTypedPayload() {
        EventEnvelope placed = EventEnvelope.of("o1", "u1",
                new OrderPlaced("o1", "ORD-000001", "c1", List.of(new OrderLine(1, "p1", 5))));

        String json = EventJson.write(placed);
        ReceivedEvent read = EventJson.read(json);

        assertThat(json).contains("\"event_id\"", "\"aggregate_id\":\"o1\"", "\"order_number\"", "\"product_id\"");
        assertThat(read.known()).isTrue();
        assertThat(read.envelope()).isEqualTo(placed);
        assertThat(read.payloadAs(OrderPlaced.class).lines()).containsExactly(new OrderLine(1, "p1", 5));
    }

    @Test
    void anUnknownTypeIsReadButMarkedUnknown() {
        String json = "{\"event_id\":\"" + java.util.UUID.randomUUID() + "\",\"type\":\"SomethingNew\","
                + "\"aggregate_id\":\"x\",\"occurred_at\":\"2026-01-01T00:00:00Z\",\"schema_version\":2,"
                + "\"actor\":\"svc\",\"payload\":{\"a\":1}}";
        assertThat(EventJson.read(json).known()).isFalse();
    }

    @Test
    void garbageIsAMalformedEvent() {
        assertThatThrownBy(() -> EventJson.read("{not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.read("{\"type\":\"OrderPlaced\"}")).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void everyRegisteredTypeIsAPastTenseRecordWithAUniqueName() {
        assertThat(EventTypes.all()).extracting(Class::getSimpleName).doesNotHaveDuplicates()
                .allMatch(name -> name.endsWith("ed"), "past tense");
    }
}
