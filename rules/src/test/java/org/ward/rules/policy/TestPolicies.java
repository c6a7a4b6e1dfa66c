package org.ward.rules.policy;

import java.nio.file.Path;

/**
 * The repository's packs for tests. Maven runs tests in the module folder, so the packs are at ../policies; the
 * application reads the same files from classpath:policies/ through {@link BuiltInPacks#classpath()}.
 */
public final class TestPolicies {

    public static final Path POLICIES = Path.of("../policies");
    public static final Path FIXTURES = Path.of("src/test/resources/policy");

    private TestPolicies() {
    }

    public static PolicyLoader loader() {
        return new PolicyLoader(BuiltInPacks.directory(POLICIES));
    }

    public static PolicyPack nhsEngland() {
        return loader().loadBuiltIn("nhs-england");
    }

    public static PolicyPack hipaa() {
        return loader().loadBuiltIn("hipaa");
    }

    public static PolicyPack auPrivacy() {
        return loader().loadBuiltIn("au-privacy");
    }

    public static PolicyPack upwell() {
        return loader().loadFile(POLICIES.resolve("examples/upwell-health.yaml"));
    }
}
