package org.ward.connector.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ward evidence --verify} found in a pack folder.
 *
 * @param files how many files the pack's list names
 * @param changed files whose bytes differ from the list
 * @param missing files the list names that are gone
 * @param added files in the folder the list does not name
 * @param unreadable lines of the list that are not "hash  name"
 * @param signer who signed the list (subject and certificate fingerprint), null when unsigned or unreadable
 * @param signatureProblem why the signature does not vouch for the list, null when it does
 */
public record PackCheck(int files, List<String> changed, List<String> missing, List<String> added, List<String> unreadable,
        String signer, String signatureProblem) {

    public PackCheck {
        changed = List.copyOf(changed);
        missing = List.copyOf(missing);
        added = List.copyOf(added);
        unreadable = List.copyOf(unreadable);
    }

    public boolean intact() {
        return problems().isEmpty();
    }

    /** Each problem as one sentence naming the file. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        changed.forEach(name -> out.add(name + " was changed after the pack was sealed"));
        missing.forEach(name -> out.add(name + " is missing"));
        added.forEach(name -> out.add(name + " was added after the pack was sealed"));
        unreadable.forEach(where -> out.add(where + " is not a line sha256sum writes"));
        if (signatureProblem != null) {
            out.add(signatureProblem);
        }
        return out;
    }
}
