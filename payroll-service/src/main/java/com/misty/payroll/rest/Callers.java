package com.misty.payroll.rest;

import com.misty.payroll.domain.Actor;
import com.misty.platform.security.CurrentUser;

/** The caller as the services see it, and the list size every payroll list endpoint shares. */
final class Callers {

    static final String DEFAULT_LIMIT = "100";
    static final int MAX_LIMIT = 500;

    private Callers() {
    }

    static Actor actor(CurrentUser user) {
        return new Actor(user.id(), user.roles());
    }
}
