package org.ward.image.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The gate's decision, in the test's JVM; ImageEntrypointTests shows both outcomes from the image itself. */
class ApplicationInsightsGateTests {

    private final List<String> calls = new ArrayList<>();
    private final Instrumentation instrumentation = (Instrumentation) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {Instrumentation.class}, (proxy, method, args) -> {
                calls.add(method.getName());
                return null;
            });

    @Test
    void touchesNothingWithoutAConnectionString() throws Exception {
        assertThat(ApplicationInsightsGate.attach(null, "/opt/ward/applicationinsights/agent.jar", instrumentation))
                .isFalse();
        assertThat(ApplicationInsightsGate.attach("  ", "/opt/ward/applicationinsights/agent.jar", instrumentation))
                .isFalse();
        assertThat(calls).isEmpty();
    }

    @Test
    void namesTheMissingAgentWhenAConnectionStringIsSet() {
        assertThatThrownBy(() -> ApplicationInsightsGate.attach("InstrumentationKey=x", "/nowhere/agent.jar",
                instrumentation)).hasMessage("APPLICATIONINSIGHTS_CONNECTION_STRING is set but the Application"
                        + " Insights agent /nowhere/agent.jar is not in the image");
        assertThat(calls).isEmpty();
    }
}
