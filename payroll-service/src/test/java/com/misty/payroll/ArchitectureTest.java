package com.misty.payroll;

import com.misty.testkit.ServiceArchitectureTests;

/** The suite's one shape (testkit's {@link ServiceArchitectureTests}), checked on this service. */
class ArchitectureTest extends ServiceArchitectureTests {

    @Override
    protected String rootPackage() {
        return "com.misty.payroll";
    }
}
