package org.ward.armtemplates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks every expression of a template the way Azure Resource Manager would before deploying: it parses, every
 * function exists (Microsoft's template function reference, learn.microsoft.com/azure/azure-resource-manager/templates/
 * template-functions), calls have a number of arguments the function accepts, and {@code parameters('x')} and
 * {@code variables('x')} name a parameter or variable the template defines.
 */
final class TemplateExpressions {

    /** Minimum and maximum argument counts; -1 is "any number". */
    private record Arity(int min, int max) {
        boolean accepts(int count) {
            return count >= min && (max < 0 || count <= max);
        }

        @Override
        public String toString() {
            return max < 0 ? "at least " + min : min == max ? String.valueOf(min) : min + " to " + max;
        }
    }

    private static final Arity ANY = new Arity(0, -1);

    /** Every function of ARM JSON templates, lower case, with the argument counts the reference documents. */
    private static final Map<String, Arity> FUNCTIONS = Stream.of(new Object[][] {
            // any, array and object
            {"array", 1, 1}, {"concat", 1, -1}, {"contains", 2, 2}, {"createarray", 0, -1}, {"createobject", 0, -1},
            {"empty", 1, 1}, {"first", 1, 1}, {"flatten", 1, 1}, {"indexof", 2, 2}, {"indexfromend", 2, 2},
            {"intersection", 2, -1}, {"items", 1, 1}, {"json", 1, 1}, {"last", 1, 1}, {"lastindexof", 2, 2},
            {"length", 1, 1}, {"max", 1, -1}, {"min", 1, -1}, {"null", 0, 0}, {"objectkeys", 1, 1}, {"range", 2, 2},
            {"shallowmerge", 1, 1}, {"skip", 2, 2}, {"take", 2, 2}, {"tryget", 2, -1}, {"tryindexfromend", 2, 2},
            {"union", 1, -1},
            // CIDR
            {"parsecidr", 1, 1}, {"cidrsubnet", 3, 3}, {"cidrhost", 2, 2},
            // comparison and logic
            {"coalesce", 1, -1}, {"equals", 2, 2}, {"greater", 2, 2}, {"greaterorequals", 2, 2}, {"less", 2, 2},
            {"lessorequals", 2, 2}, {"and", 2, -1}, {"bool", 1, 1}, {"false", 0, 0}, {"if", 3, 3}, {"not", 1, 1},
            {"or", 2, -1}, {"true", 0, 0},
            // dates
            {"datetimeadd", 2, 3}, {"datetimefromepoch", 1, 1}, {"datetimetoepoch", 1, 1}, {"utcnow", 0, 1},
            // deployment
            {"deployer", 0, 0}, {"deployment", 0, 0}, {"environment", 0, 0}, {"parameters", 1, 1}, {"variables", 1, 1},
            // lambdas
            {"filter", 2, 2}, {"groupby", 2, 2}, {"lambda", 1, -1}, {"lambdavariables", 1, 1}, {"map", 2, 2},
            {"mapvalues", 2, 2}, {"reduce", 3, 3}, {"sort", 2, 2}, {"toobject", 2, 3},
            // numbers
            {"add", 2, 2}, {"copyindex", 0, 2}, {"div", 2, 2}, {"float", 1, 1}, {"int", 1, 1}, {"mod", 2, 2},
            {"mul", 2, 2}, {"sub", 2, 2},
            // resources and scopes
            {"extensionresourceid", 3, -1}, {"listaccountsas", 3, 3}, {"listkeys", 2, 3}, {"listsecrets", 2, 2},
            {"managementgroup", 0, 1}, {"managementgroupresourceid", 2, -1}, {"pickzones", 3, 5}, {"providers", 1, 2},
            {"reference", 1, 3}, {"references", 0, 2}, {"resourcegroup", 0, 0}, {"resourceid", 2, -1},
            {"subscription", 0, 0}, {"subscriptionresourceid", 2, -1}, {"tenant", 0, 0}, {"tenantresourceid", 2, -1},
            // strings
            {"base64", 1, 1}, {"base64tojson", 1, 1}, {"base64tostring", 1, 1}, {"datauri", 1, 1},
            {"datauritostring", 1, 1}, {"endswith", 2, 2}, {"format", 1, -1}, {"guid", 1, -1}, {"join", 2, 2},
            {"newguid", 0, 0}, {"padleft", 2, 3}, {"replace", 3, 3}, {"split", 2, 2}, {"startswith", 2, 2},
            {"string", 1, 1}, {"substring", 1, 3}, {"tolower", 1, 1}, {"toupper", 1, 1}, {"trim", 1, 1},
            {"uniquestring", 1, -1}, {"uri", 2, 2}, {"uricomponent", 1, 1}, {"uricomponenttostring", 1, 1}})
            .collect(Collectors.toUnmodifiableMap(row -> (String) row[0],
                    row -> new Arity((Integer) row[1], (Integer) row[2])));

    private TemplateExpressions() {
    }

    /** Every problem with the template's expressions, one sentence each naming where it is. */
    static List<String> problems(ArmTemplate template) {
        Set<String> parameters = template.parameters().keySet();
        Set<String> variables = variables(template);
        Set<String> userFunctions = userFunctions(template);
        List<String> problems = new ArrayList<>();
        for (ArmTemplate.Located located : template.expressions()) {
            ArmExpression expression;
            try {
                expression = ArmExpression.parse(located.value());
            } catch (IllegalArgumentException e) {
                problems.add(located.pointer() + ": " + e.getMessage());
                continue;
            }
            for (ArmExpression.Call call : expression.calls()) {
                String name = call.key();
                Arity arity = call.namespace() != null ? (userFunctions.contains(name) ? ANY : null)
                        : name.startsWith("list") && !FUNCTIONS.containsKey(name) ? new Arity(2, 3)
                        : FUNCTIONS.get(name);
                if (arity == null) {
                    problems.add(located.pointer() + ": '" + call.name() + "' is not an ARM template function");
                    continue;
                }
                if (!arity.accepts(call.arguments().size())) {
                    problems.add(located.pointer() + ": " + call.name() + " takes " + arity + " argument(s), not "
                            + call.arguments().size());
                }
                if (name.equals("createobject") && call.arguments().size() % 2 != 0) {
                    problems.add(located.pointer() + ": createObject takes pairs of key and value");
                }
                if ((name.equals("parameters") || name.equals("variables")) && call.arguments().size() == 1
                        && call.arguments().get(0) instanceof ArmExpression.Text text) {
                    Set<String> defined = name.equals("parameters") ? parameters : variables;
                    if (!defined.contains(text.value())) {
                        problems.add(located.pointer() + ": " + name + "('" + text.value() + "') names no "
                                + (name.equals("parameters") ? "parameter" : "variable") + " of the template");
                    }
                }
            }
        }
        return problems;
    }

    /** Variables, including those a variable copy loop defines ({@code "copy": [{"name": ...}]}). */
    private static Set<String> variables(ArmTemplate template) {
        Set<String> names = new java.util.TreeSet<>(template.variables().keySet());
        template.root().path("variables").path("copy").forEach(loop -> names.add(loop.path("name").asString("")));
        return names;
    }

    private static Set<String> userFunctions(ArmTemplate template) {
        Set<String> names = new java.util.TreeSet<>();
        template.root().path("functions").forEach(namespace -> namespace.path("members").propertyNames()
                .forEach(member -> names.add((namespace.path("namespace").asString("") + "." + member)
                        .toLowerCase(Locale.ROOT))));
        return names;
    }
}
