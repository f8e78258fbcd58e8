package com.misty.contracts;

import com.misty.contracts.auth.ServiceAccountRevoked;
import com.misty.contracts.auth.SessionEnded;
import com.misty.contracts.auth.SessionsRevoked;
import com.misty.contracts.auth.UserCreated;
import com.misty.contracts.auth.UserDeactivated;
import com.misty.contracts.auth.UserRoleChanged;
import com.misty.contracts.inventory.StockAllocated;
import com.misty.contracts.inventory.StockConsumed;
import com.misty.contracts.inventory.StockLowReached;
import com.misty.contracts.inventory.StockAllocationRejected;
import com.misty.contracts.inventory.StockLevelChanged;
import com.misty.contracts.inventory.StockReleased;
import com.misty.contracts.orders.ClientCreated;
import com.misty.contracts.orders.ClientUpdated;
import com.misty.contracts.orders.OrderCancelled;
import com.misty.contracts.orders.OrderCompleted;
import com.misty.contracts.orders.OrderPlaced;
import com.misty.contracts.orders.OrderRevised;
import com.misty.contracts.orders.OrderStatusChanged;
import com.misty.contracts.orders.OrderUpdated;
import com.misty.contracts.payroll.LeaveApproved;
import com.misty.contracts.payroll.LeaveCancelled;
import com.misty.contracts.payroll.LeaveRejected;
import com.misty.contracts.payroll.LeaveRequested;
import com.misty.contracts.payroll.PayrollCalculated;
import com.misty.contracts.payroll.TimesheetApproved;
import com.misty.contracts.payroll.TimesheetRejected;
import com.misty.contracts.payroll.TimesheetSubmitted;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of event types: the envelope's {@code type} is the payload record's simple name, in the past
 * tense. A consumer uses {@link #payloadClass(String)} to turn the payload back into its record.
 */
public final class EventTypes {

    private static final List<Class<? extends Record>> ALL = List.of(
            OrderPlaced.class, OrderRevised.class, OrderCancelled.class, OrderStatusChanged.class, OrderCompleted.class,
            OrderUpdated.class, ClientCreated.class, ClientUpdated.class,
            StockAllocated.class, StockAllocationRejected.class, StockReleased.class, StockLevelChanged.class,
            StockConsumed.class, StockLowReached.class,
            UserCreated.class, UserRoleChanged.class, UserDeactivated.class, SessionsRevoked.class,
            SessionEnded.class, ServiceAccountRevoked.class,
            LeaveRequested.class, LeaveApproved.class, LeaveRejected.class, LeaveCancelled.class,
            TimesheetSubmitted.class, TimesheetApproved.class, TimesheetRejected.class, PayrollCalculated.class);

    private static final Map<String, Class<? extends Record>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventTypes() {
    }

    public static String typeOf(Object payload) {
        String name = payload.getClass().getSimpleName();
        if (!BY_NAME.containsKey(name)) {
            throw new IllegalArgumentException("Not a registered event payload: " + payload.getClass().getName());
        }
        return name;
    }

    public static Optional<Class<? extends Record>> payloadClass(String type) {
        return Optional.ofNullable(BY_NAME.get(type));
    }

    public static List<Class<? extends Record>> all() {
        return ALL;
    }
}
