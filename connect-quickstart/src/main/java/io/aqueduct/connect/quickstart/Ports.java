package io.aqueduct.connect.quickstart;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks ports up front, so a port in use is reported with the option that moves it, not as a bind stack trace. */
final class Ports {

    private Ports() {
    }

    static void requireFree(String option, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new QuickstartException("Port " + port + " on localhost is in use (" + e.getMessage() + "). Stop what "
                    + "listens there, or pick another port with " + option + " <port>.");
        }
    }
}
