package org.hyparsim.cli;

import org.hyparsim.core.Named;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hyparsim.core.InputException;
import org.hyparsim.core.Limits;
import org.hyparsim.core.Ranges;
import org.hyparsim.core.Units;
import org.hyparsim.core.kind.LinkModel;
import org.hyparsim.noc.LinkProfile;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.partition.ArrayHierarchy;
import org.hyparsim.core.kind.CollectiveAlgorithm;
import org.hyparsim.partition.collective.CollectiveOp;
import org.hyparsim.results.RowCodec;
import org.hyparsim.scenarios.collective.CollectiveBenchmark;
import org.hyparsim.input.scenario.BuiltInProfile;
import org.hyparsim.input.scenario.HardwareReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hypar-sim collective}: one collective over the whole array, replayed on its own. */
@Command(name = "collective", mixinStandardHelpOptions = true,
        description = "Replay one collective (all-reduce, reduce-scatter, all-gather, all-to-all) over the array and "
                + "compare it with the algorithm's ideal time and with a lower bound no algorithm beats on the topology.")
public final class CollectiveCommand implements Callable<Integer> {
    private static final String CLI = "command line";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    DebugOption debug;

    @Option(names = "--op", required = true, paramLabel = "OP", description = "all-reduce, reduce-scatter, all-gather or all-to-all.")
    String op;

    @Option(names = "--bytes", required = true, paramLabel = "S",
            description = "The whole buffer per accelerator: what each holds at the start (at the end for all-gather).")
    String bytes;

    @Option(names = "--accelerators", required = true, paramLabel = "N", description = "A power of two.")
    long accelerators;

    @Option(names = "--topology", required = true, paramLabel = "T", description = "htree, torus, mesh, ring, switch or bus.")
    String topology;

    @Option(names = "--algorithm", required = true, paramLabel = "A",
            description = "hierarchical, ring, ring-bidir, halving-doubling, direct or auto.")
    String algorithm;

    @Option(names = "--link-bandwidth", paramLabel = "GBPS",
            description = "Per link and direction, in 1e9 bytes/s (default: hmc-rs's). ASTRA-sim's GB/s is 2^30 bytes/s.")
    Double linkBandwidth;

    @Option(names = "--link-latency", paramLabel = "NS", description = "Per link hop (default: hmc-rs's).")
    Double linkLatency;

    @Option(names = "--link-model", paramLabel = "M", description = "packet, packet-chunks, flow, calendar or calendar-turns (default: "
            + LinkModel.DEFAULT_RULE + ").")
    String linkModel;

    @Mixin
    FormatOption output;

