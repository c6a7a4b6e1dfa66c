package org.ward.connector.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.ward.connector.graph.GraphSettings;

/**
 * Runs independent Graph calls side by side (one per site, group or user), as many at once as the Graph client's
 * concurrency cap allows, so latency overlaps while the resilience layer keeps the pace within budget.
 */
@Component
public class ParallelCalls implements DisposableBean {

    private final ExecutorService executor;
    /** Set on this pool's threads: a call made from one of them runs in place rather than wait for a sibling. */
    private final ThreadLocal<Boolean> onPool = ThreadLocal.withInitial(() -> false);

    public ParallelCalls(GraphSettings settings) {
        int threads = Math.max(1, settings.resilience().maxConcurrentRequests());
        this.executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(() -> {
                onPool.set(true);
                runnable.run();
            }, "ward-graph-call");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Applies the action to every element; the first failure is rethrown once all have finished. */
    public <T> void forEach(List<T> elements, Consumer<T> action) {
        if (elements.size() == 1) {
            // Nothing to overlap: the caller, who would only wait, makes the call (its permit is taken all the same).
            action.accept(elements.get(0));
            return;
        }
        if (onPool.get()) {
            // Waiting here for siblings could leave every thread waiting for a queued call: run them in turn.
            RuntimeException first = null;
            for (T element : elements) {
                try {
                    action.accept(element);
                } catch (RuntimeException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>();
        for (T element : elements) {
            futures.add(executor.submit(() -> action.accept(element)));
        }
        RuntimeException first = null;
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while calling Graph", e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * Runs {@code elsewhere} on a Graph thread while {@code here} runs on the caller's, and returns when both have
     * finished; the first failure ({@code here}'s before {@code elsewhere}'s) is rethrown. Two independent requests of
     * one task then cost one round trip instead of two. Called from a Graph thread, both run in turn on it.
     */
    public void alongside(Runnable elsewhere, Runnable here) {
        if (onPool.get()) {
            here.run();
            elsewhere.run();
            return;
        }
        Future<?> other = executor.submit(elsewhere);
        RuntimeException first = null;
        try {
            here.run();
        } catch (RuntimeException e) {
            first = e;
        }
        try {
            other.get();
        } catch (ExecutionException e) {
            if (first == null) {
                first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException e) {
            other.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling Graph", e);
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * Starts {@code call} on a Graph thread and returns at once, so the caller works while Graph answers; the answer or
     * the failure comes from the future. Called from a Graph thread, the call runs in place first.
     */
    public <T> CompletableFuture<T> ahead(Supplier<T> call) {
        if (onPool.get()) {
            try {
                return CompletableFuture.completedFuture(call.get());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return CompletableFuture.supplyAsync(call, executor);
    }

    /** The answer of a call started {@link #ahead}; its failure rethrown as it was thrown. */
    public static <T> T answer(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
