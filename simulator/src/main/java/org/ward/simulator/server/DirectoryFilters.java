package org.ward.simulator.server;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which properties of a directory object Microsoft Entra lets {@code $filter} read, with which operators, and which
 * only as an advanced query ({@code ConsistencyLevel: eventual} and {@code $count=true}), from Microsoft's tables
 * ("Advanced query capabilities on Microsoft Entra ID objects", learn.microsoft.com/graph/aad-advanced-queries, and
 * its include filter-directory-objects.md for users; the group resource's "Supports $filter" notes for groups). Its
 * general rules: {@code ne} and {@code not} work only as advanced queries, and {@code endsWith} only on mail,
 * otherMails, userPrincipalName and proxyAddresses, as an advanced query.
 *
 * <p>Refusals, in the page's own examples: an unsupported property or operator answers 400
 * {@code Request_UnsupportedQuery} "Unsupported or invalid query filter clause specified for property 'createdDateTime'
 * of resource 'Group'."; an advanced operator without the advanced parameters answers "Operator 'endsWith' is not
 * supported because the required parameters might be missing. Try adding $count=true query parameter and
 * ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information".
 */
public final class DirectoryFilters implements QueryCheck {

    /**
     * Users: the operators each property supports; a trailing ! marks an operator that needs an advanced query.
     * Properties not listed support no {@code $filter} at all.
     */
    public static final String USER = """
            accountEnabled: eq ne! ge! le! in
            ageGroup: eq ne! in
            assignedLicenses: eq
            assignedPlans: eq
            businessPhones: eq
            city: eq ne! ge in startsWith
            companyName: eq! ne! ge! le! in! startsWith!
            consentProvidedForMinor: eq ne! in
            country: eq ne! ge le in startsWith
            createdDateTime: eq ne! ge le in!
            creationType: eq ne! in
            deletedDateTime: eq ne! ge le in!
            department: eq ne! ge le in startsWith
            displayName: eq ne! in startsWith
            employeeHireDate: eq! ne! ge! le! in!
            employeeId: eq ne! le! startsWith
            employeeType: eq! ne! ge! le! in! startsWith!
            givenName: eq ne! ge le in startsWith
            id: eq ne!
            identities: eq
            imAddresses: eq ne! ge le startsWith
            isResourceAccount: eq ne!
            jobTitle: eq ne! ge le in
            mail: eq ne! ge le in startsWith endsWith!
            mailNickname: eq ne! ge le in startsWith
            mobilePhone: eq! ne! ge! le! in! startsWith!
            officeLocation: eq! ne! ge! le! in! startsWith!
            onPremisesExtensionAttributes: eq! ne! ge! le! in!
            onPremisesImmutableId: eq! ne! ge! le! in!
            onPremisesLastSyncDateTime: eq! ne! ge! le! in!
            onPremisesSamAccountName: eq! ne! ge! le! in! startsWith!
            onPremisesSecurityIdentifier: eq ne! in
            onPremisesSyncEnabled: eq ne! ge! le! in
            onPremisesUserPrincipalName: eq ne! ge le in startsWith
            otherMails: eq ne! ge le in startsWith endsWith!
            passwordPolicies: eq! ne!
            postalCode: eq! ne! ge! le! in! startsWith!
            preferredLanguage: eq! ne! ge! le! in! startsWith!
            proxyAddresses: eq ne! ge le startsWith endsWith!
            showInAddressList: eq! ne! ge! le! in!
            signInActivity: eq ne! ge le
            state: eq ne! ge le in startsWith
            streetAddress: eq! ne! ge! le! in! startsWith!
            surname: eq ne! ge le in startsWith
            usageLocation: eq ne! ge le in startsWith
            userPrincipalName: eq ne! le in startsWith endsWith!
            userType: eq ne! in
            """;

    /**
     * Groups. {@code createdDateTime} takes no range: Microsoft's own example refuses {@code createdDateTime ge ...}
     * on groups even as an advanced query. {@code resourceProvisioningOptions} is how Microsoft lists the groups that
     * are teams ({@code resourceProvisioningOptions/Any(x:x eq 'Team')}).
     */
    public static final String GROUP = """
            assignedLicenses: eq
            classification: eq ne! ge le startsWith
            createdDateTime: eq ne! in
            description: eq ne! ge le startsWith
            displayName: eq ne! ge le in startsWith
            expirationDateTime: eq ne! ge le in
            groupTypes: eq
            hasMembersWithLicenseErrors: eq
            id: eq ne! in
            isAssignableToRole: eq ne!
            mail: eq ne! ge le in startsWith endsWith!
            mailEnabled: eq ne!
            mailNickname: eq ne! ge le in startsWith
            membershipRule: eq ne! ge le startsWith
            membershipRuleProcessingState: eq ne! in
            onPremisesLastSyncDateTime: eq ne! ge le in
            onPremisesProvisioningErrors: eq
            onPremisesSamAccountName: eq ne! ge le in startsWith
            onPremisesSecurityIdentifier: eq
            onPremisesSyncEnabled: eq ne! in
            preferredLanguage: eq ne! ge le in startsWith
            proxyAddresses: eq ge le startsWith endsWith!
            renewedDateTime: eq ne! ge le in
            resourceProvisioningOptions: eq startsWith
            securityEnabled: eq ne! in
            """;

    private static final String ADVANCED = "Operator '%s' is not supported because the required parameters might be missing."
            + " Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to"
            + " https://aka.ms/graph-docs/advanced-queries for more information";

    private final String resource;
    private final Map<String, Map<String, Boolean>> operators;

    private DirectoryFilters(String resource, Map<String, Map<String, Boolean>> operators) {
        this.resource = resource;
        this.operators = operators;
    }

    /**
     * @param resource the resource's name as Entra writes it in refusals ("User", "Group")
     * @param table lines of "property: operator operator! ..."
     */
    public static DirectoryFilters of(String resource, String table) {
        Map<String, Map<String, Boolean>> operators = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line : table.strip().split("\n")) {
            int colon = line.indexOf(':');
            Map<String, Boolean> ops = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String op : line.substring(colon + 1).trim().split("\\s+")) {
                boolean advanced = op.endsWith("!");
                ops.put(advanced ? op.substring(0, op.length() - 1) : op, advanced);
            }
            operators.put(line.substring(0, colon).trim(), ops);
        }
        return new DirectoryFilters(resource, operators);
    }

    @Override
    public void check(GraphCall call) {
        ODataFilter filter = call.odata().filter();
        if (filter == null) {
            return;
        }
        boolean advanced = "eventual".equalsIgnoreCase(call.request().header("ConsistencyLevel"))
                && "true".equalsIgnoreCase(call.query("$count"));
        for (ODataFilter.Clause clause : filter.clauses()) {
            Map<String, Boolean> supported = operators.get(clause.property());
            Boolean needsAdvanced = supported == null ? null : supported.get(clause.operator());
            if (needsAdvanced == null) {
                throw unsupported(clause.property());
            }
            if (advanced) {
                continue;
            }
            String operator = clause.negated() ? "not" : clause.operator();
            if (clause.negated() || ADVANCED_OPERATORS.contains(operator.toLowerCase(Locale.ROOT))) {
                throw GraphException.unsupportedQuery(String.format(ADVANCED, operator));
            }
            if (needsAdvanced) {
                // A property indexed only for advanced queries reads as unsupported without them
                // (microsoftgraph/microsoft-graph-docs-contrib#9135: onPremisesSamAccountName works once $count and
                // ConsistencyLevel are added).
                throw unsupported(clause.property());
            }
        }
    }

    private GraphException unsupported(String property) {
        return GraphException.unsupportedQuery("Unsupported or invalid query filter clause specified for property '" + property
                + "' of resource '" + resource + "'.");
    }

    /** Operators that exist only in advanced queries, whatever the property. */
    private static final Set<String> ADVANCED_OPERATORS = Set.of("ne", "not", "endswith");
}
