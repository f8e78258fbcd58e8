package com.misty.suite;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port checks before anything starts, so a taken port is one clear line instead of a failed service later. */
final class PortCheck {

    private PortCheck() {
    }

    static void requireFree(int port, String owner) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new LaunchException("port " + port + " (" + owner + ") is already in use; stop whatever holds it"
                    + " (e.g. an earlier run of the suite) and try again");
        }
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
