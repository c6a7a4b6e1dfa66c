package org.ward.connector.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

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

    public ParallelCalls(GraphSettings settings) {
        int threads = Math.max(1, settings.resilience().maxConcurrentRequests());
        this.executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "ward-graph-call");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Applies the action to every element; the first failure is rethrown once all have finished. */
    public <T> void forEach(List<T> elements, Consumer<T> action) {
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

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
