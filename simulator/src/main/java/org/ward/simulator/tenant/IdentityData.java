package org.ward.simulator.tenant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import java.util.LinkedHashMap;

/**
 * The tenant's identity data: its Entra ID licence, MFA registrations, directory roles, conditional-access
 * policies, security defaults, Identity Protection's risky users and detections, and the sign-in log. Read and
 * changed under the tenant's lock, like the rest of the model.
 */
public final class IdentityData {

    private Premium premium = Premium.P2;
    private boolean securityDefaults;
    private final Map<String, Registration> registrations = new LinkedHashMap<>();
    private final List<RoleAssignment> roleAssignments = new ArrayList<>();
    private final List<ConditionalAccessPolicy> policies = new ArrayList<>();
    private final List<RiskyUser> riskyUsers = new ArrayList<>();
    private final List<RiskDetection> riskDetections = new ArrayList<>();
    private final NavigableSet<SignInRecord> planted = new TreeSet<>(SignInRecord::newestFirst);
    private SignInSource generated = SignInSource.NONE;

    public Premium premium() {
        return premium;
    }

    public void setPremium(Premium premium) {
        this.premium = premium;
    }

    public boolean securityDefaults() {
        return securityDefaults;
    }

    public void setSecurityDefaults(boolean enabled) {
        this.securityDefaults = enabled;
    }

    public Registration registration(String userId) {
        return registrations.get(userId);
    }

    public void putRegistration(Registration registration) {
        registrations.put(registration.userId(), registration);
    }

    public List<RoleAssignment> roleAssignments() {
        return List.copyOf(roleAssignments);
    }

    public void addRoleAssignment(RoleAssignment assignment) {
        roleAssignments.add(assignment);
    }

    public List<ConditionalAccessPolicy> policies() {
        return List.copyOf(policies);
    }

    public void addPolicy(ConditionalAccessPolicy policy) {
        policies.add(policy);
    }

    public void replacePolicy(ConditionalAccessPolicy policy) {
        policies.replaceAll(p -> p.id().equals(policy.id()) ? policy : p);
    }

    public List<RiskyUser> riskyUsers() {
        return List.copyOf(riskyUsers);
    }

    public void addRiskyUser(RiskyUser user) {
        riskyUsers.add(user);
    }

    public List<RiskDetection> riskDetections() {
        return List.copyOf(riskDetections);
    }

    public void addRiskDetection(RiskDetection detection) {
        riskDetections.add(detection);
    }

    /** Replaces the generated part of the sign-in log. */
    public void setGenerated(SignInSource source) {
        this.generated = source;
    }

    /** Adds a sign-in to the log (a planted event, or one a test makes happen). */
    public void addSignIn(SignInRecord signIn) {
        planted.add(signIn);
    }

    /**
     * The sign-in log between two times, both inclusive, newest first, resuming after a given sign-in. Generated and
     * added sign-ins are merged lazily. The caller holds the read lock only while it takes what it needs.
     */
    public Iterator<SignInRecord> signIns(Instant from, Instant to, SignInRecord after) {
        NavigableSet<SignInRecord> tail = after == null ? planted : planted.tailSet(after, false);
        List<SignInRecord> added = new ArrayList<>();
        for (SignInRecord record : tail) {
            if (record.createdDateTime().isBefore(from)) {
                break;
            }
            if (!record.createdDateTime().isAfter(to)) {
                added.add(record);
            }
        }
        return merge(added.iterator(), generated.newestFirst(from, to, after));
    }

    private static Iterator<SignInRecord> merge(Iterator<SignInRecord> a, Iterator<SignInRecord> b) {
        return new Iterator<>() {
            SignInRecord nextA = a.hasNext() ? a.next() : null;
            SignInRecord nextB = b.hasNext() ? b.next() : null;

            @Override
            public boolean hasNext() {
                return nextA != null || nextB != null;
            }

            @Override
            public SignInRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SignInRecord out;
                if (nextB == null || (nextA != null && SignInRecord.newestFirst(nextA, nextB) <= 0)) {
                    out = nextA;
                    nextA = a.hasNext() ? a.next() : null;
                } else {
                    out = nextB;
                    nextB = b.hasNext() ? b.next() : null;
                }
                return out;
            }
        };
    }
}
