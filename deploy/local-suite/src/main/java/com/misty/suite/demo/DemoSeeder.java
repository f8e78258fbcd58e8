package com.misty.suite.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.misty.suite.LaunchException;
import com.misty.suite.api.GatewayApi;
import com.misty.suite.demo.DemoData.Leave;
import com.misty.suite.demo.DemoData.Order;
import com.misty.suite.demo.DemoData.Person;
import com.misty.suite.demo.DemoData.Week;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static com.misty.suite.api.GatewayApi.body;
import static com.misty.suite.api.GatewayApi.query;

/**
 * Seeds {@link DemoData} through the public API, as the people of the demo would enter it (so every invariant,
 * event, ledger entry and calculation is real). Each object is looked up by its key first and only made when missing,
 * and each order, leave request and timesheet is brought on from wherever it stands to its target status, so a
 * second run, or a run after one that was interrupted, adds nothing twice.
 */
public final class DemoSeeder {

    private static final Duration SAGA_DEADLINE = Duration.ofSeconds(60);

    private final String gatewayUrl;
    private final GatewayApi admin;
    private final DemoPasswords passwords;
    private final Map<String, GatewayApi> sessions = new HashMap<>();
    private final Map<String, String> userIds = new HashMap<>();
    private final Map<String, String> clientIds = new HashMap<>();
    private final Map<String, String> profileIds = new HashMap<>();

    private DemoSeeder(String gatewayUrl, String adminPassword, DemoPasswords passwords) {
        this.gatewayUrl = gatewayUrl;
        this.admin = GatewayApi.signIn(gatewayUrl, "admin", adminPassword);
        this.passwords = passwords;
    }

    /** Seeds what is missing; answers the demo users with their passwords and roles, for the banner. */
    public static List<DemoUser> seed(String gatewayUrl, String adminPassword, Path keysDirectory) {
        DemoSeeder seeder = new DemoSeeder(gatewayUrl, adminPassword, DemoPasswords.in(keysDirectory));
        seeder.people();
        seeder.clients();
        seeder.catalogueAndStock();
        seeder.orders();
        seeder.leave();
        seeder.timesheets();
        return DemoData.PEOPLE.stream()
                .map(p -> new DemoUser(p.username(), seeder.passwords.of(p.username()), p.role(), p.what())).toList();
    }

    public record DemoUser(String username, String password, String role, String what) {
    }

    private void people() {
        Map<String, JsonNode> existing = new HashMap<>();
        admin.get("/api/auth/users" + query(Map.of("offset", 0, "limit", 500)))
                .forEach(u -> existing.put(u.path("username").asText(), u));
        for (Person person : DemoData.PEOPLE) {
            JsonNode user = existing.get(person.username());
            if (user == null) {
                user = admin.post("/api/auth/users", body("username", person.username(),
                        "password", passwords.of(person.username()), "role", person.role(), "full_name", person.fullName()));
            }
            userIds.put(person.username(), user.path("id").asText());
            profile(person);
        }
    }

    /** Employees get a profile stub from {@code UserCreated} (asynchronously) to complete; others get one made. */
    private void profile(Person person) {
        String userId = userIds.get(person.username());
        JsonNode profile = "employee".equals(person.role())
                ? await("the payroll profile of " + person.username(), () -> profileOf(userId), p -> p != null)
                : profileOf(userId);
        Map<String, Object> details = body("name", person.fullName(), "hourly_rate", person.hourlyRate(),
                "standard_weekly_hours", new BigDecimal("40"), "leave_balances",
                Map.of("annual", new BigDecimal("200"), "sick", new BigDecimal("40"), "personal", new BigDecimal("24")),
                "active", true);
        if (profile == null) {
            details.put("user_id", userId);
            profile = admin.post("/api/payroll/employees", details);
        } else if (!person.fullName().equals(profile.path("name").asText())) {
            details.put("version", profile.path("version").asLong());
            profile = admin.put("/api/payroll/employees/" + profile.path("id").asText(), details);
        }
        profileIds.put(person.username(), profile.path("id").asText());
    }

