package com.misty.platform.lifecycle;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A background thread that runs a pass, then waits until it is woken or the pause the pass asked for is over, until
 * stopped: the outbox relay, the ledger repair, the payroll recovery and the gateway's access-log writer. A pass
 * that throws is logged and retried after the previous pause; the thread never dies of it.
 */
public final class PollingWorker {

    private static final Logger LOG = Logger.getLogger(PollingWorker.class);
    private static final long JOIN_MILLIS = 5_000;

    /** One pass; returns how long to wait for the next one unless woken. */
    @FunctionalInterface
    public interface Pass {
        /** @param woken whether this pass follows a {@link #wakeUp()} rather than a pause that ran out */
        Duration run(boolean woken);
    }

    private final String name;
    private final Pass pass;
    private final Duration firstPause;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread thread;

    /**
     * @param name       the thread's name, also in the log line of a failed pass
     * @param firstPause the pause after a first pass that fails
     */
    public PollingWorker(String name, Duration firstPause, Pass pass) {
        this.name = name;
        this.firstPause = firstPause;
        this.pass = pass;
    }

    /** A worker whose pass always wants the same pause. */
    public static PollingWorker every(String name, Duration interval, Runnable pass) {
        return new PollingWorker(name, interval, woken -> {
            pass.run();
            return interval;
        });
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread worker = new Thread(this::loop, name);
        worker.setDaemon(true);
        thread = worker;
        worker.start();
    }

    public boolean isRunning() {
        return running;
    }

    /** Runs the next pass now (or as soon as the one in progress is done). */
    public void wakeUp() {
        wakeUps.release();
    }

    /**
     * Stops at once: a pass in progress is interrupted (every pass here is safe to redo), and the thread is given a
     * few seconds to end.
     */
    public void stop() {
        Thread worker = halt();
        if (worker != null) {
            worker.interrupt();
            join(worker);
        }
    }

    /**
     * Stops without interrupting: the pass in progress completes (a writer whose interrupted thread would lose what
     * it writes), and the thread is given a few seconds to end.
     */
    public void stopAfterPass() {
        Thread worker = halt();
        if (worker != null) {
            wakeUps.release();
            join(worker);
        }
    }

    private synchronized Thread halt() {
        running = false;
        Thread worker = thread;
        thread = null;
        return worker;
    }

    private static void join(Thread worker) {
        if (worker == Thread.currentThread()) {
            return;
        }
        try {
            worker.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        Duration pause = firstPause;
        boolean woken = false;
        while (running) {
            try {
                pause = pass.run(woken);
            } catch (RuntimeException e) {
                LOG.warnf("%s pass failed, will retry in %s: %s", name, pause, e.getMessage());
            }
            try {
                woken = wakeUps.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS);
                if (woken) {
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
