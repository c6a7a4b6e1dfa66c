package org.ward.rules.policy;

import java.util.List;
import java.util.Set;

/**
 * Which recordings need consent evidence, and what counts as evidence.
 *
 * @param requiredFor the recording kind ids that need evidence
 * @param formNamePatterns wildcard patterns a consent form's name matches ("*consent*")
 * @param formExtensions file types a consent form may have ("pdf", "docx")
 * @param linkBy how a form in the same folder is tied to the recording
 * @param columns metadata columns on the recording that count as evidence
 */
public record ConsentPolicy(
        Set<String> requiredFor,
        List<String> formNamePatterns,
        List<String> formExtensions,
        Set<ConsentLink> linkBy,
        List<ConsentColumn> columns) {

    /** What ties a consent form to a recording. */
    public enum ConsentLink {
        /** The form's name carries one of the recording's patient identifiers. */
        IDENTIFIER,
        /** The form's name contains the recording's name without its extension. */
        BASE_NAME
    }

    /**
     * A metadata column that records consent.
     *
     * @param name the column's internal or display name (compared ignoring case)
     * @param values the values that count (ignoring case); empty means any non-empty value
     */
    public record ConsentColumn(String name, List<String> values) {
        public ConsentColumn {
            values = List.copyOf(values);
        }
    }

    public ConsentPolicy {
        requiredFor = Set.copyOf(requiredFor);
        formNamePatterns = List.copyOf(formNamePatterns);
        formExtensions = List.copyOf(formExtensions);
        linkBy = Set.copyOf(linkBy);
        columns = List.copyOf(columns);
    }

    public boolean requires(String kindId) {
        return requiredFor.contains(kindId);
    }
}
