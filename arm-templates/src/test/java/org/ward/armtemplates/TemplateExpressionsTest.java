package org.ward.armtemplates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

/** Every ARM expression in the templates parses, calls functions that exist, and names parameters and variables that do. */
class TemplateExpressionsTest {

    @Test
    void everyExpressionInEveryTemplateIsValid() {
        for (ArmTemplate template : ArmTemplate.all()) {
            assertThat(template.expressions()).as(template.name()).isNotEmpty();
            assertThat(TemplateExpressions.problems(template)).as(template.name()).isEmpty();
        }
    }

    @Test
    void parsesCallsPropertiesIndexesAndEscapedQuotes() {
        ArmExpression expression = ArmExpression.parse(
                "[concat(reference(variables('ids')[1], '2024-11-30').principalId, 'it''s', -1)]");

        assertThat(expression.calls()).extracting(ArmExpression.Call::name)
                .containsExactly("concat", "reference", "variables");
        ArmExpression.Call concat = (ArmExpression.Call) expression;
        assertThat(concat.arguments().get(1)).isEqualTo(new ArmExpression.Text("it's"));
        assertThat(concat.arguments().get(2)).isEqualTo(new ArmExpression.Number(-1));
        assertThat(concat.arguments().get(0)).isInstanceOf(ArmExpression.Member.class);
    }

    @Test
    void readsADoubledOpeningBracketAsALiteral() {
        assertThat(ArmExpression.isExpression("[[not an expression]")).isFalse();
        assertThat(ArmExpression.isExpression("[variables('x')]")).isTrue();
    }

    @Test
    void rejectsAnUnclosedCall() {
        assertThatThrownBy(() -> ArmExpression.parse("[concat('a', variables('b')]"))
                .hasMessageContaining("')' is missing");
    }

    @Test
    void rejectsAnUnclosedString() {
        assertThatThrownBy(() -> ArmExpression.parse("[concat('a, 'b')]")).hasMessageContaining("',' or ')' expected");
    }

    @Test
    void rejectsAnUnclosedIndex() {
        assertThatThrownBy(() -> ArmExpression.parse("[variables('zones')[0]"))
                .hasMessageContaining("']' is expected");
    }

    @Test
    void rejectsTextAfterTheExpression() {
        assertThatThrownBy(() -> ArmExpression.parse("[variables('a')) ]")).hasMessageContaining("the expression ends");
    }

    @Test
    void flagsAFunctionArmDoesNotHave() {
        assertThat(problemsWithVariable("[concatenate('a', 'b')]"))
                .containsExactly("/variables/probe: 'concatenate' is not an ARM template function");
    }

    @Test
    void flagsACallWithTheWrongNumberOfArguments() {
        assertThat(problemsWithVariable("[if(equals(parameters('graphCloud'), 'auto'), 'global')]"))
                .containsExactly("/variables/probe: if takes 3 argument(s), not 2");
    }

    @Test
    void flagsAParameterTheTemplateDoesNotDefine() {
        assertThat(problemsWithVariable("[parameters('graphTenant')]"))
                .containsExactly("/variables/probe: parameters('graphTenant') names no parameter of the template");
    }

    @Test
    void flagsAVariableTheTemplateDoesNotDefine() {
        assertThat(problemsWithVariable("[variables('keyVaultUrl')]"))
                .containsExactly("/variables/probe: variables('keyVaultUrl') names no variable of the template");
    }

    @Test
    void flagsABrokenExpressionWhereverItIs() {
        ArmTemplate broken = ArmTemplate.main().broken("broken expression in a resource",
                root -> TemplatesMatchMicrosoftSchemasTest.resource(root, "Microsoft.KeyVault/vaults")
                        .put("name", "[concat('kv-', parameters('namePrefix')]"));

        assertThat(TemplateExpressions.problems(broken)).singleElement().asString()
                .startsWith("/resources/").contains("/name: ')' is missing");
    }

    private static List<String> problemsWithVariable(String expression) {
        ArmTemplate broken = ArmTemplate.main().broken("probe",
                root -> ((ObjectNode) root.path("variables")).put("probe", expression));
        return TemplateExpressions.problems(broken);
    }
}
