package org.ward.simulator.tls;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A value made on its own daemon thread from the moment it is asked for, and waited for where it is first used. The
 * simulator's key material (an RSA key for signing tokens, its certificate authority) takes most of its start-up CPU,
 * so it is made while the start-up thread reads the tenant.
 */
public final class MadeAhead<T> {

    private final CompletableFuture<T> value;

    public MadeAhead(String what, Supplier<T> maker) {
        this.value = CompletableFuture.supplyAsync(maker, task -> {
            Thread thread = new Thread(task, "simulator-" + what);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** The value, once made; a failure to make it is thrown here, as the maker threw it. */
    public T get() {
        try {
            return value.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
