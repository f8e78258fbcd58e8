package com.misty.systemtest.importer;

import com.mongodb.client.MongoDatabase;
import io.quarkus.elytron.security.common.BcryptUtil;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * An "original" database, written the way the original Python/FastAPI back end wrote it (motor/pymongo): an ObjectId
 * {@code _id} and a uuid {@code id} on every record, lower-case statuses, floats for hours and quantities, datetimes
 * as BSON dates and some as ISO text, leave with {@code hours_requested} and no {@code employee_user_id}, one balance
 * field per leave type, orders without {@code version}, duplicate order numbers, bcrypt hashes in Python's
 * {@code $2b$} form. Several hundred records, with the awkward cases a real one has: a user called admin (the suite
 * has one), a role the suite lacks, unverifiable hashes, an oversold stock record, a field nobody maps, clients that
 * orders name but the clients collection lacks.
 */
final class OriginalDatabaseFixture {

    static final String OLD_PASSWORD = "Old-system-password-7";
    static final int USERS = 30;
    static final int EMPLOYEES = 20;
    static final int LEAVE = 60;
    static final int TIMESHEETS = 40;
    static final int CLIENTS = 10;
    static final int STOCK = 40;
    static final int ORDERS = 200;
    /** Order numbers the original gave twice: the 2nd holder of each is renumbered. */
    static final List<Integer> DUPLICATED_NUMBERS = List.of(7, 42, 90);
    static final int FIRST_NUMBER = 700_001;

    final String tag;
    final List<String> userIds = new ArrayList<>();
    final List<String> usernames = new ArrayList<>();
    final List<String> profileIds = new ArrayList<>();
    final List<String> clientIds = new ArrayList<>();
    final List<String> orderIds = new ArrayList<>();
    final List<String> leaveIds = new ArrayList<>();
    final List<String> timesheetIds = new ArrayList<>();
    /** Users whose hash the suite cannot verify (they must have their password reset). */
    final List<String> unverifiable = new ArrayList<>();
    final String supervisorId;
    final String oversoldStockId;

    private OriginalDatabaseFixture(String tag, String supervisorId, String oversoldStockId) {
        this.tag = tag;
        this.supervisorId = supervisorId;
        this.oversoldStockId = oversoldStockId;
    }

