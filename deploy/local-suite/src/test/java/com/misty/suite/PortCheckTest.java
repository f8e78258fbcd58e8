package com.misty.suite;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortCheckTest {

    @Test
    void aTakenPortNamesThePortAndItsOwner() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> PortCheck.requireFree(port, "inventory-service"))
                    .isInstanceOf(LaunchException.class)
                    .hasMessageStartingWith("port " + port + " (inventory-service) is already in use");
        }
    }

    @Test
    void aFreePortPasses() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        int free = port;
        assertThatCode(() -> PortCheck.requireFree(free, "gateway")).doesNotThrowAnyException();
    }
}
