package com.misty.systemtest.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.systemtest.Accounts;
import com.misty.systemtest.Clients;
import com.misty.systemtest.Response;
import com.misty.systemtest.RunningSuite;
import com.misty.systemtest.Session;
import com.misty.systemtest.SuiteClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fixture the hostile-input and access-control tests share: one signed-in user per role (plus a second
 * employee to try another's records, and a service account), payroll profiles with rates and balances, a stock
 * record with an open allocation, a confirmed order, and an employee's pending leave, draft timesheet and payroll
 * calculation. Built once through the gateway; fresh targets for calls that use one up (approve, cancel,
 * release) are made on demand.
 */
public final class World {

    /** auth-service's own sign-in throttling answers 429 here: that is the answer, not the gateway's user limit. */
    private static final java.util.Set<String> CREDENTIAL_EXCHANGES = java.util.Set.of(
            "/api/auth/login", "/api/auth/refresh", "/api/auth/token");
    private static final String EVENT_STREAM = "/api/events/stream";
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static World shared;

    private final RunningSuite suite;
    private final Map<Caller, Session> sessions = new EnumMap<>(Caller.class);
    private final AtomicInteger sequence = new AtomicInteger();
    private final String runTag = UUID.randomUUID().toString().substring(0, 8);

    private Session auditor;
    private Session otherEmployee;
    private String serviceToken;
    private String serviceAccountId;
    private String victimServiceAccountId;
    private String victimUserId;
    private String expiredToken;
    private Instant expiredTokenIssued;
    private String productId;
    private String clientId;
    private String stockId;
    private String catalogueProduct;
    private String allocationId;
    private String orderId;
    private String employeeProfileId;
    private String otherEmployeeProfileId;
    private String leaveId;
    private String timesheetId;
    private String calculationId;

    private World(RunningSuite suite) {
        this.suite = suite;
    }

    /** The shared fixture, built on first use. */
    public static synchronized World get() {
        if (shared == null) {
            World world = new World(RunningSuite.get());
            world.build();
            shared = world;
        }
        return shared;
    }

    private void build() {
        // The bootstrap admin sets up and audits; the tests' admin is a user of its own, so that ending its
        // sessions (logout-all) cannot disturb other test classes. One user at a time: bcrypt on a busy machine
        // can otherwise hold a request longer than the 20 s an access token lives.
        Session bootstrap = suite.admin();
        auditor = bootstrap;
        sessions.put(Caller.ADMIN, Accounts.newUser(suite, bootstrap, "admin"));
        sessions.put(Caller.MANAGER, Accounts.newUser(suite, bootstrap, "manager"));
        sessions.put(Caller.PRODUCTION, Accounts.newUser(suite, bootstrap, "production"));
        sessions.put(Caller.EMPLOYEE, Accounts.newUser(suite, bootstrap, "employee"));
        otherEmployee = Accounts.newUser(suite, bootstrap, "employee");
        Session admin = session(Caller.ADMIN);
        expiredToken = session(Caller.EMPLOYEE).accessToken();
        expiredTokenIssued = Instant.now();

        victimUserId = admin.post("/api/auth/users", Map.of("username", "victim-" + runTag, "password",
                "pw-" + UUID.randomUUID(), "role", "employee", "full_name", "Victim")).expect(201).field("id").asText();
        JsonNode account = admin.post("/api/auth/service-accounts",
                Map.of("name", "machine-" + runTag, "roles", List.of("production"))).expect(201).json();
        serviceAccountId = account.get("id").asText();
        serviceToken = suite.client().send("POST", "/api/auth/token", null, SuiteClient.json(Map.of(
                        "grant_type", "client_credentials", "client_id", account.get("client_id").asText(),
                        "client_secret", account.get("client_secret").asText())), Map.of())
                .expect(200).field("access_token").asText();
        victimServiceAccountId = admin.post("/api/auth/service-accounts",
                Map.of("name", "victim-machine-" + runTag, "roles", List.of("production"))).expect(201).field("id").asText();

        buildPayroll(admin);
        buildStockAndOrder(admin);
    }

    private void buildPayroll(Session admin) {
        for (Caller caller : List.of(Caller.ADMIN, Caller.MANAGER, Caller.PRODUCTION)) {
            admin.post("/api/payroll/employees", profile(session(caller).userId(), caller.name())).expect(201);
        }
        // Employees get a stub profile from UserCreated (asynchronously); give it a rate and balances.
        employeeProfileId = completeStub(admin, session(Caller.EMPLOYEE));
        otherEmployeeProfileId = completeStub(admin, otherEmployee);
        leaveId = newPendingLeave(session(Caller.EMPLOYEE));
        newPendingLeave(otherEmployee);
        timesheetId = newDraftTimesheet(session(Caller.EMPLOYEE));
        newDraftTimesheet(otherEmployee);
        String submitted = newSubmittedTimesheet();
        calculationId = session(Caller.MANAGER).post("/api/payroll/timesheets/" + submitted + "/approve", null)
                .expect(200).field("calculation").get("id").asText();
    }

    private String completeStub(Session admin, Session user) {
        JsonNode stub = poll("payroll stub of " + user.username(), () -> {
            for (JsonNode profile : admin.get("/api/payroll/employees?limit=500").expect(200).json()) {
                if (profile.get("user_id").asText().equals(user.userId())) {
                    return profile;
                }
            }
            return null;
        });
        Map<String, Object> update = profile(null, "Employee " + user.username());
        update.remove("user_id");
        update.put("active", true);
        update.put("version", stub.get("version").asLong());
        admin.put("/api/payroll/employees/" + stub.get("id").asText(), update).expect(200);
        return stub.get("id").asText();
    }

    private static Map<String, Object> profile(String userId, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_id", userId);
        body.put("name", name);
        body.put("hourly_rate", 20);
        body.put("standard_weekly_hours", 40);
        body.put("leave_balances", Map.of("annual", 10000, "sick", 10000, "personal", 10000));
        return body;
    }

    private void buildStockAndOrder(Session admin) {
        productId = "SUB-" + runTag;
        clientId = Clients.create(admin, "Access " + runTag);
        stockId = admin.post("/api/stock/receipts", Map.of("product_id", productId, "client_id", clientId,
                "quantity", 1_000_000)).expect(200).field("id").asText();
        allocationId = newAllocation();
        catalogueProduct = newCatalogueProduct();
        orderId = newOrder();
        poll("order " + orderId + " confirmed", () -> {
            Response order = admin.get("/api/orders/" + orderId).expect(200);
            return "CONFIRMED".equals(order.field("status").asText()) ? order : null;
        });
    }

    // ---- fresh targets ------------------------------------------------------------------------------------

    /** A unique day far in the future, so no two leave requests of the fixture ever overlap. */
    public LocalDate uniqueDay() {
        return LocalDate.of(2031, 1, 1).plusDays(sequence.incrementAndGet());
    }

    /** A unique ISO week, so no two timesheets of one employee collide. */
    public String uniqueWeek() {
        LocalDate monday = LocalDate.of(2040, 1, 2).plusWeeks(sequence.incrementAndGet());
        return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public Map<String, Object> leaveBody() {
        LocalDate day = uniqueDay();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("leave_type", "ANNUAL");
        body.put("start_date", day.toString());
        body.put("end_date", day.toString());
        body.put("hours", 8);
        body.put("reason", "system test");
        return body;
    }

    public Map<String, Object> timesheetBody() {
        String week = uniqueWeek();
        LocalDate monday = LocalDate.parse(week + "-1", java.time.format.DateTimeFormatter.ISO_WEEK_DATE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("week", week);
        body.put("entries", entries(monday));
        return body;
    }

    private static List<Map<String, Object>> entries(LocalDate monday) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            entries.add(Map.of("date", monday.plusDays(day).toString(), "hours", 8, "notes", "work"));
        }
        return entries;
    }

    public String newPendingLeave(Session owner) {
        return owner.post("/api/payroll/leave-requests", leaveBody()).expect(201).field("id").asText();
    }

    /** A pending leave request of the (first) employee. */
    public String newPendingLeave() {
        return newPendingLeave(session(Caller.EMPLOYEE));
    }

    public String newDraftTimesheet(Session owner) {
        return owner.post("/api/payroll/timesheets", timesheetBody()).expect(201).field("id").asText();
    }

    public String newDraftTimesheet() {
        return newDraftTimesheet(session(Caller.EMPLOYEE));
    }

    public String newSubmittedTimesheet() {
        String id = newDraftTimesheet();
        session(Caller.EMPLOYEE).post("/api/payroll/timesheets/" + id + "/submit", null).expect(200);
        return id;
    }

    /** The entries of a draft with its current version, as a valid PUT body. */
    public Map<String, Object> timesheetEditBody(String id) {
        JsonNode sheet = auditor.get("/api/payroll/timesheets/" + id).expect(200).json();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entries", entries(LocalDate.parse(sheet.get("period_start").asText())));
        body.put("version", sheet.get("version").asLong());
        return body;
    }

    public Map<String, Object> profileUpdateBody(String profileId) {
        JsonNode current = auditor.get("/api/payroll/employees/" + profileId).expect(200).json();
        Map<String, Object> body = profile(null, current.get("name").asText());
        body.remove("user_id");
        body.put("active", true);
        body.put("version", current.get("version").asLong());
        return body;
    }

    public String newAllocation() {
        return auditor.post("/api/stock/allocations", Map.of("product_id", productId, "client_id", clientId,
                "quantity", 1)).expect(201).field("id").asText();
    }

    /** A product of the catalogue (counted in kilograms) without stock, so it can be edited and deleted. */
    public String newCatalogueProduct() {
        return auditor.post("/api/stock/products", Map.of("code", "CAT-" + runTag + "-" + sequence.incrementAndGet(),
                "name", "Catalogue", "unit", "kilogram")).expect(201).field("code").asText();
    }

    public long productVersion(String code) {
        return auditor.get("/api/stock/products/" + code).expect(200).field("version").asLong();
    }

    public long reorderVersion(String stockId) {
        return auditor.get("/api/stock/" + stockId).expect(200).field("reorder_version").asLong();
    }

    public Map<String, Object> orderBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_id", clientId);
        body.put("lines", List.of(new LinkedHashMap<>(Map.of("product_id", productId, "quantity", 1))));
        body.put("contact_name", "Pat Buyer");
        body.put("contact_email", "pat@example.com");
        body.put("due_date", "2031-06-30");
        body.put("notes", "system test");
        return body;
    }

    public String newOrder() {
        return auditor.post("/api/orders", orderBody()).expect(201).field("id").asText();
    }

    public long orderVersion(String id) {
        return auditor.get("/api/orders/" + id).expect(200).field("version").asLong();
    }

    public long userVersion(String id) {
        return auditor.get("/api/auth/users/" + id).expect(200).field("version").asLong();
    }

    public long serviceAccountVersion(String id) {
        return auditor.get("/api/auth/service-accounts/" + id).expect(200).field("version").asLong();
    }

    // ---- sending --------------------------------------------------------------------------------------------

    /**
     * Sends as {@code caller}; a String body goes as it is. The gateway's per-user limit (50/s) is real here, so a
     * 429 is waited out and the request repeated: it says nothing about the endpoint.
     */
    public Response send(Caller caller, String method, String path, Object body, Map<String, String> headers) {
        String text = body == null ? null : body instanceof String s ? s : SuiteClient.json(body);
        return sendWithToken(bearer(caller), method, path, text, headers);
    }

    public Response send(Caller caller, String method, Call call) {
        return send(caller, method, call.path(), call.body(), Map.of());
    }

    /** A raw request with any bearer (or none), repeated after a 429 like {@link #send}. */
    public Response sendWithToken(String bearer, String method, String path, String body, Map<String, String> headers) {
        for (int attempt = 0; ; attempt++) {
            Response response = path.startsWith(EVENT_STREAM) ? openStream(bearer, path)
                    : suite.client().send(method, path, bearer, body, headers);
            if (response.status() != 429 || CREDENTIAL_EXCHANGES.contains(path) || attempt >= 50) {
                return response;
            }
            // The bucket refills a request every 20 ms: a short pause is enough (Retry-After is in whole seconds).
            sleep(100);
        }
    }

    /** Opens the SSE stream only to see its status and headers (the body of a refusal is read whole). */
    private Response openStream(String bearer, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.client().baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "text/event-stream").GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<InputStream> response = suite.client().http().send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream stream = response.body()) {
                String body = response.statusCode() == 200 ? ""
                        : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
                return new Response("GET", path, response.statusCode(), response.headers(), body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String bearer(Caller caller) {
        return caller == Caller.SERVICE ? serviceToken : session(caller).accessToken();
    }

    public Session session(Caller caller) {
        Session session = sessions.get(caller);
        if (session == null) {
            throw new IllegalArgumentException(caller + " has no user session");
        }
        return session;
    }

    /** An admin (the bootstrap one) that reads state before and after attacks, with its own request budget. */
    public Session auditor() {
        return auditor;
    }

    public Session otherEmployee() {
        return otherEmployee;
    }

    /** A genuine access token of the employee, returned only once it has expired. */
    public String expiredToken() {
        Instant expired = expiredTokenIssued.plus(RunningSuite.ACCESS_TOKEN_LIFETIME).plusSeconds(3);
        long wait = Duration.between(Instant.now(), expired).toMillis();
        if (wait > 0) {
            sleep(wait);
        }
        return expiredToken;
    }

    public RunningSuite suite() {
        return suite;
    }

    public String serviceAccountId() {
        return serviceAccountId;
    }

    public String victimServiceAccountId() {
        return victimServiceAccountId;
    }

    public String victimUserId() {
        return victimUserId;
    }

    public String productId() {
        return productId;
    }

    public String clientId() {
        return clientId;
    }

    public String catalogueProduct() {
        return catalogueProduct;
    }

    public String stockId() {
        return stockId;
    }

    public String allocationId() {
        return allocationId;
    }

    public String orderId() {
        return orderId;
    }

    public String employeeProfileId() {
        return employeeProfileId;
    }

    public String otherEmployeeProfileId() {
        return otherEmployeeProfileId;
    }

    public String leaveId() {
        return leaveId;
    }

    public String timesheetId() {
        return timesheetId;
    }

    public String calculationId() {
        return calculationId;
    }

    /** Polls until {@code probe} answers non-null (asynchronous effects: stubs from events, the order saga). */
    public static <T> T poll(String what, java.util.function.Supplier<T> probe) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            sleep(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
