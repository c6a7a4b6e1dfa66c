package org.ward.connector.evidence;

import java.io.IOException;

/**
 * Where a pack ward serve wrote on its schedule goes next (an upload to blob storage, a copy to a records system): the
 * one place a written, sealed pack is handed on. Every bean of this type receives each scheduled pack, after it is
 * sealed in {@code ward.evidence.scheduled-out}; with none, the pack stays in that folder. A failing hand-off is
 * logged and counted, and never removes the pack.
 */
@FunctionalInterface
public interface PackHandoff {

    /** Takes a sealed pack; the folder must not be changed (its seal would no longer verify). */
    void handOn(EvidencePack.Written pack) throws IOException;
}
