package org.hyparsim.noc;

import org.hyparsim.core.kind.TopologyKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A 2D grid of rows x cols accelerators (accelerator a at row a / cols, column a % cols), with
 * links to the four neighbours; with wrap-around links it is a torus, without a mesh, and a
 * single row with wrap-around is a ring. Dimension-order routing: along the row first, then the
 * column; on a torus the shorter way round, and where both ways are as short (half-way round a
 * dimension) both, each carrying half the message.
 */
public final class GridTopology extends TableTopology {
    private final int rows;
    private final int cols;
    private final boolean wrap;
    /** Every link's latency (one set of parameters for all), ps. */
    private final long linkLatencyPs;
    /**
     * Per accelerator, the link leaving it one step along its row (+1, -1) and its column (+1,
     * -1); -1 where there is none.
     */
    private final int[] rowForward;
    private final int[] rowBack;
    private final int[] colForward;
    private final int[] colBack;
    /** The rows and the columns as lines of places, for {@link #addRoundLoads}. */
    private final Lines rowLines;
    private final Lines colLines;

    public GridTopology(TopologyKind kind, int rows, int cols, boolean wrap, LinkParams params) {
        super(kind, rows * cols);
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("a grid has at least one row and column");
        }
        this.rows = rows;
        this.cols = cols;
        this.wrap = wrap;
        for (int a = 0; a < rows * cols; a++) {
            int r = a / cols;
            int c = a % cols;
            for (int[] d : new int[][] {{0, 1}, {0, -1}, {1, 0}, {-1, 0}}) {
                int nr = r + d[0];
                int nc = c + d[1];
                if (wrap) {
                    nr = Math.floorMod(nr, rows);
                    nc = Math.floorMod(nc, cols);
                } else if (nr < 0 || nr >= rows || nc < 0 || nc >= cols) {
                    continue;
                }
                int b = nr * cols + nc;
                if (b != a) {
                    table.add(a, b, "A" + a + "->A" + b, params);
                }
            }
        }
        this.linkLatencyPs = params.latencyPs();
        int n = rows * cols;
        rowForward = new int[n];
        rowBack = new int[n];
        colForward = new int[n];
        colBack = new int[n];
        for (int a = 0; a < n; a++) {
            rowForward[a] = neighbourLink(a, 0, 1);
            rowBack[a] = neighbourLink(a, 0, -1);
            colForward[a] = neighbourLink(a, 1, 0);
            colBack[a] = neighbourLink(a, -1, 0);
        }
        rowLines = new Lines(rows, cols, cols, 1, rowForward, rowBack);
        colLines = new Lines(cols, rows, 1, cols, colForward, colBack);
    }

    /** The link from accelerator a one step (dr, dc) away, or -1. */
    private int neighbourLink(int a, int dr, int dc) {
        int nr = a / cols + dr;
        int nc = a % cols + dc;
        if (wrap) {
            nr = Math.floorMod(nr, rows);
            nc = Math.floorMod(nc, cols);
        } else if (nr < 0 || nr >= rows || nc < 0 || nc >= cols) {
            return -1;
        }
        int b = nr * cols + nc;
        return b == a ? -1 : table.get(a, b);
    }

    /**
     * The routes' loads counted without walking them: each route is a run along its row, then one
     * along its column, so each run adds its weight to a range of places on its line (a difference
     * array per line and direction, summed once at the end). Every link's latency is the same, so
     * a route's is its hops times it.
     */
    @Override
    public long addRoundLoads(int[][] pairs, double[] load) {
        // per line and direction, the difference array of the places the links leave: rows then columns
        double[] rowFwd = new double[rows * (cols + 1)];
        double[] rowBck = new double[rows * (cols + 1)];
        double[] colFwd = new double[cols * (rows + 1)];
        double[] colBck = new double[cols * (rows + 1)];
        long hopsMost = 0;
        for (int[] p : pairs) {
            int r = p[0] / cols;
            int c = p[0] % cols;
            int tr = p[1] / cols;
            int tc = p[1] % cols;
            int[] colSteps = directions(c, tc, cols);
            int[] rowSteps = directions(r, tr, rows);
            double w = 1.0 / (colSteps.length * rowSteps.length);
            for (int colStep : colSteps) {
                int h = hops(c, tc, colStep, cols);
                for (int rowStep : rowSteps) {
                    int v = hops(r, tr, rowStep, rows);
                    run(colStep > 0 ? rowFwd : rowBck, r * (cols + 1), cols, c, h, colStep, w);
                    run(rowStep > 0 ? colFwd : colBck, tc * (rows + 1), rows, r, v, rowStep, w);
                    hopsMost = Math.max(hopsMost, h + v);
                }
            }
        }
        rowLines.sum(rowFwd, rowBck, load);
        colLines.sum(colFwd, colBck, load);
        return hopsMost * linkLatencyPs;
    }

    /**
     * The grid's rows or its columns as lines: {@code count} lines of {@code size} places, the place
     * at position p of line i being accelerator i * lineStride + p * placeStride, with the links
     * leaving each accelerator forward and back along the line (-1 where none).
     */
    private record Lines(int count, int size, int lineStride, int placeStride, int[] forwardLinks, int[] backLinks) {
        /**
         * Sums each line's difference arrays (forward and back, {@code size + 1} long per line) into
         * the loads of the links leaving its places.
         */
        void sum(double[] fwd, double[] bck, double[] load) {
            for (int i = 0; i < count; i++) {
                double f = 0;
                double b = 0;
                for (int p = 0; p < size; p++) {
                    f += fwd[i * (size + 1) + p];
                    b += bck[i * (size + 1) + p];
                    int a = i * lineStride + p * placeStride;
                    addLoad(load, forwardLinks[a], f);
                    addLoad(load, backLinks[a], b);
                }
            }
        }
    }

    private static void addLoad(double[] load, int link, double amount) {
        if (amount != 0) {
            load[link] += amount;
        }
    }

    /**
     * Adds w to the places a run of {@code hops} links leaves from {@code from} going {@code step}
     * on a line of {@code size} places (at {@code base} in {@code diff}, size + 1 long), round the
     * line where it wraps: forward from, from + 1, ...; back from, from - 1, ...
     */
    private static void run(double[] diff, int base, int size, int from, int hops, int step, double w) {
        if (hops == 0) {
            return;
        }
        int start = step > 0 ? from : Math.floorMod(from - hops + 1, size);
        int end = start + hops;
        diff[base + start] += w;
        if (end <= size) {
            diff[base + end] -= w;
        } else {
            diff[base + size] -= w;
            diff[base] += w;
            diff[base + end - size] -= w;
        }
    }

    /** The squarest grid of a power-of-two count: 2^floor(H/2) rows by 2^ceil(H/2) columns. */
    public static GridTopology square(TopologyKind kind, int accelerators, boolean wrap, LinkParams params) {
        int h = Integer.numberOfTrailingZeros(accelerators);
        int rows = 1 << (h / 2);
        return new GridTopology(kind, rows, accelerators / rows, wrap, params);
    }

    public static GridTopology torus(int accelerators, LinkParams params) {
        return square(TopologyKind.TORUS, accelerators, true, params);
    }

    public static GridTopology mesh(int accelerators, LinkParams params) {
        return square(TopologyKind.MESH, accelerators, false, params);
    }

    public static GridTopology ring(int accelerators, LinkParams params) {
        return new GridTopology(TopologyKind.RING, 1, accelerators, true, params);
    }




    /**
     * With wrap-around (torus, ring): a step along the row, and one along the column where there
     * is more than one row, both with every route mapped onto a route (dimension order and ties
     * split alike everywhere). A mesh has none.
     */
    @Override
    protected int symmetryGenerators() {
        return !wrap ? 0 : rows > 1 ? 2 : 1;
    }

    @Override
    protected int nodeImage(int g, int node) {
        int r = node / cols;
        int c = node % cols;
        return g == 0 ? r * cols + (c + 1) % cols : ((r + 1) % rows) * cols + c;
    }

    /**
     * Per dimension of s = 2^k places (the column bits, then the row bits of the index), the XORs
     * of its coordinate that map the grid onto itself with routes onto routes: with wrap-around,
     * by s/2 (half-way round) and by s/2 - 1 (a reflection, c -> s/2 - 1 - c mod s; with s - 1,
     * c -> s - 1 - c, their XOR), both ways of a tie being routes; without, by s - 1. Dimension
     * order is kept, and a reflection maps the shorter way round onto the shorter way.
     */
    @Override
    public int[] xorAutomorphisms() {
        if (Integer.bitCount(rows) != 1 || Integer.bitCount(cols) != 1) {
            return new int[0];
        }
        List<Integer> out = new ArrayList<>();
        int shift = 0;
        for (int s : new int[] {cols, rows}) {
            if (s > 1) {
                if (wrap) {
                    out.add((s / 2) << shift);
                    if (s > 2) {
                        out.add((s / 2 - 1) << shift);
                    }
                } else {
                    out.add((s - 1) << shift);
                }
            }
            shift += Integer.numberOfTrailingZeros(s);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Accelerators are the grid's only nodes: the XOR acts on the index. */
    @Override
    protected int xorNodeImage(int mask, int node) {
        return node ^ mask;
    }

    /** The group's elements are the steps along rows and columns: x moved back by a's row and column. */
    @Override
    protected int toOrigin(int a, int x) {
        // each difference lies in (-rows, rows) or (-cols, cols): one addition, no second division
        int r = x / cols - a / cols;
        int c = x % cols - a % cols;
        return (r < 0 ? r + rows : r) * cols + (c < 0 ? c + cols : c);
    }

    @Override
    public int[] route(int src, int dst) {
        return routes(src, dst)[0];
    }

    @Override
    public int[][] routes(int src, int dst) {
        int c = src % cols;
        int tc = dst % cols;
        int r = src / cols;
        int tr = dst / cols;
        List<int[]> out = new ArrayList<>();
        for (int colStep : directions(c, tc, cols)) {
            for (int rowStep : directions(r, tr, rows)) {
                out.add(path(src, dst, colStep, rowStep));
            }
        }
        return out.toArray(new int[0][]);
    }

    @Override
    public int[] dimensionBits() {
        if (kind() == TopologyKind.TORUS && rows > 1) {
            return new int[] {Integer.numberOfTrailingZeros(cols), Integer.numberOfTrailingZeros(rows)};
        }
        return new int[] {Integer.numberOfTrailingZeros(rows * cols)};
    }

    /** Along the row with colStep, then the column with rowStep (each +1 or -1; 0 where already there). */
    private int[] path(int src, int dst, int colStep, int rowStep) {
        int r = src / cols;
        int c = src % cols;
        int tr = dst / cols;
        int tc = dst % cols;
        int[] path = new int[hops(c, tc, colStep, cols) + hops(r, tr, rowStep, rows)];
        int k = 0;
        while (c != tc) {
            path[k++] = (colStep > 0 ? rowForward : rowBack)[r * cols + c];
            c = wrap ? Math.floorMod(c + colStep, cols) : c + colStep;
        }
        while (r != tr) {
            path[k++] = (rowStep > 0 ? colForward : colBack)[r * cols + c];
            r = wrap ? Math.floorMod(r + rowStep, rows) : r + rowStep;
        }
        return path;
    }

    /** Steps from one coordinate to another going {@code step} (+1 or -1; 0 where already there). */
    private int hops(int from, int to, int step, int size) {
        if (from == to) {
            return 0;
        }
        return wrap ? Math.floorMod(step * (to - from), size) : Math.abs(to - from);
    }

    /** The shortest directions from one coordinate to another: one, or both on a tie round a ring. */
    private int[] directions(int from, int to, int size) {
        if (from == to) {
            return new int[] {0};
        }
        if (!wrap) {
            return new int[] {to > from ? 1 : -1};
        }
        int forward = Math.floorMod(to - from, size);
        if (forward == size - forward && size > 2) {
            return new int[] {1, -1};
        }
        return new int[] {forward <= size - forward ? 1 : -1};
    }
}
