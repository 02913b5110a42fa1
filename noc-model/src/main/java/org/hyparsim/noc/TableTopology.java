package org.hyparsim.noc;

import org.hyparsim.core.kind.TopologyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

/** What the point-to-point topologies share: a kind, the accelerator count and a table of links. */
abstract class TableTopology implements Topology {
    protected final LinkTable table = new LinkTable();
    private final TopologyKind kind;
    private final int accelerators;

    TableTopology(TopologyKind kind, int accelerators) {
        this.kind = kind;
        this.accelerators = accelerators;
    }

    @Override
    public TopologyKind kind() {
        return kind;
    }

    @Override
    public int accelerators() {
        return accelerators;
    }

    @Override
    public List<Link> links() {
        return table.links();
    }

    /** How many generators {@link #nodeImage} defines; 0: no symmetry declared. */
    protected int symmetryGenerators() {
        return 0;
    }

    /** The image of a node (an accelerator or an inner node of the table) under generator g. */
    protected int nodeImage(int g, int node) {
        throw new UnsupportedOperationException("no symmetry declared");
    }

    @Override
    public Symmetry symmetry() {
        int gens = symmetryGenerators();
        if (gens == 0) {
            return null;
        }
        List<int[]> acc = new ArrayList<>();
        List<int[]> lnk = new ArrayList<>();
        for (int g = 0; g < gens; g++) {
            int k = g;
            images(node -> nodeImage(k, node), acc, lnk);
        }
        return Symmetry.regular(acc, lnk, this::toOrigin);
    }

    @Override
    public Symmetry xorSymmetry(int[] masks) {
        int[] basis = Symmetry.basis(masks);
        if (basis.length == 0) {
            return null;
        }
        List<int[]> acc = new ArrayList<>();
        List<int[]> lnk = new ArrayList<>();
        for (int m : basis) {
            images(node -> xorNodeImage(m, node), acc, lnk);
        }
        return Symmetry.xor(basis, acc, lnk);
    }

    /** Adds an automorphism's images of the accelerators and of the links, given its image of the table's nodes. */
    private void images(IntUnaryOperator nodeImage, List<int[]> acc, List<int[]> lnk) {
        int[] a = new int[accelerators];
        for (int i = 0; i < accelerators; i++) {
            a[i] = acceleratorOf(nodeImage.applyAsInt(acceleratorNode(i)));
        }
        int linkCount = table.links().size();
        int[] l = new int[linkCount];
        for (int i = 0; i < linkCount; i++) {
            int[] e = table.ends(i);
            l[i] = table.get(nodeImage.applyAsInt(e[0]), nodeImage.applyAsInt(e[1]));
        }
        acc.add(a);
        lnk.add(l);
    }

    /** One mask per generator, 2^k for generator k: where generator k is the XOR by 2^k, every XOR is in their span. */
    protected int[] generatorBits() {
        return IntStream.range(0, symmetryGenerators()).map(k -> 1 << k).toArray();
    }

    /**
     * The image of a node under the XOR of accelerator indices by {@code mask}, for a mask in the
     * span of {@link #xorAutomorphisms}: here the composition of the generators of its bits (where
     * generator k is the XOR by 2^k); a topology whose generators are not overrides it.
     */
    protected int xorNodeImage(int mask, int node) {
        for (int m = mask; m != 0; m &= m - 1) {
            node = nodeImage(Integer.numberOfTrailingZeros(m), node);
        }
        return node;
    }

    /**
     * The image of accelerator x under the group's element that takes accelerator a to 0, where
     * {@link #symmetryGenerators} declares a group.
     */
    protected int toOrigin(int a, int x) {
        throw new UnsupportedOperationException("no symmetry declared");
    }

    /** The table's node of an accelerator (the accelerator's index unless a topology numbers its nodes otherwise). */
    protected int acceleratorNode(int accelerator) {
        return accelerator;
    }

    /** The accelerator of a table node that is one. */
    protected int acceleratorOf(int node) {
        return node;
    }
}
