package org.ward.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;

/**
 * One row of a fidelity table: a simulated call, the SDK model its answer must read into, Microsoft's documented
 * example for the operation, and the documented fields the simulator leaves out on purpose, each with its reason.
 *
 * @param name how the row reads in the test report
 * @param docFile the example under {@code graph-docs/}
 * @param docPointer the part of the example to compare (a JSON pointer, "" for all of it)
 * @param request makes the call
 * @param status the status the call must answer
 * @param model reads the body with the SDK
 * @param omitted documented field paths (as {@link JsonPaths} writes them) the simulator omits, with the reason
 */
public record Shape(String name, String docFile, String docPointer, Supplier<Reply> request, int status,
        ParsableFactory<? extends Parsable> model, Map<String, String> omitted) {

    public static Shape of(String name, String docFile, ParsableFactory<? extends Parsable> model, Supplier<Reply> request) {
        return new Shape(name, docFile, "", request, 200, model, Map.of());
    }

    public Shape status(int expected) {
        return new Shape(name, docFile, docPointer, request, expected, model, omitted);
    }

    /** Compares only part of the documented example, for a documented reason. */
    public Shape comparedAt(String pointer, String because) {
        return new Shape(name, docFile, pointer, request, status, model, omitted);
    }

    public Shape omits(String documentedPath, String because) {
        Map<String, String> more = new LinkedHashMap<>(omitted);
        more.put(documentedPath, because);
        return new Shape(name, docFile, docPointer, request, status, model, more);
    }

    /** Omits a documented object and everything in it, for one reason. */
    public Shape omitsAll(String because, String... documentedPaths) {
        Shape shape = this;
        for (String path : documentedPaths) {
            shape = shape.omits(path, because);
        }
        return shape;
    }

    @Override
    public String toString() {
        return name;
    }
}
