package org.hyparsim.input.scenario;

import java.util.ArrayList;
import java.util.List;
import org.hyparsim.accel.AcceleratorProfile;
import org.hyparsim.core.step.EnergyParams;
import org.hyparsim.noc.LinkProfile;

/**
 * The hardware of a scenario: a bundled profile with the values a scenario overrode, resolved
 * into the accelerator (compute, memory and their energy) and the links (with their energy).
 *
 * @param overrides the values given in place of the profile's, in the order given
 */
public record Hardware(BuiltInProfile profile, List<Override> overrides, AcceleratorProfile accelerator,
        LinkProfile links) {

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
        return new Hardware(profile, all, accelerator, newLinks);
    }

    /** The energy per action of the accelerator and the links, as the replay takes it. */
    public EnergyParams energy() {
        return accelerator.energy().withLinks(links.linkPjPerBit());
    }
}