    private JsonNode profileOf(String userId) {
        for (JsonNode p : admin.get("/api/payroll/employees" + query(Map.of("limit", 500)))) {
            if (userId.equals(p.path("user_id").asText())) {
                return p;
            }
        }
        return null;
    }

    private void clients() {
        for (DemoData.Client client : DemoData.CLIENTS) {
            JsonNode found = first(admin.get("/api/clients" + query(Map.of("q", client.code(), "size", 100))).path("items"),
                    c -> client.code().equals(c.path("code").asText()));
            if (found == null) {
                found = admin.post("/api/clients", body("code", client.code(), "name", client.name(),
                        "contacts", List.of(body("name", client.contactName(), "email", client.contactEmail(),
                                "phone", client.contactPhone(), "role", client.contactRole())),
                        "billing_address", client.deliveryAddress(), "delivery_address", client.deliveryAddress()));
            }
            clientIds.put(client.code(), found.path("id").asText());
        }
    }

    private void catalogueAndStock() {
        GatewayApi lead = session("piet.production");
        for (DemoData.Product product : DemoData.PRODUCTS) {
            if (admin.find("/api/stock/products/" + product.code()) == null) {
                session("mara.manager").post("/api/stock/products",
                        body("code", product.code(), "name", product.name(), "unit", product.unit()));
            }
        }
        for (DemoData.Stock stock : DemoData.STOCK) {
            String clientId = clientIds.get(stock.clientCode());
            JsonNode records = lead.get("/api/stock" + query(Map.of("product_id", stock.productCode(), "client_id", clientId)));
            if (records.path("total").asLong() > 0) {
                continue;
            }
            lead.post("/api/stock/receipts", body("product_id", stock.productCode(), "client_id", clientId,
                    "quantity", stock.quantity(), "reference", "Opening stock (demo)"));
            if (stock.reorderLevel() != null) {
                JsonNode record = lead.get("/api/stock" + query(Map.of("product_id", stock.productCode(),
                        "client_id", clientId))).path("items").get(0);
                session("mara.manager").put("/api/stock/" + record.path("id").asText() + "/reorder-level",
                        body("reorder_level", stock.reorderLevel(), "reorder_version", record.path("reorder_version").asLong()));
            }
        }
    }

    private void orders() {
        GatewayApi office = session("omar.office");
        GatewayApi lead = session("piet.production");
        for (Order order : DemoData.ORDERS) {
            String tag = tag(order.key());
            JsonNode found = first(office.get("/api/orders" + query(Map.of("q", tag, "size", 10))).path("items"), o -> true);
            if (found == null) {
                DemoData.Client client = DemoData.CLIENTS.stream().filter(c -> c.code().equals(order.clientCode()))
                        .findFirst().orElseThrow();
                found = office.post("/api/orders", body("client_id", clientIds.get(order.clientCode()),
                        "contact_name", client.contactName(), "contact_email", client.contactEmail(),
                        "due_date", LocalDate.now().plusDays(order.dueInDays()).toString(),
                        "notes", order.notes() + " " + tag,
                        "lines", List.of(body("product_id", order.productCode(), "quantity", order.quantity()))));
            }
            String id = found.path("id").asText();
            JsonNode decided = await("order " + order.key() + " to leave PENDING_STOCK",
                    () -> office.get("/api/orders/" + id), o -> !"PENDING_STOCK".equals(o.path("status").asText()));
            bringOrderTo(order, decided, office, lead);
        }
    }

