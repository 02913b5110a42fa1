package org.hyparsim.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hyparsim.accel.RowStationaryComputeModel;
import org.hyparsim.core.engine.SimEngine;
import org.hyparsim.core.step.ComputeWork;
import org.hyparsim.core.step.TaskKind;
import org.hyparsim.core.workload.Network;
import org.hyparsim.noc.GridTopology;
import org.hyparsim.noc.LinkParams;
import org.hyparsim.noc.PacketInterconnect;
import org.hyparsim.partition.Accounting;
import org.hyparsim.partition.CommunicationModel;
import org.hyparsim.partition.Plan;
import org.hyparsim.partition.planner.LayerwisePlanner;
import org.hyparsim.input.networks.NetworkCatalog;
import org.hyparsim.input.scenario.BuiltInProfile;
import org.hyparsim.input.scenario.HardwareReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** The simulator's hot paths: scheduling through the engine wrapper, a link serving packets, the compute model, the planner. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class HotPathBenchmarks {
    private RowStationaryComputeModel compute;
    private List<ComputeWork> works;
    private CommunicationModel vggE;

    @Setup
    public void setUp() {
        compute = new RowStationaryComputeModel(HardwareReader.builtIn(BuiltInProfile.HMC_RS).accelerator());
        Network net = NetworkCatalog.builtIn().get("VGG-E");
        works = net.layers().stream().map(l -> new ComputeWork(l, TaskKind.FORWARD, 16, l.inChannels())).toList();
        vggE = new CommunicationModel(net, Accounting.hypar(Accounting.DEFAULT_BATCH));
    }

    /** 10,000 events through the engine wrapper, about 100 pending. */
    @Benchmark
    public long scheduling() {
        SimEngine[] e = new SimEngine[1];
        int[] left = {10_000};
        Runnable[] step = new Runnable[1];
        step[0] = () -> {
            if (--left[0] >= 100) {
                e[0].scheduleIn(1 + (left[0] & 63), step[0]);
            }
        };
        e[0] = new SimEngine("jmh", () -> {
            for (int i = 0; i < 100; i++) {
                e[0].scheduleIn(i, step[0]);
            }
        });
        e[0].run();
        return e[0].events();
    }

    /** Eight 1 MB messages around a ring of 8 in 64 KiB packets: links serving contending packets. */
    @Benchmark
    public long linkServingPackets() {
        PacketInterconnect net = new PacketInterconnect(GridTopology.ring(8, LinkParams.of(30, 4.6)), 65536);
        SimEngine[] e = new SimEngine[1];
        e[0] = new SimEngine("jmh-link", () -> {
            for (int a = 0; a < 8; a++) {
                net.send(a, (a + 3) % 8, 1e6, () -> { });
            }
        });
        net.attach(e[0]);
        return e[0].run();
    }

    /** The row-stationary cost of every VGG-E layer's forward shard. */
    @Benchmark
    public void computeCycles(Blackhole bh) {
        for (ComputeWork w : works) {
            bh.consume(compute.cost(w));
        }
    }

    /** HyPar's plan for VGG-E on 1024 accelerators. */
    @Benchmark
    public Plan planner() {
        return LayerwisePlanner.hypar().plan(vggE, 10);
    }
}
