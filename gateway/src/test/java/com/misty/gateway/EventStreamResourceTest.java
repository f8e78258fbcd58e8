package com.misty.gateway;

import com.misty.contracts.Topics;
import com.misty.contracts.auth.SessionEnded;
import com.misty.contracts.auth.SessionsRevoked;
import com.misty.contracts.inventory.StockLevelChanged;
import com.misty.contracts.orders.OrderStatusChanged;
import com.misty.contracts.payroll.LeaveApproved;
import com.misty.gateway.support.DownstreamStubs;
import com.misty.gateway.support.SseClient;
import com.misty.gateway.support.SseClient.Frame;
import com.misty.gateway.support.SuiteEvents;
import com.misty.testkit.MistyTestInfrastructure;
import com.misty.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET /api/events/stream}: events from the real broker, filtered per viewer, resumable, kept alive. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
@WithTestResource(DownstreamStubs.class)
class EventStreamResourceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/api/events/stream")
    URL stream;

    @Test
    void orderStatusChangeArrivesEndToEnd() {
        try (SseClient production = open("Bearer " + TestTokens.accessToken("lead-" + UUID.randomUUID(), "production"))) {
            assertThat(production.status()).isEqualTo(200);
            assertThat(production.contentType()).startsWith("text/event-stream");
            awaitConnected(production);

            String orderId = "order-" + UUID.randomUUID();
            SuiteEvents.publish(Topics.ORDERS_EVENTS, orderId,
                    new OrderStatusChanged(orderId, "SO-2026-0042", "CONFIRMED", null, 3));

            Frame frame = production.await(f -> "OrderStatusChanged".equals(f.event()) && f.data().contains(orderId), WAIT);
            assertThat(frame.id()).matches("([a-z.-]+:\\d+:\\d+,?)+").contains("orders.events:");
            assertThat(frame.data()).contains("\"status\":\"CONFIRMED\"").contains("\"order_number\":\"SO-2026-0042\"");
        }
    }

    @Test
    void anEmployeeSeesOnlyTheirOwnPayrollEvents() {
        String me = "emp-" + UUID.randomUUID();
        String colleague = "emp-" + UUID.randomUUID();
        try (SseClient manager = open("Bearer " + TestTokens.accessToken("mgr-" + UUID.randomUUID(), "manager"));
             SseClient employee = openWithQueryToken(TestTokens.accessToken(me, "employee"))) {
            awaitConnected(manager);
            awaitConnected(employee);
            String othersLeave = "leave-" + UUID.randomUUID();
            String orderId = "order-" + UUID.randomUUID();
            SuiteEvents.publish(Topics.PAYROLL_EVENTS, othersLeave, leaveApproved(othersLeave, colleague));
            SuiteEvents.publish(Topics.ORDERS_EVENTS, orderId, new OrderStatusChanged(orderId, "SO-1", "CANCELLED", "x", 2));
            // The manager's stream proves both were processed before the employee's own event is published.
            manager.await(f -> f.data() != null && f.data().contains(othersLeave), WAIT);
            manager.await(f -> f.data() != null && f.data().contains(orderId), WAIT);

            String myLeave = "leave-" + UUID.randomUUID();
            SuiteEvents.publish(Topics.PAYROLL_EVENTS, myLeave, leaveApproved(myLeave, me));

            employee.await(f -> "LeaveApproved".equals(f.event()) && f.data().contains(myLeave), WAIT);
            assertThat(employee.frames()).noneMatch(f -> f.data() != null
                    && (f.data().contains(othersLeave) || f.data().contains(orderId)));
        }
    }

    @Test
    void lastEventIdResumesWithoutGapsAndAnUnknownOneAsksForAReload() {
        String viewer = TestTokens.accessToken("resumer-" + UUID.randomUUID(), "admin");
        String firstId;
        try (SseClient first = open("Bearer " + viewer)) {
            awaitConnected(first);
            String stock = "stock-" + UUID.randomUUID();
            SuiteEvents.publish(Topics.INVENTORY_STOCK_LEVELS, stock, new StockLevelChanged(stock, "p", "c", 10, "RECEIPT"));
            first.await(f -> f.data() != null && f.data().contains(stock), WAIT);
            firstId = first.lastEventId();
        }
        String missedA = "stock-" + UUID.randomUUID();
        String missedB = "order-" + UUID.randomUUID();
        try (SseClient witness = open("Bearer " + TestTokens.accessToken("witness-" + UUID.randomUUID(), "admin"))) {
            awaitConnected(witness);
            SuiteEvents.publish(Topics.INVENTORY_STOCK_LEVELS, missedA, new StockLevelChanged(missedA, "p", "c", 5, "ALLOCATION"));
            SuiteEvents.publish(Topics.ORDERS_EVENTS, missedB, new OrderStatusChanged(missedB, "SO-9", "CONFIRMED", null, 1));
            witness.await(f -> f.data() != null && f.data().contains(missedA), WAIT);
            witness.await(f -> f.data() != null && f.data().contains(missedB), WAIT);
        }
        try (SseClient resumed = open("Bearer " + viewer, Map.of("Last-Event-ID", firstId))) {
            resumed.await(f -> f.data() != null && f.data().contains(missedA), WAIT);
            resumed.await(f -> f.data() != null && f.data().contains(missedB), WAIT);
            assertThat(resumed.frames()).noneMatch(f -> "resync".equals(f.event()));
        }
        try (SseClient stale = open("Bearer " + viewer, Map.of("Last-Event-ID", "0000-17"))) {
            stale.await(f -> "resync".equals(f.event()), WAIT);
        }
    }

    @Test
    void tokenMayComeAsCookieButMustBeValid() {
        try (SseClient cookie = open(null, Map.of("Cookie", "misty_access_token=" + TestTokens.accessToken("c-" + UUID.randomUUID(), "manager")))) {
            assertThat(cookie.status()).isEqualTo(200);
        }
        try (SseClient none = open(null)) {
            assertThat(none.status()).isEqualTo(401);
        }
        try (SseClient bad = openWithQueryToken("not-a-token")) {
            assertThat(bad.status()).isEqualTo(401);
        }
    }

    @Test
    void heartbeatsKeepAnIdleStreamAlive() {
        try (SseClient idle = open("Bearer " + TestTokens.accessToken("idle-" + UUID.randomUUID(), "employee"))) {
            await().atMost(WAIT).until(() -> idle.comments().contains(": heartbeat"));
        }
    }

    @Test
    void aRevokedUsersStreamIsClosed() {
        String user = "streamer-" + UUID.randomUUID();
        String token = TestTokens.builder(user, "manager").issuedAt(Instant.now().getEpochSecond() - 5).sign(TestTokens.privateKey());
        try (SseClient revoked = open("Bearer " + token);
             SseClient other = open("Bearer " + TestTokens.accessToken("other-" + UUID.randomUUID(), "manager"))) {
            awaitConnected(revoked);
            SuiteEvents.publish(Topics.AUTH_EVENTS, user, new SessionsRevoked(user, Instant.now(), "logout-all"));
            await().atMost(WAIT).until(revoked::ended);
            assertThat(other.ended()).isFalse();
        }
    }

    @Test
    void aLoggedOutLoginsStreamIsClosedWhileTheUsersOtherLoginKeepsItsStream() {
        String user = "two-logins-" + UUID.randomUUID();
        long issued = Instant.now().getEpochSecond() - 5;
        String ended = TestTokens.builder(user, "manager").claim("sid", "login-a").issuedAt(issued)
                .sign(TestTokens.privateKey());
        String kept = TestTokens.builder(user, "manager").claim("sid", "login-b").issuedAt(issued)
                .sign(TestTokens.privateKey());
        try (SseClient loggedOut = open("Bearer " + ended); SseClient other = open("Bearer " + kept)) {
            awaitConnected(loggedOut);
            awaitConnected(other);
            SuiteEvents.publish(Topics.AUTH_EVENTS, user, new SessionEnded(user, "login-a", Instant.now()));
            await().atMost(WAIT).until(loggedOut::ended);
            assertThat(other.ended()).isFalse();
        }
    }

    @Test
    void oneUserCannotTakeAllTheStreamSlots() {
        String greedy = TestTokens.accessToken("greedy-" + UUID.randomUUID(), "manager");
        List<SseClient> opened = new java.util.ArrayList<>();
        try {
            // The default allows five streams per user.
            for (int i = 0; i < 5; i++) {
                SseClient client = open("Bearer " + greedy);
                opened.add(client);
                assertThat(client.status()).isEqualTo(200);
                awaitConnected(client);
            }
            try (SseClient refused = open("Bearer " + greedy);
                 SseClient someoneElse = open("Bearer " + TestTokens.accessToken("modest-" + UUID.randomUUID(), "manager"))) {
                assertThat(refused.status()).isEqualTo(429);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(someoneElse.status()).isEqualTo(200);
            }
            opened.remove(0).close();
            await().atMost(WAIT).untilAsserted(() -> {
                try (SseClient again = open("Bearer " + greedy)) {
                    assertThat(again.status()).as("a slot is free again once a stream closed").isEqualTo(200);
                }
            });
        } finally {
            opened.forEach(SseClient::close);
        }
    }

    private static LeaveApproved leaveApproved(String leaveId, String employeeUserId) {
        return new LeaveApproved(leaveId, "profile-" + employeeUserId, employeeUserId, "annual", new BigDecimal("7.5"), "mgr");
    }

    /** The stream announces its resume point (an id-only frame) once it is attached. */
    private static void awaitConnected(SseClient client) {
        client.await(f -> f.id() != null && f.event() == null, WAIT);
    }

    private SseClient open(String authorization) {
        return open(authorization, Map.of());
    }

    private SseClient open(String authorization, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        if (authorization != null) {
            all.put("Authorization", authorization);
        }
        return SseClient.open(URI.create(stream.toString()), all);
    }

    private SseClient openWithQueryToken(String token) {
        return SseClient.open(URI.create(stream + "?access_token=" + token), Map.of());
    }
}
