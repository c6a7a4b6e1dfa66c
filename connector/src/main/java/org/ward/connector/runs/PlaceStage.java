package org.ward.connector.runs;

import java.util.List;

/**
 * What a capability re-evaluates, after the recording checks, when one location's drive changed between scans
 * ({@code ward serve}): the counterpart of its {@link ScanStage} for one place. Its findings are reconciled for
 * that place only; the scheduled full scan still runs everything.
 */
public interface PlaceStage {

    /** Where it runs among the place stages, lowest first (the same order as the scan's stages). */
    int order();

    /**
     * Re-evaluates the place and reconciles its findings there.
     *
     * @return what could not be evaluated, as "Not evaluated: …, because …" sentences; empty when everything was
     */
    List<String> refresh(Place place);

    /**
     * Reads from Graph what re-evaluating the place needs, before the place is locked for evaluation, and returns the
     * evaluation to run under the lock: ward serve's refresh overlaps these reads with the recording checks. By
     * default nothing is read first and the evaluation is {@link #refresh}.
     */
    default Evaluation read(Place place) {
        return () -> refresh(place);
    }

    /** A place stage's evaluation, its Graph reads done. */
    @FunctionalInterface
    interface Evaluation {

        /** @return what could not be evaluated, as for {@link PlaceStage#refresh} */
        List<String> evaluate();
    }
}
