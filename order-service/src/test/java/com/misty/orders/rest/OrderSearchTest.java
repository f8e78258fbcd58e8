package com.misty.orders.rest;

import com.misty.orders.OrderApi;
import com.misty.testkit.MistyTestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static com.misty.orders.OrderApi.ORDERS;
import static com.misty.orders.OrderApi.line;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Every filter and sort of the order list against a seeded set of orders, paging edges, and the CSV export. */
@QuarkusTest
@WithTestResource(MistyTestInfrastructure.class)
class OrderSearchTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String[] DUE = {"2027-01-05", "2027-01-10", "2027-01-10", "2027-02-01", "2027-01-20",
            "2027-03-15", "2027-01-10", "2027-02-28", "2027-01-01", "2027-02-01"};

    private final OrderApi api = OrderApi.manager();
    private String client;
    /** The seeded orders as the API answered them (JSON objects). */
    private List<Map<String, Object>> seeded;

    @BeforeEach
    void seed() {
        client = OrderApi.newClient();
        seeded = new ArrayList<>();
        for (int i = 0; i < DUE.length; i++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("client_id", client);
            body.put("contact_name", i % 3 == 0 ? "Zoë Müller, \"Jr\"" : "Sam Buyer " + i);
            body.put("contact_email", "buyer" + i + "@example.com");
            body.put("lines", List.of(line("P-" + i, i + 1), line("Q-" + i, 2)));
            body.put("due_date", DUE[i]);
            body.put("notes", i % 4 == 0 ? "Deliver to gate 2\nbefore 10:00 (rush)" : null);
            String id = api.create(body).statusCode(201).extract().path("id");
            if (i % 5 == 1) {
                api.cancel(id, "seeded cancel").statusCode(200);
            }
            seeded.add(api.get(id).statusCode(200).extract().jsonPath().getMap(""));
        }
    }

    @Test
    void everyFilterSelectsExactlyTheMatchingOrders() {
        expect(Map.of(), o -> true);
        String third = (String) seeded.get(2).get("order_number");
        expect(Map.of("order_number", third), o -> o.get("order_number").equals(third));
        String prefix = third.substring(0, third.length() - 1);
        expect(Map.of("order_number_prefix", prefix), o -> ((String) o.get("order_number")).startsWith(prefix));
        expect(Map.of("status", "CANCELLED"), o -> o.get("status").equals("CANCELLED"));
        expect(Map.of("status", "cancelled,PENDING_STOCK"), o -> true);
        given().auth().oauth2(token()).queryParam("client_id", client).queryParam("status", "CANCELLED")
                .queryParam("status", "CONFIRMED").when().get(ORDERS).then().statusCode(200)
                .body("total", equalTo(2));
        expect(Map.of("due_from", "2027-01-10", "due_to", "2027-02-01"),
                o -> due(o).compareTo("2027-01-10") >= 0 && due(o).compareTo("2027-02-01") <= 0);
        expect(Map.of("due_to", "2027-01-05"), o -> due(o).compareTo("2027-01-05") <= 0);
        Instant from = created(seeded.get(3));
        Instant to = created(seeded.get(7));
        expect(Map.of("created_from", from.toString(), "created_to", to.toString()),
                o -> !created(o).isBefore(from) && created(o).isBefore(to));
        String today = from.toString().substring(0, 10);
        expect(Map.of("created_from", today, "created_to", today), o -> created(o).toString().startsWith(today));
        expect(Map.of("created_to", "2020-01-01"), o -> false);
        expect(Map.of("q", "zoË MÜLLER"), o -> String.valueOf(o.get("contact_name")).startsWith("Zoë"));
        expect(Map.of("q", "(RUSH)"), o -> o.get("notes") != null);
        expect(Map.of("q", "buyer7@"), o -> o.get("contact_email").equals("buyer7@example.com"));
        expect(Map.of("q", ".*"), o -> false);
        expect(Map.of("status", "CANCELLED", "due_from", "2027-02-01"),
                o -> o.get("status").equals("CANCELLED") && due(o).compareTo("2027-02-01") >= 0);
    }

    @Test
    void everySortInBothDirectionsWithTheOrderNumberBreakingTies() {
        Comparator<Map<String, Object>> byNumber = Comparator.comparing(o -> (String) o.get("order_number"));
        Map<String, Comparator<Map<String, Object>>> sorts = Map.of(
                "due_date", Comparator.<Map<String, Object>, String>comparing(OrderSearchTest::due).thenComparing(byNumber),
                "order_number", byNumber,
                "created_at", Comparator.<Map<String, Object>, Instant>comparing(OrderSearchTest::created).thenComparing(byNumber));
        for (Map.Entry<String, Comparator<Map<String, Object>>> sort : sorts.entrySet()) {
            assertThat(ids(Map.of("sort", sort.getKey(), "direction", "asc")))
                    .as("%s asc", sort.getKey()).isEqualTo(idsOf(seeded.stream().sorted(sort.getValue()).toList()));
            assertThat(ids(Map.of("sort", sort.getKey(), "direction", "desc")))
                    .as("%s desc", sort.getKey()).isEqualTo(idsOf(seeded.stream().sorted(sort.getValue().reversed()).toList()));
        }
        assertThat(ids(Map.of())).as("default: newest first")
                .isEqualTo(idsOf(seeded.stream().sorted(sorts.get("created_at").reversed()).toList()));
    }

    @Test
    void pagesCoverTheSelectionOnceWithItsTotal() {
        List<String> all = ids(Map.of("sort", "due_date", "direction", "asc"));
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            List<String> items = api.list(query(Map.of("sort", "due_date", "direction", "asc", "size", 3, "page", page)))
                    .statusCode(200).body("total", equalTo(10)).body("page", equalTo(page)).body("size", equalTo(3))
                    .extract().path("items.id");
            assertThat(items).hasSize(page < 3 ? 3 : 1);
            paged.addAll(items);
        }
        assertThat(paged).isEqualTo(all);
        api.list(query(Map.of("size", 3, "page", 4))).statusCode(200).body("total", equalTo(10))
                .body("items.size()", equalTo(0));
        api.list(query(Map.of("size", 10, "page", 0))).statusCode(200).body("items.size()", equalTo(10));
        api.list(query(Map.of("size", 100, "page", 100_000))).statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void badQueriesAreProblemsAndChangeNothing() {
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("status", "SHIPPED"), Map.<String, Object>of("due_from", "2027-13-45"),
                Map.<String, Object>of("due_to", "tomorrow"), Map.<String, Object>of("created_from", "yesterday"),
                Map.<String, Object>of("sort", "price"), Map.<String, Object>of("direction", "up"), Map.<String, Object>of("size", 0),
                Map.<String, Object>of("page", -1))) {
            api.list(query(bad)).statusCode(400).contentType(PROBLEM);
            if (bad.containsKey("size") || bad.containsKey("page")) {
                continue; // the export has no pages
            }
            given().auth().oauth2(token()).queryParams(query(bad)).when().get(ORDERS + "/export.csv").then()
                    .statusCode(400).contentType(PROBLEM);
        }
        assertThat(ids(Map.of())).hasSize(10);
    }

    @Test
    void theCsvExportParsedBackEqualsTheJsonList() {
        Map<String, Object> selection = Map.of("sort", "due_date", "direction", "desc", "status", "PENDING_STOCK,CANCELLED");
        List<Map<String, Object>> json = api.list(query(with(selection, "size", 100))).statusCode(200)
                .extract().jsonPath().getList("items");
        byte[] body = given().auth().oauth2(token()).queryParams(query(selection)).when().get(ORDERS + "/export.csv")
                .then().statusCode(200).contentType("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"orders.csv\"")
                .extract().asByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n").contains("Zoë Müller, \"\"Jr\"\"");
        List<List<String>> rows = parseCsv(text);
        List<String> header = rows.get(0);
        assertThat(header).startsWith("order_number", "id", "client_id", "client_name", "status");
        assertThat(rows).hasSize(json.size() + 1);
        for (int i = 0; i < json.size(); i++) {
            Map<String, Object> order = json.get(i);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), rows.get(i + 1).get(c));
            }
            for (String field : header) {
                Object expected = field.equals("lines") ? linesOf(order) : order.get(field);
                assertThat(row.get(field)).as("row %d, %s", i, field).isEqualTo(expected == null ? "" : String.valueOf(expected));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static String linesOf(Map<String, Object> order) {
        return ((List<Map<String, Object>>) order.get("lines")).stream()
                .map(l -> l.get("line") + ":" + l.get("product_id") + ":" + l.get("quantity")).collect(Collectors.joining("; "));
    }

    /** RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold commas, CR, LF and "" for ". */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field.length()).as("nothing after the last CRLF").isZero();
        assertThat(row).as("nothing after the last CRLF").isEmpty();
        return rows;
    }

    private void expect(Map<String, Object> filters, Predicate<Map<String, Object>> matches) {
        List<String> expected = idsOf(seeded.stream().filter(matches)
                .sorted(Comparator.<Map<String, Object>, Instant>comparing(OrderSearchTest::created)
                        .thenComparing(o -> (String) o.get("order_number")).reversed()).toList());
        api.list(query(with(filters, "size", 100))).statusCode(200).body("total", equalTo(expected.size()));
        assertThat(ids(filters)).as("filters %s", filters).isEqualTo(expected);
    }

    private List<String> ids(Map<String, Object> filters) {
        return api.list(query(with(filters, "size", 100))).statusCode(200).extract().path("items.id");
    }

    /** Every query is scoped to this test's client, so other tests' orders never interfere. */
    private Map<String, Object> query(Map<String, Object> filters) {
        return with(filters, "client_id", client);
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private static List<String> idsOf(List<Map<String, Object>> orders) {
        return orders.stream().map(o -> (String) o.get("id")).toList();
    }

    private static String due(Map<String, Object> order) {
        return (String) order.get("due_date");
    }

    private static Instant created(Map<String, Object> order) {
        return Instant.parse((String) order.get("created_at"));
    }

    private static String token() {
        return com.misty.testkit.TestTokens.accessToken("manager-1", "manager");
    }
}
