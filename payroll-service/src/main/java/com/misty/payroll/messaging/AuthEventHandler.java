package com.misty.payroll.messaging;

import com.misty.contracts.auth.UserCreated;
import com.misty.contracts.auth.UserDeactivated;
import com.misty.payroll.service.EmployeeService;
import com.misty.platform.events.ReceivedEvent;
import com.misty.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What auth events mean for payroll. Both effects are idempotent by themselves: the stub is an upsert on the
 * unique {@code user_id}, deactivation is guarded by {@code active: true}.
 */
@ApplicationScoped
public class AuthEventHandler {

    private final EmployeeService employees;

    public AuthEventHandler(EmployeeService employees) {
        this.employees = employees;
    }

    public void handle(ReceivedEvent event) {
        if (event.is(UserCreated.class)) {
            UserCreated created = event.payloadAs(UserCreated.class);
            if (Roles.EMPLOYEE.equals(created.role())) {
                employees.onUserCreated(created.userId(), created.username());
            }
        } else if (event.is(UserDeactivated.class)) {
            employees.onUserDeactivated(event.payloadAs(UserDeactivated.class).userId());
        }
    }
}
