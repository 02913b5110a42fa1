package org.hyparsim.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hyparsim.core.step.StepResult;
import org.hyparsim.input.scenario.ChakraScenario;
import org.hyparsim.results.RowCodec;
import org.hyparsim.scenarios.array.SimulatedArray;
import org.hyparsim.scenarios.chakra.ChakraImport;

/** {@code run} of a scenario whose workload is a Chakra trace: the trace replayed on the scenario's array. */
final class ChakraRun {
    private ChakraRun() {
    }

    static int run(ChakraScenario s, PrintWriter out, boolean json) throws JsonProcessingException {
        ChakraImport.Trace trace = ChakraImport.read(s.prefix(), s.groups(), s.array().accelerators());
        StepResult r = ChakraImport.replay(trace, SimulatedArray.of(s.array(), s.schedule()),
                new ChakraImport.Options(s.oneCommunicationAtATime()));
        long nodes = trace.ranks().stream().mapToLong(List::size).sum();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trace", s.prefix().toString());
            m.put("ranks", trace.ranks().size());
            m.put("nodes", nodes);
            m.put("stepTimeSeconds", r.stepTimeSeconds());
            m.put("computeSeconds", r.computeSeconds());
            m.put("exposedCommunicationSeconds", r.exposedCommunicationSeconds());
            m.put("communicationBytes", r.communicationBytes());
            out.println(RowCodec.json().writeValueAsString(m));
        } else {
            out.printf(Locale.ROOT, "Chakra trace %s: %d ranks, %d nodes, on %d accelerators (%s, %s collective, %s)%n",
                    s.prefix(), trace.ranks().size(), nodes, s.array().accelerators(), s.array().topology().label(),
                    s.array().collective().label(), s.schedule().label());
            out.printf(Locale.ROOT, "step time %.6f ms, compute %.6f ms, exposed communication %.6f ms, %.0f bytes moved%n",
                    r.stepTimeSeconds() * 1e3, r.computeSeconds() * 1e3, r.exposedCommunicationSeconds() * 1e3,
                    r.communicationBytes());
        }
        out.flush();
        return 0;
    }
}