    static OriginalDatabaseFixture write(MongoDatabase db) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        OriginalDatabaseFixture fixture = new OriginalDatabaseFixture(tag, uuid(), uuid());
        fixture.users(db);
        fixture.payroll(db);
        fixture.stock(db);
        fixture.clientsAndOrders(db);
        return fixture;
    }

    private void users(MongoDatabase db) {
        // Python's bcrypt.hashpw(..., bcrypt.gensalt()) writes $2b$ (cost 4 here only to keep the test quick).
        String pythonHash = "$2b$" + BcryptUtil.bcryptHash(OLD_PASSWORD, 4).substring(4);
        List<Document> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            String id = i == USERS - 1 ? supervisorId : uuid();
            String username = i == 0 ? "admin" : "old." + tag + "." + i;
            String role = i == 0 ? "admin" : i <= EMPLOYEES ? "employee" : i == USERS - 1 ? "supervisor" : i % 2 == 0 ? "Manager" : "production";
            String hash = i >= 26 && i < USERS - 1 ? "pbkdf2_sha256$260000$salt$" + i : pythonHash;
            if (hash.startsWith("pbkdf2")) {
                unverifiable.add(username);
            }
            Document user = new Document("_id", new ObjectId()).append("id", id).append("username", username)
                    .append("email", username + "@misty-print.example").append("full_name", "Person " + i)
                    .append("role", role).append("password_hash", hash).append("is_active", i != 25)
                    .append("created_at", date(LocalDateTime.of(2023, 1, 1, 8, 0).plusDays(i)));
            if (i == 3) {
                user.append("theme", "dark");
            }
            users.add(user);
            userIds.add(id);
            usernames.add(username);
        }
        db.getCollection("users").insertMany(users);
    }

    private void payroll(MongoDatabase db) {
        List<Document> profiles = new ArrayList<>();
        for (int i = 1; i <= EMPLOYEES; i++) {
            String id = uuid();
            Document profile = new Document("_id", new ObjectId()).append("id", id).append("user_id", userIds.get(i))
                    .append("name", "Person " + i).append("hourly_rate", 24.5 + i).append("standard_weekly_hours", 38.0)
                    .append("annual_leave_balance", 120.0 + i * 0.5).append("personal_leave_balance", 16.0)
                    .append("created_at", LocalDateTime.of(2023, 2, 1, 9, 0).toString());
            if (i != 5) {
                profile.append("sick_leave_balance", 40.0); // one profile without: a missing balance is 0
            }
            profiles.add(profile);
            profileIds.add(id);
        }
        db.getCollection("employee_profiles").insertMany(profiles);

        List<Document> leave = new ArrayList<>();
        String[] statuses = {"pending", "approved", "rejected"};
        for (int i = 0; i < LEAVE; i++) {
            String id = uuid();
            LocalDate start = LocalDate.of(2024, 3, 4).plusWeeks(i % 20);
            leave.add(new Document("_id", new ObjectId()).append("id", id).append("employee_id", profileIds.get(i % EMPLOYEES))
                    .append("leave_type", i % 4 == 0 ? "sick" : "annual").append("status", statuses[i % 3])
                    .append("start_date", start.toString()).append("end_date", start.plusDays(1).toString())
                    .append("hours_requested", i % 5 == 0 ? 7.5 : 16.0).append("reason", "Leave " + i)
                    .append("created_at", date(LocalDateTime.of(2024, 2, 1, 10, 0).plusHours(i))));
            leaveIds.add(id);
        }
        db.getCollection("leave_requests").insertMany(leave);

        List<Document> timesheets = new ArrayList<>();
        String[] sheetStatuses = {"draft", "submitted", "approved", "rejected"};
        for (int i = 0; i < TIMESHEETS; i++) {
            LocalDate monday = LocalDate.of(2024, 1, 1).plusWeeks(i / 2);
            List<Document> entries = List.of(new Document("date", monday.toString()).append("hours", 8.0),
                    new Document("date", monday.plusDays(1).toString()).append("hours", 7.5));
            String id = uuid();
            timesheetIds.add(id);
            timesheets.add(new Document("_id", new ObjectId()).append("id", id)
                    .append("employee_id", profileIds.get(i % EMPLOYEES)).append("status", sheetStatuses[i % 4])
                    .append("week_starting", monday.toString()).append("entries", entries)
                    .append("created_at", date(monday.atTime(17, 0))));
        }
        db.getCollection("timesheets").insertMany(timesheets);
    }

    private void stock(MongoDatabase db) {
        List<Document> stock = new ArrayList<>();
        String[][] products = {{"KRAFT", "kg", "Kraft liner 125 g"}, {"BOARD", "sheets", "Folding box board"},
                {"FILM", "m", "BOPP film 20 µm"}, {"CORR", "each", "Corrugated blank"}};
        for (int i = 0; i < STOCK; i++) {
            String[] product = products[i % products.length];
            String id = i == 0 ? oversoldStockId : uuid();
            Object quantity = i == 0 ? -60.0 : product[1].equals("kg") ? 100.25 + i : product[1].equals("m") ? 1500.5 : (double) (200 + i);
            Document record = new Document("_id", new ObjectId()).append("id", id)
                    .append("product_id", product[0] + "-" + tag).append("product_name", product[2])
                    .append("client_id", "old-client-" + tag + "-" + (i / products.length)) // one record per product and client
                    .append("quantity_on_hand", quantity).append("unit", product[1])
                    .append("created_at", date(LocalDateTime.of(2022, 6, 1, 7, 0).plusDays(i)));
            if (i == 5) {
                record.append("location", "Rack 4");
            }
            stock.add(record);
        }
        db.getCollection("raw_substrate_stock").insertMany(stock);
    }

    private void clientsAndOrders(MongoDatabase db) {
        List<Document> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS + 2; i++) {
            String id = "old-client-" + tag + "-" + i;
            clientIds.add(id);
            if (i < CLIENTS) { // the last two are only named by orders: the original kept no record of them
                clients.add(new Document("_id", new ObjectId()).append("id", id).append("name", "Client " + i + " Ltd")
                        .append("contact_name", "Buyer " + i).append("email", "buyer" + i + "@client.example")
                        .append("address", i + " Harbour Road").append("created_at", date(LocalDateTime.of(2021, 5, 1, 12, 0))));
            }
        }
        db.getCollection("clients").insertMany(clients);

        List<Document> orders = new ArrayList<>();
        String[] statuses = {"pending", "in_production", "completed", "cancelled", "completed"};
        for (int i = 0; i < ORDERS; i++) {
            String id = uuid();
            int number = DUPLICATED_NUMBERS.contains(i - 100) ? FIRST_NUMBER + i - 100 : FIRST_NUMBER + i;
            Document order = new Document("_id", new ObjectId()).append("id", id)
                    .append("order_number", String.format("ORD-%06d", number))
                    .append("client_id", clientIds.get(i % clientIds.size())).append("client_name", "Client " + (i % clientIds.size()) + " Ltd")
                    .append("status", statuses[i % statuses.length])
                    .append("lines", List.of(new Document("product_id", "BOARD-" + tag).append("quantity", 100 + i)))
                    .append("due_date", LocalDate.of(2024, 6, 1).plusDays(i % 30).toString())
                    .append("created_at", date(LocalDateTime.of(2024, 1, 1, 9, 0).plusHours(i)));
            if (i % 10 == 0) {
                order.append("version", 3); // Migration 1 ran on some
            }
            orders.add(order);
            orderIds.add(id);
        }
        db.getCollection("orders").insertMany(orders);
    }

    static int records() {
        return USERS + EMPLOYEES + LEAVE + TIMESHEETS + CLIENTS + STOCK + ORDERS;
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }

    private static Date date(LocalDateTime at) {
        return Date.from(at.toInstant(ZoneOffset.UTC));
    }
}
