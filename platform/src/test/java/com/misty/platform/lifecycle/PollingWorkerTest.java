package com.misty.platform.lifecycle;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PollingWorkerTest {

    private static final Duration LONG = Duration.ofMinutes(10);

    @Test
    void aWakeUpRunsTheNextPassAtOnceAndSaysSo() throws InterruptedException {
        CountDownLatch second = new CountDownLatch(2);
        AtomicBoolean secondWoken = new AtomicBoolean();
        PollingWorker worker = new PollingWorker("test-wake", LONG, woken -> {
            if (second.getCount() == 1) {
                secondWoken.set(woken);
            }
            second.countDown();
            return LONG;
        });
        worker.start();
        try {
            awaitCount(second, 1);
            worker.wakeUp();
            assertThat(second.await(5, TimeUnit.SECONDS)).as("second pass long before the pause ran out").isTrue();
            assertThat(secondWoken).isTrue();
        } finally {
            worker.stop();
        }
        assertThat(worker.isRunning()).isFalse();
    }

    @Test
    void aFailingPassIsRetriedAfterThePauseAndTheThreadLivesOn() throws InterruptedException {
        CountDownLatch passes = new CountDownLatch(3);
        PollingWorker worker = PollingWorker.every("test-fail", Duration.ofMillis(5), () -> {
            passes.countDown();
            throw new IllegalStateException("database away");
        });
        worker.start();
        try {
            assertThat(passes.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            worker.stop();
        }
    }

    @Test
    void stopAfterPassLetsThePassInProgressFinishWithoutAnInterrupt() throws InterruptedException {
        CountDownLatch inPass = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicInteger finished = new AtomicInteger();
        PollingWorker worker = new PollingWorker("test-stop", LONG, woken -> {
            inPass.countDown();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            while (System.nanoTime() < until) {
                interrupted.compareAndSet(false, Thread.currentThread().isInterrupted());
            }
            finished.incrementAndGet();
            return LONG;
        });
        worker.start();
        assertThat(inPass.await(5, TimeUnit.SECONDS)).isTrue();
        worker.stopAfterPass();
        assertThat(finished).hasValue(1);
        assertThat(interrupted).isFalse();
    }

    private static void awaitCount(CountDownLatch latch, long count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (latch.getCount() > count && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(latch.getCount()).isEqualTo(count);
    }
}
