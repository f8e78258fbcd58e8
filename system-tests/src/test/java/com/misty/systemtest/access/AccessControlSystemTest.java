package com.misty.systemtest.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.systemtest.Response;
import com.misty.systemtest.Session;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Part 4 of issue #7: every endpoint with every caller (the four roles and a service account, plus no token)
 * through the gateway. A valid call succeeds exactly for the callers the READMEs allow ({@link EndpointCatalogue});
 * everyone else gets 403 problem+json and changes nothing. Then object-level checks: an employee is refused
 * another employee's profile, leave, timesheets, calculations and pay summary; nobody decides on their own leave
 * or timesheet. Runs after the hostile-input tests and ends its users' sessions last (logout, logout-all).
 */
@Order(51)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessControlSystemTest {

    private final World world = World.get();

    @TestFactory
    @Order(1)
    Stream<DynamicNode> everyEndpointWithEveryCaller() {
        return EndpointCatalogue.all().stream().filter(e -> !e.endsSession()).map(this::matrixOf);
    }

    private DynamicContainer matrixOf(Endpoint endpoint) {
        List<DynamicNode> cases = new ArrayList<>();
        // Refused callers first, with the state read around them: a refusal must change nothing.
        List<Caller> refused = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            if (!endpoint.allows(caller)) {
                refused.add(caller);
            }
        }
        if (!refused.isEmpty()) {
            cases.add(DynamicTest.dynamicTest(refused + " get 403 and change nothing", () -> {
                List<Call> calls = new ArrayList<>();
                for (Caller ignored : refused) {
                    calls.add(endpoint.stableCall(world));
                }
                Map<String, JsonNode> before = SuiteState.read(world, endpoint.area());
                for (int i = 0; i < refused.size(); i++) {
                    Response response = world.send(refused.get(i), endpoint.method(), calls.get(i));
                    assertThat(response.status()).as("%s as %s: %s", endpoint, refused.get(i), response).isEqualTo(403);
                    assertThat(response.isProblem()).as(response.toString()).isTrue();
                }
                assertThat(SuiteState.read(world, endpoint.area())).as("state after refused calls of %s", endpoint)
                        .isEqualTo(before);
            }));
        }
        for (Caller caller : Caller.values()) {
            if (endpoint.allows(caller)) {
                String why = endpoint.note().isEmpty() ? "" : " (" + endpoint.note() + ")";
                cases.add(DynamicTest.dynamicTest(caller.label() + " gets " + endpoint.expectedFor(caller) + why, () -> {
                    Response response = world.send(caller, endpoint.method(), endpoint.call(world));
                    assertThat(endpoint.expectedFor(caller)).as("%s as %s: %s", endpoint, caller, response)
                            .contains(response.status());
                }));
            }
        }
        if (!endpoint.isOpen()) {
            cases.add(DynamicTest.dynamicTest("no token gets 401", () -> {
                Call call = endpoint.stableCall(world);
                Response response = world.sendWithToken(null, endpoint.method(), call.path(),
                        call.body() == null ? null : com.misty.systemtest.SuiteClient.json(call.body()), Map.of());
                assertThat(response.status()).as(response.toString()).isEqualTo(401);
                assertThat(response.isProblem()).as(response.toString()).isTrue();
            }));
        }
        return DynamicContainer.dynamicContainer(endpoint.toString(), cases.stream());
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> anotherEmployeeIsRefusedAnEmployeesRecords() {
        Session other = world.otherEmployee();
        String profile = world.employeeProfileId();
        String leave = world.leaveId();
        String sheet = world.timesheetId();
        List<Object[]> attempts = List.of(
                new Object[] {"GET", "/api/payroll/employees/" + profile, null},
                new Object[] {"GET", "/api/payroll/employees/" + profile + "/pay-summary", null},
                new Object[] {"GET", "/api/payroll/leave-requests/" + leave, null},
                new Object[] {"GET", "/api/payroll/leave-requests?employee_id=" + profile, null},
                new Object[] {"POST", "/api/payroll/leave-requests/" + leave + "/cancel", null},
                new Object[] {"POST", "/api/payroll/leave-requests", withEmployee(world.leaveBody(), profile)},
                new Object[] {"GET", "/api/payroll/timesheets/" + sheet, null},
                new Object[] {"GET", "/api/payroll/timesheets?employee_id=" + profile, null},
                new Object[] {"PUT", "/api/payroll/timesheets/" + sheet, world.timesheetEditBody(sheet)},
                new Object[] {"POST", "/api/payroll/timesheets/" + sheet + "/submit", null},
                new Object[] {"POST", "/api/payroll/timesheets", withEmployee(world.timesheetBody(), profile)},
                new Object[] {"GET", "/api/payroll/calculations/" + world.calculationId(), null},
                new Object[] {"GET", "/api/payroll/calculations?employee_id=" + profile, null});
        return attempts.stream().map(attempt -> DynamicTest.dynamicTest("other employee: " + attempt[0] + " " + attempt[1], () -> {
            Map<String, JsonNode> before = SuiteState.read(world, Endpoint.Area.PAYROLL);
            Response response = other.send((String) attempt[0], (String) attempt[1], attempt[2], Map.of());
            assertThat(response.status()).as(response.toString()).isEqualTo(403);
            assertThat(response.isProblem()).as(response.toString()).isTrue();
            assertThat(SuiteState.read(world, Endpoint.Area.PAYROLL)).isEqualTo(before);
        }));
    }

    @Test
    @Order(3)
    void anEmployeesListsShowOnlyTheirOwnRecords() {
        Session other = world.otherEmployee();
        for (String list : List.of("/api/payroll/leave-requests?limit=500", "/api/payroll/timesheets?limit=500",
                "/api/payroll/calculations?limit=500")) {
            JsonNode items = other.get(list).expect(200).json();
            assertThat(items).as(list).isNotNull();
            for (JsonNode item : items) {
                assertThat(item.path("employee_id").asText()).as(list).isEqualTo(world.otherEmployeeProfileId());
            }
        }
    }

    @Test
    @Order(4)
    void nobodyDecidesOnTheirOwnLeaveOrTimesheet() {
        for (Caller supervisor : List.of(Caller.MANAGER, Caller.ADMIN)) {
            Session session = world.session(supervisor);
            String leave = world.newPendingLeave(session);
            String sheet = world.newDraftTimesheet(session);
            session.post("/api/payroll/timesheets/" + sheet + "/submit", null).expect(200);

            assertThat(session.post("/api/payroll/leave-requests/" + leave + "/approve", null).status()).isEqualTo(403);
            assertThat(session.post("/api/payroll/leave-requests/" + leave + "/reject", Map.of("reason", "x")).status())
                    .isEqualTo(403);
            assertThat(session.post("/api/payroll/timesheets/" + sheet + "/approve", null).status()).isEqualTo(403);
            assertThat(session.post("/api/payroll/timesheets/" + sheet + "/reject", Map.of("reason", "x")).status())
                    .isEqualTo(403);
            assertThat(world.auditor().get("/api/payroll/leave-requests/" + leave).field("status").asText()).isEqualTo("PENDING");
            assertThat(world.auditor().get("/api/payroll/timesheets/" + sheet).field("status").asText()).isEqualTo("SUBMITTED");
        }
    }

    /**
     * Last: logout and logout-all end the callers' own logins. A logout now voids that login's access tokens at
     * once (issue 16), so each user caller sends logout with its session's fresh token and logout-all with the
     * token of a second sign-in; afterwards both tokens are refused. auth-service compares the token's
     * whole-second {@code iat} with the revocation at second precision (so a token minted right after it passes):
     * the tokens are made more than a second before the logout-all. A service account has no login to end: it
     * sends both with its one token.
     */
    @Test
    @Order(100)
    void logoutAndLogoutAllWithEveryCaller() throws InterruptedException {
        List<Endpoint> ending = EndpointCatalogue.all().stream().filter(Endpoint::endsSession).toList();
        Map<Caller, String> tokens = new java.util.EnumMap<>(Caller.class);
        Map<Caller, String> secondLogins = new java.util.EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            if (caller != Caller.SERVICE) {
                Session session = world.session(caller);
                session.refresh();
                secondLogins.put(caller, com.misty.systemtest.RunningSuite.get().client()
                        .login(session.username(), session.password()).accessToken());
            }
            tokens.put(caller, world.bearer(caller));
        }
        Thread.sleep(1_100);
        SoftAssertions softly = new SoftAssertions();
        for (Caller caller : Caller.values()) {
            for (Endpoint endpoint : ending) {
                Call call = endpoint.call(world);
                String token = endpoint.template().endsWith("/logout-all") ? secondLogins.getOrDefault(caller, tokens.get(caller))
                        : tokens.get(caller);
                Response response = world.sendWithToken(token, endpoint.method(), call.path(), null, Map.of());
                softly.assertThat(endpoint.expectedFor(caller)).as("%s as %s: %s", endpoint, caller, response)
                        .contains(response.status());
            }
            if (caller != Caller.SERVICE) {
                for (String token : List.of(tokens.get(caller), secondLogins.get(caller))) {
                    Response me = world.sendWithToken(token, "GET", "/api/auth/me", null, Map.of());
                    softly.assertThat(me.status()).as("%s after logout and logout-all: %s", caller, me).isEqualTo(401);
                }
            }
        }
        softly.assertAll();
    }

    private static Map<String, Object> withEmployee(Map<String, Object> body, String employeeId) {
        body.put("employee_id", employeeId);
        return body;
    }
}