    @Override
    public Integer call() throws Exception {
        boolean json = output.json();
        CollectiveOp o = named(CollectiveOp.class, op, "--op");
        CollectiveAlgorithm a = named(CollectiveAlgorithm.class, algorithm, "--algorithm");
        TopologyKind t = named(TopologyKind.class, topology, "--topology");
        LinkModel m = linkModel == null ? LinkModel.defaultFor(accelerators)
                : named(LinkModel.class, linkModel, "--link-model");
        double s = bytes(bytes);
        if (ArrayHierarchy.problem(accelerators) != null) {
            throw new InputException(CLI, "--accelerators", ArrayHierarchy.problem(accelerators));
        }
        if (accelerators < 2) {
            throw new InputException(CLI, "--accelerators", "a collective needs at least 2 accelerators, got " + accelerators);
        }
        inRange("--link-bandwidth", "linkBandwidthGBps", linkBandwidth);
        inRange("--link-latency", "linkLatencyNs", linkLatency);
        LinkProfile links = HardwareReader.builtIn(BuiltInProfile.HMC_RS).links()
                .with(linkBandwidth, linkLatency, null, linkBandwidth);
        checkSize(s, accelerators, links, o, a);
        CollectiveBenchmark.Result r = CollectiveBenchmark.run(new CollectiveBenchmark.Case(o, s, (int) accelerators, t,
                a, links, m, linkModel != null));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(RowCodec.json().writeValueAsString(json(r)));
        } else {
            out.printf(Locale.ROOT, "%s of %s per accelerator over %d accelerators, %s, %s (%s links, %s GB/s, %s ns)%n",
                    o.label(), Units.bytes(s), accelerators, t.label(), a == r.algorithm() ? a.label()
                            : a.label() + ": " + r.algorithm().label(), m.label(),
                    Units.significant(links.linkBandwidthGBps(), 4), Units.significant(links.linkLatencyNs(), 4));
            out.printf(Locale.ROOT, "simulated %s s; the algorithm's ideal %s s (%+.2f%%); lower bound %s s (%+.2f%%, %s)%n",
                    Units.significant(r.simulatedSeconds(), 5), Units.significant(r.idealSeconds(), 5),
                    100 * (r.simulatedSeconds() / r.idealSeconds() - 1), Units.significant(r.lowerBound().seconds(), 5),
                    100 * (r.simulatedSeconds() / r.lowerBound().seconds() - 1), r.lowerBound().limit());
            out.printf(Locale.ROOT, "injected %s, on links %s; %d events in %.2f s%n", Units.bytes(r.injectedBytes()),
                    Units.bytes(r.linkBytes()), r.events(), r.wallSeconds());
            for (String note : r.notes()) {
                out.println("note: " + note);
            }
        }
        out.flush();
        return 0;
    }

    /** The member of a closed set an option names, or one message listing the names. */
    static <E extends Enum<E> & Named> E named(Class<E> type, String value, String option) {
        return Named.require(type, value, CLI, option);
    }

    /** A whole number of bytes from 1 to {@link #MAX_BYTES}. */
    static double bytes(String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new InputException(CLI, "--bytes", "'" + text + "' is not a number");
        }
        if (!BYTES.contains(v)) {
            throw new InputException(CLI, "--bytes", "must be a positive number of bytes: " + BYTES.describe()
                    + ", got " + text);
        }
        return v;
    }

    /**
     * The largest buffer: 1 TiB per accelerator (a collective's time in integer picoseconds
     * stays far from overflow at the slowest link the range table allows, see {@link #checkSize}).
     */
    static final double MAX_BYTES = 0x1p40;
    private static final Ranges.Range BYTES = new Ranges.Range(1, MAX_BYTES, true, "bytes");

    /** The option's value checked against the scenario key's range (one table for both). */
    static void inRange(String option, String key, Double value) {
        Ranges.Range r = Ranges.of(key);
        if (value != null && !r.contains(value)) {
            throw new InputException(CLI, option, "must be " + r.describe() + ", got " + value);
        }
    }

    /**
     * Refuses a collective whose simulated time could pass what the engine counts (every byte of
     * every accelerator over the slowest link, twice, bounds any algorithm's time on any topology),
     * or whose transfers (N x (N - 1) for all-to-all or the direct algorithm) pass the task limit.
     */
    static void checkSize(double bytes, long n, LinkProfile links, CollectiveOp o, CollectiveAlgorithm a) {
        double bound = 2.0 * bytes * n / (links.linkBandwidthGBps() * 1e9);
        if (bound > Limits.maxSimulatedSeconds()) {
            throw new InputException(CLI, "--bytes", "the collective could take up to " + Units.significant(bound, 3)
                    + " simulated seconds, more than the " + (long) Limits.maxSimulatedSeconds() + " s the engine "
                    + "counts " + Limits.note(Limits.Limit.MAX_SIMULATED_SECONDS) + ": fewer bytes or faster links");
        }
        double transfers = (double) n * (n - 1);
        if ((o == CollectiveOp.ALL_TO_ALL || a == CollectiveAlgorithm.DIRECT)
                && transfers > Limits.maxTasks()) {
            throw new InputException(CLI, "--accelerators", n + " accelerators exchanging directly make " + (long) transfers
                    + " transfers, more than the limit of " + Limits.maxTasks() + " " + Limits.note(Limits.Limit.MAX_TASKS)
                    + ": fewer accelerators or another algorithm");
        }
    }

    static Map<String, Object> json(CollectiveBenchmark.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("op", r.asked().op().label());
        m.put("algorithm", r.algorithm().label());
        m.put("accelerators", r.asked().accelerators());
        m.put("topology", r.asked().topology().label());
        m.put("bytes", r.asked().bytes());
        m.put("linkModel", r.asked().linkModel().label());
        m.put("linkBandwidthGBps", r.asked().links().linkBandwidthGBps());
        m.put("linkLatencyNs", r.asked().links().linkLatencyNs());
        m.put("simulatedSeconds", r.simulatedSeconds());
        m.put("idealSeconds", r.idealSeconds());
        m.put("lowerBoundSeconds", r.lowerBound().seconds());
        m.put("lowerBoundLimit", r.lowerBound().limit());
        m.put("injectedBytes", r.injectedBytes());
        m.put("linkBytes", r.linkBytes());
        m.put("events", r.events());
        m.put("wallSeconds", r.wallSeconds());
        if (!r.notes().isEmpty()) {
            m.put("notes", r.notes());
        }
        return m;
    }
}
