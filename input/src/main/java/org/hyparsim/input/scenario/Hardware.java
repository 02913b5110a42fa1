package org.hyparsim.input.scenario;

import java.util.ArrayList;
import java.util.List;
import org.hyparsim.accel.AcceleratorProfile;
import org.hyparsim.core.Checks;
import org.hyparsim.core.Ranges;
import org.hyparsim.core.step.EnergyParams;
import org.hyparsim.noc.LinkProfile;

/**
 * The hardware of a scenario: a bundled profile with the values a scenario overrode, resolved
 * into the accelerator (compute, memory and their energy) and the links (with their energy).
 *
 * @param overrides the values given in place of the profile's, in the order given
 */
public record Hardware(BuiltInProfile profile, List<Override> overrides, AcceleratorProfile accelerator,
        LinkProfile links, MemoryCapacity capacity) {

    /**
     * Each accelerator's memory for training's weights, gradients, optimizer state and
     * activations ({@code memoryCapacityGiB}, 2^30 bytes).
     */
    public record MemoryCapacity(double memoryCapacityGiB) {
        /** The capacity in bytes. */
        public long bytes() {
            return Math.round(memoryCapacityGiB * (1L << 30));
        }

        /** Values outside their range ({@link Ranges}). */
        public List<Checks.Problem> problems() {
            List<Checks.Problem> out = new ArrayList<>();
            Checks.inRange(out, "memoryCapacityGiB", memoryCapacityGiB);
            return out;
        }
    }

    /** One overridden value, as written (for the label). */
    public record Override(String field, String value) {
    }

    public Hardware {
        overrides = List.copyOf(overrides);
    }

    /** The display label of results: the profile's name and each override, "hmc-rs+linkBandwidthGBps=60". */
    public String label() {
        StringBuilder sb = new StringBuilder(profile.label());
        for (Override o : overrides) {
            sb.append('+').append(o.field()).append('=').append(o.value());
        }
        return sb.toString();
    }

    /** This hardware with other links (a topology's values), the overrides that made them added. */
    public Hardware withLinks(LinkProfile newLinks, List<Override> more) {
        List<Override> all = new ArrayList<>(overrides);
        all.addAll(more);
        return new Hardware(profile, all, accelerator, newLinks, capacity);
    }

    /** The energy per action of the accelerator and the links, as the replay takes it. */
    public EnergyParams energy() {
        return accelerator.energy().withLinks(links.linkPjPerBit());
    }
}
