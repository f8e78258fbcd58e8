package com.misty.orders.rest;

import com.misty.orders.domain.OrderFilter;
import com.misty.orders.domain.OrderSort;
import com.misty.orders.domain.OrderStatus;
import com.misty.platform.problem.DomainException;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The selection and order shared by {@code GET /api/orders} and {@code GET /api/orders/export.csv}. */
public class OrderQuery {

    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";

    @QueryParam("order_number") @Size(max = 40)
    public String orderNumber;

    @QueryParam("order_number_prefix") @Size(max = 40)
    public String orderNumberPrefix;

    @QueryParam("client_id") @Size(max = 100)
    public String clientId;

    /** Repeat it ({@code status=A&status=B}) or separate with commas ({@code status=A,B}). */
    @QueryParam("status") @Size(max = 10)
    public List<@Size(max = 200) String> status;

    @QueryParam("due_from") @Pattern(regexp = DATE, message = "must be a date YYYY-MM-DD")
    public String dueFrom;

    @QueryParam("due_to") @Pattern(regexp = DATE, message = "must be a date YYYY-MM-DD")
    public String dueTo;

    /** A date (from its start, UTC) or an instant ({@code 2026-11-30T08:00:00Z}). */
    @QueryParam("created_from") @Size(max = 40)
    public String createdFrom;

    /** A date (to its end, UTC, inclusive) or an instant (exclusive). */
    @QueryParam("created_to") @Size(max = 40)
    public String createdTo;

    @QueryParam("q") @Size(max = 200)
    public String q;

    @QueryParam("sort") @Pattern(regexp = "created_at|due_date|order_number", message = "must be created_at, due_date or order_number")
    public String sort;

    @QueryParam("direction") @Pattern(regexp = "asc|desc", message = "must be asc or desc")
    public String direction;

    OrderFilter toFilter() {
        return new OrderFilter(blankToNull(orderNumber), blankToNull(orderNumberPrefix), blankToNull(clientId),
                statuses(), date("due_from", dueFrom), date("due_to", dueTo), createdFrom(), createdBefore(),
                blankToNull(q));
    }

    OrderSort toSort() {
        if (sort == null && direction == null) {
            return OrderSort.NEWEST_FIRST;
        }
        OrderSort.Field field = sort == null ? OrderSort.Field.CREATED_AT : OrderSort.Field.valueOf(sort.toUpperCase());
        boolean ascending = direction == null ? field != OrderSort.Field.CREATED_AT : direction.equals("asc");
        return new OrderSort(field, ascending);
    }

    private Set<OrderStatus> statuses() {
        Set<OrderStatus> statuses = EnumSet.noneOf(OrderStatus.class);
        if (status == null) {
            return statuses;
        }
        for (String value : status) {
            for (String one : value.split(",")) {
                if (one.isBlank()) {
                    continue;
                }
                try {
                    statuses.add(OrderStatus.valueOf(one.strip().toUpperCase()));
                } catch (IllegalArgumentException e) {
                    throw DomainException.badRequest("INVALID_FIELD", "Query parameter 'status' must be one of "
                            + Arrays.toString(OrderStatus.values()) + ".").with("field", "status");
                }
            }
        }
        return statuses;
    }

    private Instant createdFrom() {
        String value = blankToNull(createdFrom);
        if (value == null) {
            return null;
        }
        return value.matches(DATE) ? date("created_from", value).atStartOfDay().toInstant(ZoneOffset.UTC)
                : instant("created_from", value);
    }

    private Instant createdBefore() {
        String value = blankToNull(createdTo);
        if (value == null) {
            return null;
        }
        return value.matches(DATE) ? date("created_to", value).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)
                : instant("created_to", value);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "a date YYYY-MM-DD");
        }
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "a date YYYY-MM-DD or an instant such as 2026-11-30T08:00:00Z");
        }
    }

    private static DomainException invalid(String name, String what) {
        return DomainException.badRequest("INVALID_FIELD", "Query parameter '" + name + "' must be " + what + ".")
                .with("field", name);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
