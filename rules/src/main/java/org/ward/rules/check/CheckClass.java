package org.ward.rules.check;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;

/**
 * The class a catalogue line names as its check, and the facts it reads. Checks are made with their no-argument
 * constructor; everything else they need comes with each evaluation.
 *
 * @param facts the facts type the check reads
 * @param type the check class
 * @param <F> the facts type
 */
public record CheckClass<F>(Class<F> facts, Class<? extends Check<F>> type) {

    public static <F> CheckClass<F> of(Class<F> facts, Class<? extends Check<F>> type) {
        return new CheckClass<>(facts, type);
    }

    /** A new instance of the check. */
    public Check<F> create() {
        return instantiate(type);
    }

    /** The check, when it reads the given facts; empty when it reads others. */
    @SuppressWarnings("unchecked")
    public <T> Optional<Check<T>> forFacts(Class<T> wanted) {
        return wanted.equals(facts) ? Optional.of((Check<T>) create()) : Optional.empty();
    }

    /**
     * Makes a check or detector through its only constructor with the given arguments. Checks are package-private
     * in their family's package, hence the accessible flag.
     */
    public static <T> T instantiate(Class<T> type, Object... args) {
        Class<?>[] types = new Class<?>[args.length];
        for (int i = 0; i < args.length; i++) {
            types[i] = args[i].getClass();
        }
        try {
            Constructor<T> constructor = constructor(type, args);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(type.getSimpleName() + " could not be made: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getSimpleName() + " needs a constructor taking "
                    + java.util.Arrays.toString(types) + ", as its catalogue line promises", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Constructor<T> constructor(Class<T> type, Object[] args) throws NoSuchMethodException {
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            Class<?>[] params = c.getParameterTypes();
            if (params.length != args.length) {
                continue;
            }
            boolean fits = true;
            for (int i = 0; i < params.length && fits; i++) {
                fits = params[i].isInstance(args[i]);
            }
            if (fits) {
                return (Constructor<T>) c;
            }
        }
        throw new NoSuchMethodException(type.getName());
    }
}
