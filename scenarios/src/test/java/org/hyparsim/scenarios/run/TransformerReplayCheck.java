package org.hyparsim.scenarios.run;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On request (too long for CI: 2 to 5 minutes on 2 cores), the transformer replays that
 * {@link TransformerReplayTest} leaves out, with its checks: BERT-large and GPT-2 at 64
 * accelerators, GPT-3-175B at 16 and 64 (one sequence per accelerator). Run it with
 * {@code mvn -B -o -pl scenarios -am test -Dtest=TransformerReplayCheck -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class TransformerReplayCheck {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(Arguments.of("BERT-large", 64), Arguments.of("GPT-2", 64), Arguments.of("GPT-3-175B", 16),
                Arguments.of("GPT-3-175B", 64));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void accountedBytesEqualTheReplaysAndEnergyAddsUp(String network, int accelerators) throws Exception {
        TransformerReplayTest.check(dir, network, accelerators);
    }
}
