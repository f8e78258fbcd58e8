package com.misty.suite.demo;

import java.math.BigDecimal;
import java.util.List;

/**
 * The demo data set: a small print-and-packaging shop a newcomer can click through. Every object has a key of its
 * own (a username, a client or product code, a {@code [demo:…]} tag in an order's or leave request's text, an
 * employee's week) by which a second seeding recognises it and adds nothing twice.
 */
final class DemoData {

    private DemoData() {
    }

    record Person(String username, String role, String fullName, String what, BigDecimal hourlyRate) {
    }

    record Client(String code, String name, String contactName, String contactEmail, String contactPhone,
                  String contactRole, String deliveryAddress) {
    }

    record Product(String code, String name, String unit) {
    }

    record Stock(String productCode, String clientCode, BigDecimal quantity, BigDecimal reorderLevel) {
    }

    /** An order and the status the demo brings it to; {@code used} is what production used of its only line. */
    record Order(String key, String clientCode, String productCode, long quantity, int dueInDays, String notes,
                 String target, Long used) {
    }

    record Leave(String key, String username, String type, int startInDays, int days, BigDecimal hours, String reason,
                 String outcome, String decisionReason) {
    }

    /** A week of an employee's hours, {@code weeksAgo} before this one, Monday first. */
    record Week(String username, int weeksAgo, List<BigDecimal> hours, String target) {
    }

    static final List<Person> PEOPLE = List.of(
            new Person("mara.manager", "manager", "Mara Lindqvist", "approves leave and timesheets, adjusts stock",
                    new BigDecimal("38.00")),
            new Person("omar.office", "production", "Omar Haddad", "office: clients and orders",
                    new BigDecimal("27.50")),
            new Person("piet.production", "production", "Piet de Vries", "production lead: stock, production",
                    new BigDecimal("29.00")),
            new Person("erik.employee", "employee", "Erik Sato", "press operator: own leave and timesheets",
                    new BigDecimal("24.50")),
            new Person("lena.employee", "employee", "Lena Novak", "finishing: own leave and timesheets",
                    new BigDecimal("25.00")));

    static final List<Client> CLIENTS = List.of(
            new Client("ACME-FOODS", "Acme Foods Ltd", "Jane Baker", "jane.baker@acme-foods.example", "+44 20 7946 0101",
                    "Purchasing", "Unit 4, Riverside Estate, Leeds LS10 1AB"),
            new Client("NORDIC-PHARMA", "Nordic Pharma AB", "Sven Ek", "sven.ek@nordic-pharma.example", "+46 8 123 456",
                    "Packaging engineer", "Lagervägen 12, 172 66 Sundbyberg"),
            new Client("GREENLEAF-TEA", "Greenleaf Tea Co.", "Priya Raman", "priya@greenleaf-tea.example",
                    "+44 161 496 0202", "Brand manager", "3 Mill Lane, Manchester M4 6EE"));

    static final List<Product> PRODUCTS = List.of(
            new Product("SBS-300", "SBS board 300 g/m², 700 × 1000 mm", "sheet"),
            new Product("KRAFT-125", "Kraft liner 125 g/m², 1.6 m roll", "metre"),
            new Product("PET-12", "PET film 12 µm, clear", "square_metre"),
            new Product("INK-CYAN", "Offset ink, process cyan", "kilogram"),
            new Product("CORR-BC", "Corrugated BC flute sheet 1200 × 800", "each"));

    static final List<Stock> STOCK = List.of(
            new Stock("SBS-300", "ACME-FOODS", new BigDecimal("5000"), new BigDecimal("1000")),
            new Stock("KRAFT-125", "ACME-FOODS", new BigDecimal("1200"), null),
            new Stock("SBS-300", "NORDIC-PHARMA", new BigDecimal("3000"), new BigDecimal("500")),
            new Stock("PET-12", "NORDIC-PHARMA", new BigDecimal("800"), null),
            new Stock("INK-CYAN", "GREENLEAF-TEA", new BigDecimal("25.5"), new BigDecimal("5")),
            new Stock("CORR-BC", "GREENLEAF-TEA", new BigDecimal("40"), new BigDecimal("100")));

    /** One order per status a person meets; PENDING_STOCK lasts only until inventory answers (milliseconds). */
    static final List<Order> ORDERS = List.of(
            new Order("folding-cartons", "ACME-FOODS", "SBS-300", 1200, -3, "Cereal cartons, 4-colour + varnish",
                    "COMPLETED", 1150L),
            new Order("bag-liners", "ACME-FOODS", "KRAFT-125", 300, 5, "Bakery bag liners", "IN_PRODUCTION", null),
            new Order("blister-cards", "NORDIC-PHARMA", "SBS-300", 800, 12, "Blister backing cards, braille",
                    "CONFIRMED", null),
            new Order("lidding-film", "NORDIC-PHARMA", "PET-12", 5000, 20, "Lidding film, printed reverse",
                    "REJECTED", null),
            new Order("tea-tins-ink", "GREENLEAF-TEA", "INK-CYAN", 5, 9, "Ink for the tea tin wraps (client cancelled)",
                    "CANCELLED", null),
            new Order("shipper-boxes", "GREENLEAF-TEA", "CORR-BC", 10, 14, "Shipper boxes for the spring range",
                    "CONFIRMED", null));

    static final List<Leave> LEAVE = List.of(
            new Leave("erik-winter", "erik.employee", "ANNUAL", 21, 3, new BigDecimal("24"), "Family visit",
                    "APPROVED", null),
            new Leave("erik-dentist", "erik.employee", "PERSONAL", 9, 1, new BigDecimal("4"), "Dentist",
                    "PENDING", null),
            new Leave("lena-move", "lena.employee", "PERSONAL", 16, 1, new BigDecimal("8"), "Moving house",
                    "REJECTED", "Two presses are down for maintenance that day; could you take the Friday after?"),
            new Leave("lena-spring", "lena.employee", "ANNUAL", 60, 5, new BigDecimal("40"), "Spring holiday",
                    "PENDING", null));

    private static final BigDecimal EIGHT = new BigDecimal("8");
    private static final BigDecimal NONE = BigDecimal.ZERO;

    static final List<Week> WEEKS = List.of(
            new Week("erik.employee", 1, List.of(EIGHT, EIGHT, EIGHT, EIGHT, EIGHT, new BigDecimal("4"), NONE), "APPROVED"),
            new Week("lena.employee", 1, List.of(EIGHT, EIGHT, EIGHT, EIGHT, EIGHT, NONE, NONE), "SUBMITTED"),
            new Week("erik.employee", 0, List.of(EIGHT, EIGHT, new BigDecimal("7.5"), NONE, NONE, NONE, NONE), "DRAFT"));
}
