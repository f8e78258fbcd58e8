package com.misty.gateway.support;

import com.misty.testkit.CoreAffinity;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Gives the gateway under test a core of its own, as it has in its own container, while the load generator and the
 * stub service share the others. The whole JVM is moved to the last core first (the gateway's threads with it);
 * then each event loop of the generator's and the stub's Vert.x instances moves itself to the other cores, as only
 * a thread knows its own kernel id.
 */
public final class CorePlacement {

    private CorePlacement() {
    }

    /** Returns a description of the placement for the report. */
    public static String gatewayOnItsOwnCore(Vertx generator, Vertx stub) {
        if (!CoreAffinity.splittable()) {
            throw new IllegalStateException("A core of its own for the gateway needs two cores and taskset");
        }
        require(CoreAffinity.moveProcess(ProcessHandle.current().pid(), CoreAffinity.lastCore()));
        eventLoopsTo(generator, CoreAffinity.allButLastCore());
        eventLoopsTo(stub, CoreAffinity.allButLastCore());
        return "gateway (and the rest of the JVM) on core " + CoreAffinity.lastCore()
                + "; load generator and stub on core(s) " + CoreAffinity.allButLastCore();
    }

    /** Every thread back to every core. */
    public static void undo() {
        CoreAffinity.moveProcess(ProcessHandle.current().pid(), CoreAffinity.everyCore());
    }

    private static void eventLoopsTo(Vertx vertx, String cores) {
        for (EventExecutor loop : vertx.nettyEventLoopGroup()) {
            try {
                require(loop.submit(() -> CoreAffinity.moveCurrentThread(cores)).get(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Could not move an event loop to cores " + cores, e);
            }
        }
    }

    private static void require(boolean moved) {
        if (!moved) {
            throw new IllegalStateException("taskset failed");
        }
    }
}
