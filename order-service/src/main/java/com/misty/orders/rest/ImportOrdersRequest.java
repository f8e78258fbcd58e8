package com.misty.orders.rest;

import com.misty.platform.validation.PlainFieldNames;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/orders/import}: records of the original system's {@code clients} and {@code orders} collections
 * as it stored them (snake_case, dates as ISO text), at most 500 of each per call, clients stored first;
 * {@code status_map} adds or overrides status mappings (original status → suite status name); {@code dry_run}
 * decides everything and writes nothing.
 */
public record ImportOrdersRequest(
        @Size(max = 500) List<@NotNull @PlainFieldNames Map<String, Object>> clients,
        @Size(max = 500) List<@NotNull @PlainFieldNames Map<String, Object>> orders,
        Map<String, String> statusMap,
        boolean dryRun) {
}
