package com.misty.payroll.messaging;

import com.misty.contracts.EventEnvelope;
import com.misty.contracts.Topics;
import com.misty.contracts.auth.UserCreated;
import com.misty.contracts.auth.UserDeactivated;
import com.misty.platform.events.EventJson;
import com.misty.testkit.MistyTestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import static com.misty.payroll.PayrollApi.uniqueUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** auth.events: a profile stub per new employee, exactly one however often the event arrives. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class AuthEventsConsumerTest {

    @Inject
    MongoClient mongo;

    private void send(EventEnvelope... events) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, MistyTestInfrastructure.kafkaBootstrapServers());
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (EventEnvelope event : events) {
                producer.send(new ProducerRecord<>(Topics.AUTH_EVENTS, event.aggregateId(), EventJson.write(event))).get();
            }
        }
    }

    private Document profileOf(String userId) {
        return mongo.getDatabase("payroll").getCollection("employee_profiles").find(Filters.eq("user_id", userId)).first();
    }

    private long profilesOf(String userId) {
        return mongo.getDatabase("payroll").getCollection("employee_profiles").countDocuments(Filters.eq("user_id", userId));
    }

    @Test
    void userCreatedDeliveredTwiceMakesOneStubAndDeactivationMarksItInactive() throws Exception {
        String userId = uniqueUser("new-hire");
        EventEnvelope created = EventEnvelope.of(userId, "auth-service", new UserCreated(userId, "jo.bloggs", "employee"));
        // The same event redelivered, and a second event for the same user (e.g. a replayed topic).
        EventEnvelope again = EventEnvelope.of(userId, "auth-service", new UserCreated(userId, "jo.bloggs", "employee"));
        EventEnvelope deactivated = EventEnvelope.of(userId, "auth-service", new UserDeactivated(userId, Instant.now()));

        send(created, created, again, deactivated);

        // Same key, same partition, in order: once deactivation is seen, every UserCreated was handled.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Document profile = profileOf(userId);
            return profile != null && !profile.getBoolean("active");
        });
        assertThat(profilesOf(userId)).isEqualTo(1);
        Document profile = profileOf(userId);
        assertThat(profile.getString("name")).isEqualTo("jo.bloggs");
        assertThat(profile.get("hourly_rate")).isNull();

        // A late redelivery of the creation neither duplicates nor reactivates the profile.
        String sentinelUser = uniqueUser("sentinel");
        send(created, EventEnvelope.of(userId, "auth-service", new UserCreated(sentinelUser, "next", "employee")));
        await().atMost(Duration.ofSeconds(30)).until(() -> profileOf(sentinelUser) != null);
        assertThat(profilesOf(userId)).isEqualTo(1);
        assertThat(profileOf(userId).getBoolean("active")).isFalse();
    }

    @Test
    void usersWithOtherRolesGetNoProfile() throws Exception {
        String managerId = uniqueUser("manager");
        String employeeId = uniqueUser("employee");
        // Both on one key so the second proves the first was handled.
        send(EventEnvelope.of("same-key", "auth-service", new UserCreated(managerId, "boss", "manager")),
                EventEnvelope.of("same-key", "auth-service", new UserCreated(employeeId, "worker", "employee")));

        await().atMost(Duration.ofSeconds(30)).until(() -> profileOf(employeeId) != null);
        assertThat(profileOf(managerId)).isNull();
    }
}
