package org.hyparsim.noc;

import org.hyparsim.core.kind.TopologyKind;
/** A crossbar switch: each accelerator has a link into the switch and one out of it; the switch itself does not block. */
public final class SwitchTopology extends TableTopology {

    public SwitchTopology(int accelerators, LinkParams params) {
        super(TopologyKind.SWITCH, accelerators);
        for (int a = 0; a < accelerators; a++) {
            table.add(a, -1, "A" + a + "->switch", params);
            table.add(-1, a, "switch->A" + a, params);
        }
    }




    /** Generator k: accelerator index XOR 2^k, the switch fixed (a power-of-two count). */
    @Override
    protected int symmetryGenerators() {
        return Integer.bitCount(accelerators()) == 1 ? Integer.numberOfTrailingZeros(accelerators()) : 0;
    }

    @Override
    protected int nodeImage(int g, int node) {
        return node < 0 ? node : node ^ (1 << g);
    }

    /** Every XOR of accelerator indices: the generators' span. */
    @Override
    public int[] xorAutomorphisms() {
        return generatorBits();
    }

    /** The group's elements are the XORs of accelerator indices: a ^ a takes a to 0. */
    @Override
    protected int toOrigin(int a, int x) {
        return a ^ x;
    }

    @Override
    public int[] route(int src, int dst) {
        return new int[] {table.get(src, -1), table.get(-1, dst)};
    }
}
