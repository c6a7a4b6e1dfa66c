package org.ward.simulator.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ward.simulator.fixture.FixtureException;
import org.ward.simulator.fixture.FixtureLoader;
import org.ward.simulator.tenant.Premium;
import org.ward.simulator.tenant.SignInRecord;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.tls.CertificateAuthority;

/** The identity section of a tenant fixture: licence, roles, policies, planted bursts, and its errors. */
class IdentityFixtureTests {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final CertificateAuthority CA = new CertificateAuthority("test");

    static Tenant load(String identity) {
        String yaml = """
                tenant: {displayName: Fixture Clinic, initialDomain: fixtureclinic.onmicrosoft.com}
                users:
                  - {upn: ann@fixtureclinic.nhs.uk, displayName: Ann, oneDrive: false}
                  - {upn: bob@fixtureclinic.nhs.uk, displayName: Bob, oneDrive: false}
                  - {upn: cat@fixtureclinic.nhs.uk, displayName: Cat, oneDrive: false}
                identity:
                """ + identity.indent(2);
        FixtureLoader loader = new FixtureLoader(Clock.fixed(NOW, ZoneOffset.UTC), CA);
        return loader.load(FixtureLoader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "x.yaml"))
                .tenant();
    }

    static List<SignInRecord> signIns(Tenant tenant) {
        List<SignInRecord> out = new ArrayList<>();
        tenant.identity().signIns(NOW.minus(Duration.ofDays(40)), NOW, null).forEachRemaining(out::add);
        return out;
    }

    @Test
    void readsTheLicence() {
        assertThat(load("licence: none").identity().premium()).isEqualTo(Premium.NONE);
    }

    @Test
    void aTenantWithoutAnIdentitySectionHasP2AndEveryoneRegistered() {
        Tenant tenant = load("{}");

        assertThat(tenant.identity().premium()).isEqualTo(Premium.P2);
        assertThat(tenant.users()).allSatisfy(u -> assertThat(tenant.identity().registration(u.id()).mfaRegistered()).isTrue());
    }

    @Test
    void plantsABurstOfSignInsSpacedEvenlyAcrossUsers() {
        Tenant tenant = load("""
                signIns:
                  planted:
                    - {users: [ann, bob, cat], at: -1d, every: 2m, repeat: 2, ip: 198.51.100.20, place: Moscow, result: 50126}
                """);

        List<SignInRecord> burst = signIns(tenant);

        assertThat(burst).hasSize(6).allSatisfy(s -> {
            assertThat(s.errorCode()).isEqualTo(50126);
            assertThat(s.place().countryOrRegion()).isEqualTo("RU");
            assertThat(s.authenticationRequirement()).isEqualTo("singleFactorAuthentication");
        });
        assertThat(burst.get(5).createdDateTime()).isEqualTo(NOW.minus(Duration.ofDays(1)));
        assertThat(burst.get(0).createdDateTime()).isEqualTo(NOW.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(10)));
    }

    @Test
    void namesAnUnknownPlace() {
        assertThatThrownBy(() -> load("""
                signIns:
                  planted:
                    - {user: ann, place: Atlantis}
                """)).isInstanceOf(FixtureException.class)
                .hasMessageContaining("identity.signIns.planted[0].place: 'Atlantis' is not a place");
    }

    @Test
    void namesAnUnknownRole() {
        assertThatThrownBy(() -> load("""
                roles:
                  - {user: ann, role: Chief Wizard}
                """)).isInstanceOf(FixtureException.class)
                .hasMessageContaining("identity.roles[0].role: 'Chief Wizard' is not a built-in role");
    }

    @Test
    void resolvesPolicyUsersAndRolesToIds() {
        Tenant tenant = load("""
                conditionalAccess:
                  - {name: MFA for admins, includeRoles: [Global Administrator], excludeUsers: [bob], grant: [mfa]}
                """);

        var policy = tenant.identity().policies().get(0);
        assertThat(policy.includeRoles()).containsExactly("62e90394-69f5-4237-9190-012177145e10");
        assertThat(policy.excludeUsers()).containsExactly(tenant.user("bob@fixtureclinic.nhs.uk").id());
        assertThat(policy.state()).isEqualTo("enabled");
    }
}
