package org.hyparsim.partition;

/**
 * The amounts a plan exchanges in one training step, for the whole array. Indexed [level-1][layer]:
 * intra is layer l's intra-layer amount at that level (all groups), inter the amount between
 * layer l and layer l+1 (0 for the last layer), shortcut [level-1][i] the network's i-th shortcut's
 * amount. Shortcuts move between layers: they count as inter-layer. Units are the accounting's
 * (bytes, or elements when bytes per element is 1).
 */
public final class CommunicationCost {
    private final double[][] intra;
    private final double[][] inter;
    private final double[][] shortcut;

    CommunicationCost(double[][] intra, double[][] inter, double[][] shortcut) {
        this.intra = intra;
        this.inter = inter;
        this.shortcut = shortcut;
    }

    public int levels() {
        return intra.length;
    }

    public double intra(int level, int layer) {
        return intra[level - 1][layer];
    }

    public double inter(int level, int layer) {
        return inter[level - 1][layer];
    }

    /** All groups at one level (level counts from 1). */
    public double levelBytes(int level) {
        return sum(intra[level - 1]) + sum(inter[level - 1]) + sum(shortcut[level - 1]);
    }

    public double[] levelBytes() {
        double[] out = new double[levels()];
        for (int h = 1; h <= levels(); h++) {
            out[h - 1] = levelBytes(h);
        }
        return out;
    }

    public double intraLayerBytes() {
        double s = 0;
        for (double[] row : intra) {
            s += sum(row);
        }
        return s;
    }

    /** Between layers: the chain's transfers and the shortcuts'. */
    public double interLayerBytes() {
        double s = shortcutBytes();
        for (double[] row : inter) {
            s += sum(row);
        }
        return s;
    }

    /** The shortcuts' part of {@link #interLayerBytes()}. */
    public double shortcutBytes() {
        double s = 0;
        for (double[] row : shortcut) {
            s += sum(row);
        }
        return s;
    }

    public double totalBytes() {
        return intraLayerBytes() + interLayerBytes();
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }
}
