package org.hyparsim.input.scenario;

import java.util.List;
import org.hyparsim.core.kind.LinkModel;
import org.hyparsim.core.kind.TopologyKind;
import org.hyparsim.core.kind.CollectiveAlgorithm;

/**
 * The array: how many accelerators, how they are joined, how links are modelled, the hardware,
 * and the algorithm collectives run with. The hardware is one kind for every accelerator, or
 * groups of kinds in accelerator order ({@link #groups}); the first group's hardware gives the
 * array's links and energy per action, which every group shares. {@code linkModelNamed}: whether
 * the scenario named its link model (else it is the default for the array's size, which the
 * assembly may replace by {@link LinkModel#CALENDAR_TURNS} where calendars cannot be replayed
 * exactly within the task limit, and says so).
 */
public record ArrayConfig(int accelerators, TopologyKind topology, LinkModel linkModel, Hardware hardware,
        CollectiveAlgorithm collective, List<HardwareGroup> groups, SymmetryMode symmetry, boolean linkModelNamed) {

    public ArrayConfig {
        groups = groups == null || groups.isEmpty() ? List.of(new HardwareGroup(hardware, accelerators))
                : List.copyOf(groups);
        symmetry = symmetry == null ? SymmetryMode.DEFAULT : symmetry;
    }

    /**
     * An array whose replays use symmetry where it is exact ({@link SymmetryMode#DEFAULT}), on the
     * link model named.
     */
    public ArrayConfig(int accelerators, TopologyKind topology, LinkModel linkModel, Hardware hardware,
            CollectiveAlgorithm collective, List<HardwareGroup> groups) {
        this(accelerators, topology, linkModel, hardware, collective, groups, SymmetryMode.DEFAULT, true);
    }

    /** This array with symmetry on ({@code auto}) or off. */
    public ArrayConfig withSymmetry(SymmetryMode mode) {
        return new ArrayConfig(accelerators, topology, linkModel, hardware, collective, groups, mode, linkModelNamed);
    }

    /** This array on the default link model for its size ({@link LinkModel#defaultFor}), as a scenario naming none. */
    public ArrayConfig onDefaultLinkModel() {
        return new ArrayConfig(accelerators, topology, LinkModel.defaultFor(accelerators), hardware, collective, groups,
                symmetry, false);
    }

    /** A uniform array. */
    public ArrayConfig(int accelerators, TopologyKind topology, LinkModel linkModel, Hardware hardware,
            CollectiveAlgorithm collective) {
        this(accelerators, topology, linkModel, hardware, collective, null);
    }

    /** True when the accelerators are not all of one kind. */
    public boolean heterogeneous() {
        return groups.size() > 1;
    }

    /** The group an accelerator belongs to (index into {@link #groups}). */
    public int groupOf(int accelerator) {
        int end = 0;
        for (int g = 0; g < groups.size(); g++) {
            end += groups.get(g).count();
            if (accelerator < end) {
                return g;
            }
        }
        throw new IllegalArgumentException("accelerator " + accelerator + " is outside the array");
    }

    /** True when each half of every group at level h (from 1) lies within one hardware group. */
    public boolean halvesUniform(int level) {
        int half = accelerators >> level;
        for (int start = 0; start < accelerators; start += half) {
            int g = groupOf(start);
            if (groupOf(start + half - 1) != g) {
                return false;
            }
        }
        return true;
    }

    /** The hardware label: the profile's, or each group's with its count. */
    public String hardwareLabel() {
        if (!heterogeneous()) {
            return hardware.label();
        }
        return String.join(" + ", groups.stream().map(g -> g.hardware().label() + " x" + g.count()).toList());
    }

    /** H, for 2^H accelerators. */
    public int levels() {
        return Integer.numberOfTrailingZeros(accelerators);
    }
}
