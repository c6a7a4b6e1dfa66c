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
}
