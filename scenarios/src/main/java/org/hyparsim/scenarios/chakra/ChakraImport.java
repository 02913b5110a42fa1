package org.hyparsim.scenarios.chakra;

import java.util.Arrays;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.hyparsim.core.InputException;
import org.hyparsim.core.step.ComputeCost;
import org.hyparsim.core.step.ComputeModel;
import org.hyparsim.core.step.StepResult;
import org.hyparsim.core.step.TrainingStep;
import org.hyparsim.input.io.Json;
import org.hyparsim.results.chakra.EtCodec;
import org.hyparsim.results.chakra.EtNode;
import org.hyparsim.results.chakra.EtValidation;
import org.hyparsim.results.chakra.EtSchema.Names;
import org.hyparsim.scenarios.array.SimulatedArray;

/**
 * A Chakra execution trace replayed on our array: read (plain or gzip), checked
 * ({@link EtValidation}), turned into a task graph ({@link ChakraStepBuilder}) and replayed with
 * the array's links and collective algorithm; compute nodes take the trace's durations, or, with
 * num_ops and no duration, the array's compute model.
 */
public final class ChakraImport {
    private ChakraImport() {
    }

    /**
     * How a trace is replayed.
     *
     * @param oneCommunicationAtATime ASTRA-sim's rule: each rank runs one communication node
     *        (collective or send) at a time, in node order, whatever the dependencies say
     */
    public record Options(boolean oneCommunicationAtATime) {
        /** The default: only the trace's dependencies order its nodes. */
        public static final Options DEFAULT = new Options(false);
    }

    /** A trace's nodes per rank and its communicator groups (by pg_name). */
    public record Trace(List<List<EtNode>> ranks, Map<String, int[]> groups, String source) {
    }

    /** Reads {@code prefix.<rank>.et} for every rank (or {@code .et.gz}) and the groups file, if any, and checks them. */
    public static Trace read(Path prefix, Path groupsFile, int ranks) {
        List<List<EtNode>> nodes = new ArrayList<>();
        String source = prefix + ".<rank>.et";
        for (int r = 0; r < ranks; r++) {
            Path file = Path.of(prefix + "." + r + ".et");
            if (!Files.exists(file) && Files.exists(Path.of(file + ".gz"))) {
                file = Path.of(file + ".gz");
            }
            if (!Files.exists(file)) {
                throw new InputException(source, "rank " + r, "missing: " + file + " (the trace must have one file per "
                        + "accelerator, " + ranks + " in all)");
            }
            nodes.add(EtCodec.read(file).nodes());
        }
        Path extra = Path.of(prefix + "." + ranks + ".et");
        if (Files.exists(extra) || Files.exists(Path.of(extra + ".gz"))) {
            throw new InputException(source, "rank " + ranks, "the trace has more rank files than the " + ranks
                    + " accelerators of the array (" + extra + " exists): give accelerators as many as its ranks");
        }
        Map<String, int[]> groups = groupsFile == null ? everyRank(nodes) : groups(groupsFile, ranks);
        EtValidation.check(nodes, groups, source);
        return new Trace(nodes, groups, source);
    }

    /** Without a groups file every communicator group a trace names spans all its ranks. */
    private static Map<String, int[]> everyRank(List<List<EtNode>> nodes) {
        int[] all = IntStream.range(0, nodes.size()).toArray();
        Map<String, int[]> groups = new LinkedHashMap<>();
        for (List<EtNode> rank : nodes) {
            for (EtNode n : rank) {
                n.text(Names.PG_NAME).filter(g -> !g.isEmpty()).ifPresent(g -> groups.putIfAbsent(g, all));
            }
        }
        return groups;
    }

    /** {"1": [0, 1], ...}. */
    static Map<String, int[]> groups(Path file, int ranks) {
        JsonNode root = Json.readTree(file);
        if (root == null || !root.isObject()) {
            throw new InputException(file.toString(), "", "expected an object of group name -> list of ranks");
        }
        Map<String, int[]> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            int[] members = new int[e.getValue().size()];
            for (int i = 0; i < members.length; i++) {
                JsonNode m = e.getValue().get(i);
                if (!m.canConvertToInt() || m.asInt() < 0 || m.asInt() >= ranks) {
                    throw new InputException(file.toString(), e.getKey() + "[" + i + "]", "not a rank in 0.." + (ranks - 1));
                }
                members[i] = m.asInt();
            }
            Arrays.sort(members);
            out.put(e.getKey(), members);
        }
        return out;
    }

    /** Replays the trace on the array (the whole graph; no symmetry). */
    public static StepResult replay(Trace trace, SimulatedArray array, Options options) {
        if (trace.ranks().size() != array.accelerators()) {
            throw new InputException(trace.source(), "", trace.ranks().size() + " ranks, but the array has "
                    + array.accelerators() + " accelerators");
        }
        SimulatedArray.Wiring w = array.wire();
        TrainingStep step = new ChakraStepBuilder(trace, w.collectives(), options).build();
        IntFunction<ComputeModel> ours = array.computeModels();
        Map<ComputeModel, ComputeModel> wrapped = new IdentityHashMap<>(); // one per model: the replay caches by model
        IntFunction<ComputeModel> models = a -> wrapped.computeIfAbsent(ours.apply(a),
                model -> work -> ChakraStepBuilder.timed(work) ? ChakraStepBuilder.cost(work) : model.cost(work));
        return array.whole(w, step, models, false).run();
    }

    /** The cost of an imported compute node: its duration, carried in the work. */
    static ComputeCost costOf(long picoseconds) {
        return ComputeCost.timeOnly(picoseconds, 0);
    }
}
