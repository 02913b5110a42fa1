package org.hyparsim.input.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.List;
import org.hyparsim.core.InputException;

/** One node of an ONNX graph with its position, for reading attributes and naming it in errors. */
record OnnxNode(String source, int index, NodeProto proto, OnnxOp op) {

    /** The node's name, or its op type and position when it has none. */
    String name() {
        return proto.getName().isEmpty() ? proto.getOpType() + "_" + index : proto.getName();
    }

    List<String> inputs() {
        return proto.getInputList().stream().filter(s -> !s.isEmpty()).toList();
    }

    String output(int i) {
        return proto.getOutput(i);
    }

    int outputCount() {
        return proto.getOutputCount();
    }

    /** A refusal naming this node, its op type and the reason. */
    InputException refuse(String reason) {
        return refusal(source, index, proto, reason);
    }

    static InputException refusal(String source, int index, NodeProto proto, String reason) {
        String name = proto.getName().isEmpty() ? "" : " '" + proto.getName() + "'";
        return new InputException(source, "graph.node[" + index + "]" + name, "op " + proto.getOpType() + ": " + reason);
    }

    private AttributeProto attribute(String name) {
        for (AttributeProto a : proto.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a;
            }
        }
        return null;
    }

    boolean has(String name) {
        return attribute(name) != null;
    }

    long attrInt(String name, long otherwise) {
        AttributeProto a = attribute(name);
        return a == null ? otherwise : a.getI();
    }

    String attrString(String name, String otherwise) {
        AttributeProto a = attribute(name);
        return a == null ? otherwise : a.getS().toStringUtf8();
    }

    /** A list attribute, or null when absent. */
    long[] attrInts(String name) {
        AttributeProto a = attribute(name);
        return a == null ? null : a.getIntsList().stream().mapToLong(Long::longValue).toArray();
    }
}
