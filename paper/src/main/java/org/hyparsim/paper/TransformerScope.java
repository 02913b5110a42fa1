package org.hyparsim.paper;

import java.util.List;
import org.hyparsim.core.kind.CollectiveAlgorithm;
import org.hyparsim.core.kind.StrategyKind;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.partition.memory.FitPolicy;
import org.hyparsim.partition.memory.MemorySettings;
import org.hyparsim.partition.memory.Optimizer;
import org.hyparsim.partition.memory.Precision;
import org.hyparsim.partition.memory.Recompute;

/**
 * What the transformer section runs, as data: its networks, each at a global batch (sequences per
 * step) with its source, the array sizes, the topologies, the strategies and the memory settings
 * of every footprint; the whole section ({@link #FULL}) or a quick subset ({@link #QUICK}).
 *
 * @param collective the collective algorithm of every run ({@link #COLLECTIVE})
 * @param skipped cases left out of the scope, each with the reason the output states
 */
public record TransformerScope(boolean quick, List<Net> networks, List<Integer> sizes, List<TopologyKind> topologies,
        List<StrategyKind> strategies, MemorySettings memory, CollectiveAlgorithm collective, List<Skip> skipped) {

    /** A network at its global batch, and where that batch comes from. */
    public record Net(String name, int batch, String batchSource) {
    }

    /** A strategy not run for a network at an array size (any topology), and why. */
    public record Skip(String network, int accelerators, StrategyKind strategy, String reason) {
    }

    /**
     * Today's training of these models: Adam in mixed precision (16 bytes per parameter, as ZeRO,
     * Rajbhandari et al., SC 2020, counts them), activations recomputed block by block (as
     * Megatron-LM trains GPT-3, Narayanan et al., SC 2021), and timed plans that must fit.
     */
    public static final MemorySettings MEMORY = new MemorySettings(Optimizer.ADAM, Precision.MIXED, Recompute.FULL,
            FitPolicy.REQUIRED);

    /** Why the section's collectives are not the profile's, as the output says it. */
    public static final String COLLECTIVE_REASON = "hmc-rs's own choice, auto, picks rings of up to 256 members, "
            + "with which GPT-3-175B's step on 256 accelerators passes the simulator's bound on tasks and on 1024 "
            + "keeps a symmetry of order 2 only (its hypar, accpar and timed replays pass the tasks held in memory); "
            + "the hierarchical exchange keeps the array's symmetry";

    /** The paper's hierarchical pairing rather than hmc-rs's auto ({@link #COLLECTIVE_REASON}). */
    public static final CollectiveAlgorithm COLLECTIVE = CollectiveAlgorithm.HIERARCHICAL;

    /** dp, mp, trick, hypar, accpar and timed. */
    public static final List<StrategyKind> STRATEGIES = List.of(StrategyKind.DP, StrategyKind.MP, StrategyKind.TRICK,
            StrategyKind.HYPAR, StrategyKind.ACCPAR, StrategyKind.TIMED);

    private static final List<Net> NETWORKS = List.of(
            new Net("BERT-large", 256, "Devlin et al., NAACL 2019: 256 sequences a step"),
            new Net("GPT-2", 512, "Radford et al., 2019: a batch of 512"),
            new Net("GPT-3-175B", 1536, "Brown et al., 2020: 3.2 M tokens a step, 1536 sequences of 2048 as in "
                    + "Narayanan et al., SC 2021"));

    public static final TransformerScope FULL = new TransformerScope(false, NETWORKS, List.of(16, 64, 256, 1024),
            List.of(TopologyKind.HTREE, TopologyKind.TORUS), STRATEGIES, MEMORY, COLLECTIVE, List.of());

    public static final TransformerScope QUICK = new TransformerScope(true, NETWORKS.subList(0, 2), List.of(16, 64),
            List.of(TopologyKind.HTREE), STRATEGIES, MEMORY, COLLECTIVE, List.of());

    public static TransformerScope of(boolean quick) {
        return quick ? QUICK : FULL;
    }

    /** The reason a strategy is not run for a network at a size, or null when it is run. */
    public String skipReason(String network, int accelerators, StrategyKind strategy) {
        return skipped.stream().filter(s -> s.network().equals(network) && s.accelerators() == accelerators
                && s.strategy() == strategy).map(Skip::reason).findFirst().orElse(null);
    }
}