    private void bringOrderTo(Order order, JsonNode current, GatewayApi office, GatewayApi lead) {
        String id = current.path("id").asText();
        String status = current.path("status").asText();
        switch (order.target()) {
            case "CANCELLED" -> {
                if ("CONFIRMED".equals(status)) {
                    office.post("/api/orders/" + id + "/cancel", body("reason", "The client moved the job to next season"));
                }
            }
            case "IN_PRODUCTION", "COMPLETED" -> {
                if ("CONFIRMED".equals(status)) {
                    lead.post("/api/orders/" + id + "/start-production", null);
                    status = "IN_PRODUCTION";
                }
                if ("COMPLETED".equals(order.target()) && "IN_PRODUCTION".equals(status)) {
                    lead.post("/api/orders/" + id + "/complete", order.used() == null ? body()
                            : body("usage", List.of(body("line", 1, "used", order.used()))));
                    await("the stock of order " + order.key() + " to be consumed", () -> office.get("/api/orders/" + id),
                            o -> o.hasNonNull("stock_consumed_at"));
                }
            }
            default -> {
                // CONFIRMED and REJECTED are where inventory's answer leaves the order.
            }
        }
    }

    private void leave() {
        GatewayApi manager = session("mara.manager");
        for (Leave leave : DemoData.LEAVE) {
            String employeeId = profileIds.get(leave.username());
            String tag = tag(leave.key());
            JsonNode found = first(manager.get("/api/payroll/leave-requests" + query(Map.of("employee_id", employeeId,
                    "limit", 500))), r -> r.path("reason").asText().endsWith(tag));
            if (found == null) {
                LocalDate start = LocalDate.now().plusDays(leave.startInDays());
                found = session(leave.username()).post("/api/payroll/leave-requests", body("leave_type", leave.type(),
                        "start_date", start.toString(), "end_date", start.plusDays(leave.days() - 1L).toString(),
                        "hours", leave.hours(), "reason", leave.reason() + " " + tag));
            }
            if ("PENDING".equals(found.path("status").asText())) {
                String id = found.path("id").asText();
                switch (leave.outcome()) {
                    case "APPROVED" -> manager.post("/api/payroll/leave-requests/" + id + "/approve", null);
                    case "REJECTED" -> manager.post("/api/payroll/leave-requests/" + id + "/reject",
                            body("reason", leave.decisionReason()));
                    default -> {
                        // stays pending, for the manager's queue
                    }
                }
            }
        }
    }

    private void timesheets() {
        GatewayApi manager = session("mara.manager");
        for (Week week : DemoData.WEEKS) {
            LocalDate monday = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .minusWeeks(week.weeksAgo());
            String isoWeek = String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                    monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            GatewayApi employee = session(week.username());
            JsonNode sheet = first(employee.get("/api/payroll/timesheets" + query(Map.of("employee_id",
                    profileIds.get(week.username()), "week", isoWeek))), t -> true);
            if (sheet == null) {
                List<Map<String, Object>> entries = IntStream.range(0, 7)
                        .filter(day -> week.hours().get(day).signum() > 0)
                        .mapToObj(day -> body("date", monday.plusDays(day).toString(), "hours", week.hours().get(day)))
                        .toList();
                sheet = employee.post("/api/payroll/timesheets", body("week", isoWeek, "entries", entries));
            }
            String id = sheet.path("id").asText();
            if ("DRAFT".equals(sheet.path("status").asText()) && !"DRAFT".equals(week.target())) {
                sheet = employee.post("/api/payroll/timesheets/" + id + "/submit", null);
            }
            if ("SUBMITTED".equals(sheet.path("status").asText()) && "APPROVED".equals(week.target())) {
                manager.post("/api/payroll/timesheets/" + id + "/approve", null);
            }
        }
    }

    private GatewayApi session(String username) {
        return sessions.computeIfAbsent(username, u -> GatewayApi.signIn(gatewayUrl, u, passwords.of(u)));
    }

    private static String tag(String key) {
        return "[demo:" + key + "]";
    }

    private static JsonNode first(JsonNode array, Predicate<JsonNode> matching) {
        return StreamSupport.stream(array.spliterator(), false).filter(matching).findFirst().orElse(null);
    }

    private static JsonNode await(String what, java.util.function.Supplier<JsonNode> read, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(SAGA_DEADLINE);
        JsonNode value = read.get();
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new LaunchException("demo data: waited " + SAGA_DEADLINE.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchException("demo data: interrupted");
            }
            value = read.get();
        }
        return value;
    }
}
