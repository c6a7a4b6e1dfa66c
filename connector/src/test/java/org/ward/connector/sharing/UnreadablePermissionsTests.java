package org.ward.connector.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ward.rules.facts.ItemKey;
import org.ward.rules.findings.ItemRefs;

/** A recording whose permissions answer Ward cannot read is "not evaluated, because …", named by its item reference. */
class UnreadablePermissionsTests {

    @Test
    void theSentenceNamesTheItemsAndWhy() {
        Map<ItemKey, String> unreadable = new LinkedHashMap<>();
        unreadable.put(new ItemKey("d1", "i1"), "DateTimeParseException: Text 'next Tuesday' could not be parsed at index 0");

        String sentence = SharingTasklet.unreadableSentence(unreadable);

        assertThat(sentence).startsWith("Not evaluated: who can reach 1 recording (item " + ItemRefs.of("d1", "i1") + "), because")
                .contains("'next Tuesday'").endsWith("they are read again on the next scan.");
    }
}
