package org.hyparsim.results.chakra;

import java.util.List;
import java.util.Optional;
import org.hyparsim.results.chakra.EtSchema.NodeType;

/** One Chakra Node: id, name, type, control and data dependencies, duration and attributes. */
public record EtNode(long id, String name, NodeType type, List<Long> ctrlDeps, List<Long> dataDeps,
        long startTimeMicros, long durationMicros, List<EtAttr> attrs) {

    public EtNode {
        ctrlDeps = List.copyOf(ctrlDeps);
        dataDeps = List.copyOf(dataDeps);
        attrs = List.copyOf(attrs);
    }

    public Optional<EtAttr> attr(String attrName) {
        return attrs.stream().filter(a -> a.name().equals(attrName)).findFirst();
    }

    /** An integer attribute (of any integer width), if present. */
    public Optional<Long> integer(String attrName) {
        return attr(attrName).filter(EtAttr::isInteger).map(EtAttr::integer);
    }

    public Optional<String> text(String attrName) {
        return attr(attrName).map(EtAttr::text);
    }
}
