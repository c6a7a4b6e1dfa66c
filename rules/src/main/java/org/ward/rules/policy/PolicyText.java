package org.ward.rules.policy;

import java.nio.file.Path;

/**
 * The text of one policy file and where it came from.
 *
 * @param source how messages name the file ("policies/my-trust.yaml", "classpath:policies/nhs-england.yaml")
 * @param content the YAML text
 * @param file the file on disk, against which a relative {@code extends} is resolved; null for classpath packs
 */
public record PolicyText(String source, String content, Path file) {
}
