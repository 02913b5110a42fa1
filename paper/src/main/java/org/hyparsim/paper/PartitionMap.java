package org.hyparsim.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hyparsim.core.kind.Parallelism;
import org.hyparsim.core.workload.Network;

/**
 * A plan's levels as compact text, like Fig. 5's partition map but one line per level: the
 * layers with weights only (attention, norms, softmax and element-wise layers take their
 * producer's type), a transformer's blocks ({@code b<i>.<layer>}) as one word each of their
 * weighted layers' letters (d dp, m mp, o mp-out), equal neighbouring blocks run together.
 * GPT-2's Megatron level reads {@code embed:d b0-47:omom logits:d}, its letters over qkv, proj,
 * fc1 and fc2 ({@link #blockLegend}); a level of one type throughout reads {@code all d}.
 */
public final class PartitionMap {
    private static final Pattern BLOCK = Pattern.compile("b(\\d+)\\.(.+)");

    private PartitionMap() {
    }

    /** The weighted layers of the first block, in order ("qkv, proj, fc1, fc2"); empty without blocks. */
    public static String blockLegend(Network n) {
        List<String> names = new ArrayList<>();
        String first = null;
        for (int l = 0; l < n.size(); l++) {
            Matcher m = BLOCK.matcher(n.layer(l).name());
            if (m.matches() && !n.layer(l).keepsInputLayout()) {
                if (first == null) {
                    first = m.group(1);
                }
                if (m.group(1).equals(first)) {
                    names.add(m.group(2));
                }
            }
        }
        return String.join(", ", names);
    }

    /** Level h (1 = top) of the plan rows ({@code rows.get(h - 1).get(layer)}) as compact text. */
    public static String level(Network n, List<List<Parallelism>> rows, int h) {
        List<Parallelism> row = rows.get(h - 1);
        Parallelism only = null;
        boolean uniform = true;
        for (int l = 0; l < n.size(); l++) {
            if (!n.layer(l).keepsInputLayout()) {
                uniform &= only == null || row.get(l) == only;
                only = only == null ? row.get(l) : only;
            }
        }
        if (uniform && only != null) {
            return "all " + only.letter();
        }
        List<String> words = new ArrayList<>();
        String block = null;
        StringBuilder letters = new StringBuilder();
        int runFrom = -1;
        int runTo = -1;
        String runLetters = null;
        for (int l = 0; l <= n.size(); l++) {
            Matcher m = l < n.size() ? BLOCK.matcher(n.layer(l).name()) : null;
            String b = m != null && m.matches() ? m.group(1) : null;
            if (block != null && !block.equals(b)) {
                // block `block` ended: extend the run or start a new one
                int i = Integer.parseInt(block);
                if (letters.toString().equals(runLetters) && i == runTo + 1) {
                    runTo = i;
                } else {
                    flush(words, runFrom, runTo, runLetters);
                    runFrom = i;
                    runTo = i;
                    runLetters = letters.toString();
                }
                letters.setLength(0);
            }
            block = b;
            if (l == n.size()) {
                break;
            }
            if (n.layer(l).keepsInputLayout()) {
                continue;
            }
            if (b != null) {
                letters.append(row.get(l).letter());
            } else {
                flush(words, runFrom, runTo, runLetters);
                runLetters = null;
                words.add(n.layer(l).name() + ":" + row.get(l).letter());
            }
        }
        flush(words, runFrom, runTo, runLetters);
        return String.join(" ", words);
    }

    /** All levels, "H1 ... / H2 ...". */
    public static String levels(Network n, List<List<Parallelism>> rows) {
        List<String> out = new ArrayList<>();
        for (int h = 1; h <= rows.size(); h++) {
            out.add("H" + h + " " + level(n, rows, h));
        }
        return String.join(" / ", out);
    }

    private static void flush(List<String> words, int from, int to, String letters) {
        if (letters != null) {
            words.add("b" + (from == to ? String.valueOf(from) : from + "-" + to) + ":" + letters);
        }
    }
}
