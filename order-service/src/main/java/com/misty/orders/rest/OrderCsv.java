package com.misty.orders.rest;

import com.misty.orders.domain.Order;
import com.misty.orders.domain.OrderLineItem;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Orders as CSV (RFC 4180): a header row, CRLF line ends, a field quoted when it holds a comma, a quote, CR or LF,
 * quotes doubled inside. Values are written as the JSON shows them; {@code lines} reads
 * {@code 1:P-1:5; 2:P-2:7} (line:product:quantity).
 */
final class OrderCsv {

    record Column(String name, Function<Order, Object> value) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("order_number", Order::orderNumber),
            new Column("id", Order::id),
            new Column("client_id", Order::clientId),
            new Column("client_name", Order::clientName),
            new Column("status", Order::status),
            new Column("status_reason", Order::statusReason),
            new Column("due_date", Order::dueDate),
            new Column("contact_name", Order::contactName),
            new Column("contact_email", Order::contactEmail),
            new Column("contact_phone", Order::contactPhone),
            new Column("notes", Order::notes),
            new Column("lines", o -> o.lines().stream().map(OrderCsv::line).collect(Collectors.joining("; "))),
            new Column("version", Order::version),
            new Column("created_by", Order::createdBy),
            new Column("created_at", Order::createdAt),
            new Column("updated_by", Order::updatedBy),
            new Column("updated_at", Order::updatedAt),
            new Column("completed_at", Order::completedAt),
            new Column("stock_consumed_at", Order::stockConsumedAt));

    private OrderCsv() {
    }

    static void header(Writer out) throws IOException {
        row(out, COLUMNS.stream().map(Column::name).toList());
    }

    static void write(Writer out, Order order) throws IOException {
        row(out, COLUMNS.stream().map(c -> text(c.value().apply(order))).toList());
    }

    private static void row(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String text(Object value) {
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        return Objects.toString(value, "");
    }

    private static String line(OrderLineItem line) {
        return line.line() + ":" + line.productId() + ":" + line.quantity();
    }
}
