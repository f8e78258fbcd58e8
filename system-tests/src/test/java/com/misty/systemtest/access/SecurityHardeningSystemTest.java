package com.misty.systemtest.access;

import com.misty.systemtest.Accounts;
import com.misty.systemtest.Response;
import com.misty.systemtest.RunningSuite;
import com.misty.systemtest.Session;
import com.misty.systemtest.SuiteClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 through the running suite, with real users: revocation reaches the gateway and the services within
 * two seconds of the action that caused it.
 */
@Order(52)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityHardeningSystemTest {

    private static final Duration REVOCATION_DEADLINE = Duration.ofSeconds(2);

    private final RunningSuite suite = RunningSuite.get();
    private final Session admin = suite.admin();

    @Test
    @Order(1)
    void aDemotedAdminIsRefusedAtTheGatewayAndAtAuthServiceWithinTwoSeconds() throws Exception {
        Session demoted = Accounts.newUser(suite, admin, "admin");
        String token = demoted.accessToken();
        direct("auth-service", "GET", "/api/auth/me", token).expect(200);
        long version = admin.get("/api/auth/users/" + demoted.userId()).expect(200).field("version").asLong();

        admin.patch("/api/auth/users/" + demoted.userId(), Map.of("role", "employee", "version", version)).expect(200);
        long demotedAt = System.nanoTime();

        // The very next admin action with the old token is refused: auth-service reads the role from its database.
        int sneaky = suite.client().send("POST", "/api/auth/users", token, SuiteClient.json(Map.of(
                "username", "sneaky-" + UUID.randomUUID().toString().substring(0, 8), "password", "pw-" + UUID.randomUUID(),
                "role", "admin")), Map.of()).status();
        assertThat(sneaky).as("creating another admin with the demoted admin's token").isIn(401, 403);
        awaitRefused(demotedAt, () -> suite.client().send("GET", "/api/stock", token, null, Map.of()).status());
        awaitRefused(demotedAt, () -> direct("auth-service", "GET", "/api/auth/me", token).status());
        awaitRefused(demotedAt, () -> direct("inventory-service", "GET", "/api/stock", token).status());
    }

    @Test
    @Order(2)
    void aLoggedOutTokenIsRefusedAtTheGatewayAndDirectlyAtTheServices() throws Exception {
        Session leaver = Accounts.newUser(suite, admin, "employee");
        String token = leaver.accessToken();
        Session otherLogin = suite.client().login(leaver.username(), leaver.password());
        suite.client().send("GET", "/api/auth/me", token, null, Map.of()).expect(200);

        suite.client().send("POST", "/api/auth/logout", token, null, Map.of()).expect(204);
        long loggedOutAt = System.nanoTime();

        awaitRefused(loggedOutAt, () -> suite.client().send("GET", "/api/auth/me", token, null, Map.of()).status());
        awaitRefused(loggedOutAt, () -> suite.client().send("GET", "/api/payroll/employees/me", token, null, Map.of())
                .status());
        awaitRefused(loggedOutAt, () -> direct("auth-service", "GET", "/api/auth/me", token).status());
        awaitRefused(loggedOutAt, () -> direct("payroll-service", "GET", "/api/payroll/employees/me", token).status());
        suite.client().send("GET", "/api/auth/me", otherLogin.accessToken(), null, Map.of())
                .expect(200);
    }

    @Test
    @Order(3)
    void fortyColleaguesSigningInFromOneAddressAllGetIn() throws Exception {
        int colleagues = 40;
        List<String[]> accounts = inParallel(colleagues, i -> {
            String username = "office-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
            String password = "pw-" + UUID.randomUUID();
            admin.post("/api/auth/users", Map.of("username", username, "password", password, "role", "employee"))
                    .expect(201);
            return new String[] {username, password};
        });
        long started = System.nanoTime();
        // All forty are sent at once, well within one minute, from this one address (as behind an office proxy).
        List<Integer> statuses = inParallel(colleagues, i -> suite.client().send("POST", "/api/auth/login", null,
                SuiteClient.json(Map.of("username", accounts.get(i)[0], "password", accounts.get(i)[1])), Map.of())
                .status());
        assertThat(statuses).as("sign-ins of %d colleagues from one address, in %d ms", colleagues,
                (System.nanoTime() - started) / 1_000_000).containsOnly(200).hasSize(colleagues);
    }

    @Test
    @Order(4)
    void twentyWrongPasswordsLockXOutWhileYAtTheSameAddressSignsIn() {
        Session x = Accounts.newUser(suite, admin, "employee");
        Session y = Accounts.newUser(suite, admin, "employee");
        List<Response> guesses = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            guesses.add(suite.client().send("POST", "/api/auth/login", null,
                    SuiteClient.json(Map.of("username", x.username(), "password", "wrong-" + i)), Map.of()));
        }
        Response last = guesses.get(19);
        assertThat(last.status()).as(last.toString()).isEqualTo(429);
        long retryAfter = Long.parseLong(last.header("Retry-After").orElseThrow());
        // Honest: after the 5 tolerated failures each counted one locked the pair for 2 s, doubling; what is left
        // of the last lock, rounded up, is at most that lock.
        long counted = guesses.stream().filter(r -> r.status() == 401).count();
        assertThat(counted).isGreaterThanOrEqualTo(6);
        assertThat(retryAfter).isBetween(1L, 2L << (counted - 6));
        assertThat(last.field("retry_after").asLong()).isEqualTo(retryAfter);
        assertThat(guesses).extracting(Response::status).containsOnly(401, 429);
        Response xTries = suite.client().send("POST", "/api/auth/login", null,
                SuiteClient.json(Map.of("username", x.username(), "password", x.password())), Map.of());
        assertThat(xTries.status()).as("X itself, from the guesser's address, while locked").isEqualTo(429);

        suite.client().login(y.username(), y.password());
    }

    @Test
    @Order(5)
    void guessingTheCurrentPasswordWithAStolenTokenIsThrottled() {
        Session victim = Accounts.newUser(suite, admin, "employee");
        String stolen = victim.accessToken();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(suite.client().send("POST", "/api/auth/password", stolen, SuiteClient.json(Map.of(
                    "current_password", "guess-" + i, "new_password", "Another-long-pass-123")), Map.of()).status());
        }
        assertThat(statuses.subList(0, 6)).containsOnly(400);
        assertThat(statuses.subList(6, 12)).containsOnly(429);
    }

    private static <T> List<T> inParallel(int count, java.util.function.IntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<T>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> task.apply(n)));
            }
            List<T> results = new java.util.ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(5, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(6)
    void aManagerCannotFileSubmitAndApproveSomeonesTimesheetAlone() throws InterruptedException {
        Session employee = Accounts.newUser(suite, admin, "employee");
        Session preparer = Accounts.newUser(suite, admin, "manager");
        Session colleague = Accounts.newUser(suite, admin, "manager");
        Response stub = null;
        for (int attempt = 0; attempt < 120 && (stub == null || stub.status() != 200); attempt++) {
            if (stub != null) {
                Thread.sleep(500);
            }
            // payroll-service makes the profile stub from UserCreated on auth.events.
            stub = employee.get("/api/payroll/employees/me");
        }
        assertThat(stub.status()).as(stub.toString()).isEqualTo(200);
        String profileId = stub.field("id").asText();
        admin.put("/api/payroll/employees/" + profileId, Map.of("name", "Four Eyes", "hourly_rate", 20,
                "standard_weekly_hours", 40, "leave_balances", Map.of("annual", 40, "sick", 0, "personal", 0),
                "active", true, "version", stub.field("version").asLong())).expect(200);

        List<Map<String, Object>> absurd = new java.util.ArrayList<>();
        for (int day = 0; day < 7; day++) {
            absurd.add(Map.of("date", java.time.LocalDate.of(2027, 7, 26).plusDays(day).toString(), "hours", 24));
        }
        Response refused = preparer.post("/api/payroll/timesheets", Map.of("employee_id", profileId, "week", "2027-W30",
                "entries", absurd));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.field("code").asText()).isEqualTo("WEEKLY_HOURS_EXCEEDED");

        String sheet = preparer.post("/api/payroll/timesheets", Map.of("employee_id", profileId, "week", "2027-W30",
                "entries", absurd.subList(0, 5).stream().map(e -> Map.of("date", e.get("date"), "hours", 8)).toList()))
                .expect(201).field("id").asText();
        preparer.post("/api/payroll/timesheets/" + sheet + "/submit", null).expect(200);
        Response alone = preparer.post("/api/payroll/timesheets/" + sheet + "/approve", null);
        assertThat(alone.status()).as(alone.toString()).isEqualTo(403);
        assertThat(alone.field("code").asText()).isEqualTo("FOUR_EYES");
        assertThat(admin.get("/api/payroll/calculations?timesheet_id=" + sheet).expect(200).json()).isEmpty();
        colleague.post("/api/payroll/timesheets/" + sheet + "/approve", null).expect(200);
    }

    @Test
    @Order(7)
    void theServicesListenOnLoopbackOnlyAndTheGatewayIsTheEntryPoint() throws Exception {
        java.net.InetAddress external = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())
                .stream().filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (java.net.SocketException e) {
                        return false;
                    }
                })
                .flatMap(nic -> java.util.Collections.list(nic.getInetAddresses()).stream())
                .filter(address -> address instanceof java.net.Inet4Address && !address.isLoopbackAddress())
                .findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(external != null, "this host has no non-loopback address");
        for (String module : List.of("auth-service", "inventory-service", "payroll-service", "order-service")) {
            int port = URI.create(suite.processes().serviceUrl(module)).getPort();
            assertThat(accepts(external, port)).as("%s on %s:%d", module, external.getHostAddress(), port).isFalse();
            assertThat(accepts(java.net.InetAddress.getLoopbackAddress(), port)).as("%s on loopback", module).isTrue();
        }
        int gatewayPort = URI.create(suite.client().baseUrl()).getPort();
        assertThat(accepts(external, gatewayPort)).as("the gateway on %s", external.getHostAddress()).isTrue();
    }

    private static boolean accepts(java.net.InetAddress address, int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(address, port), 2000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    @Order(8)
    void everyRouteGroupCarriesTheBrowserHeadersAndTokensAreNeverStored() {
        Session manager = Accounts.newUser(suite, admin, "manager");
        String token = manager.accessToken();
        Response login = suite.client().send("POST", "/api/auth/login", null,
                SuiteClient.json(Map.of("username", manager.username(), "password", manager.password())), Map.of());
        List<Response> answers = List.of(login,
                suite.client().send("GET", "/api/auth/me", token, null, Map.of()),
                suite.client().send("GET", "/api/stock", token, null, Map.of()),
                suite.client().send("GET", "/api/orders", token, null, Map.of()),
                suite.client().send("GET", "/api/payroll/timesheets", token, null, Map.of()),
                suite.client().send("GET", "/api/payroll/employees", null, null, Map.of()),
                suite.client().send("GET", "/api/auth/jwks", null, null, Map.of()),
                suite.client().send("GET", "/no/such/page", null, null, Map.of()),
                suite.client().send("GET", "/q/health/ready", null, null, Map.of()));
        for (Response answer : answers) {
            assertThat(answer.header("X-Content-Type-Options")).as(answer.toString()).contains("nosniff");
            assertThat(answer.header("Referrer-Policy")).as(answer.toString()).contains("no-referrer");
            assertThat(answer.header("Content-Security-Policy").orElse("")).as(answer.toString())
                    .contains("frame-ancestors 'none'");
        }
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Cache-Control")).contains("no-store");
        assertThat(answers.get(1).header("Cache-Control")).contains("no-store");
    }

    /** Polls until {@code status} is 401, failing if that takes longer than two seconds after {@code since}. */
    private static void awaitRefused(long since, IntSupplier status) throws InterruptedException {
        int last;
        do {
            last = status.getAsInt();
            if (last == 401) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() - since < REVOCATION_DEADLINE.toNanos());
        throw new AssertionError("Still accepted " + REVOCATION_DEADLINE.toMillis() + " ms after the revocation: "
                + last);
    }

    /** A request straight to a service's port, past the gateway (as an attacker on the host would). */
    private Response direct(String module, String method, String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(suite.processes().serviceUrl(module) + path))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + token).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(method, path, response.statusCode(), response.headers(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
}
