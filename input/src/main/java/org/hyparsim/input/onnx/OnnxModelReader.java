package org.hyparsim.input.onnx;

import java.util.Locale;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hyparsim.core.InputException;
import org.hyparsim.core.workload.Network;
import org.hyparsim.input.io.Json;
import org.hyparsim.input.onnx.OnnxValue.Origin;

/**
 * Reads an ONNX model into our network format, from shapes only: the initializers' dims and the
 * graph's input, by our own shape inference over the ops of {@link OnnxOp} (value_info is not
 * needed). Weight values are never read (they may live in external data that is absent). A
 * symbolic (or unset) batch dimension is the batch; any other symbolic dimension is refused.
 * Biases and batch-norm parameters are not weights in our format.
 */
public final class OnnxModelReader {
    /** The file name ending that marks an ONNX model. */
    public static final String EXTENSION = ".onnx";

    private OnnxModelReader() {
    }

    /** True when this file name is an ONNX model's. */
    public static boolean isOnnx(Path file) {
        return file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(EXTENSION);
    }

    /** Reads the model at {@code file}; every problem is an InputException naming the file (and node). */
    public static Network read(Path file) {
        String source = file.toString();
        Json.checkSize(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot read: " + e.getMessage());
        }
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new InputException(source, "", "not an ONNX model, or a truncated one (its protobuf data ends inside a "
                    + "field or holds a malformed one)");
        }
        if (!model.hasGraph() || model.getIrVersion() <= 0 || model.getGraph().getNodeCount() == 0) {
            throw new InputException(source, "", "not an ONNX model (no IR version or no graph nodes)");
        }
        String base = file.getFileName().toString();
        String name = base.substring(0, base.length() - Math.min(base.length(), EXTENSION.length()));
        String description = "ONNX model " + base + (model.getProducerName().isEmpty() ? ""
                : " (from " + model.getProducerName() + ")");
        return read(model.getGraph(), source, name, description);
    }

    static Network read(GraphProto graph, String source, String name, String description) {
        OnnxGraphWalk walk = new OnnxGraphWalk();
        Set<String> initializers = new HashSet<>();
        for (TensorProto t : graph.getInitializerList()) {
            initializers.add(t.getName());
            walk.values.put(t.getName(), OnnxTensors.constant(t.getName(), t));
        }
        List<ValueInfoProto> inputs = graph.getInputList().stream()
                .filter(v -> !initializers.contains(v.getName())).toList();
        if (inputs.size() != 1) {
            throw new InputException(source, "graph.input", inputs.size() + " activation inputs ("
                    + inputs.stream().map(ValueInfoProto::getName).collect(Collectors.joining(", "))
                    + "): the importer reads models with exactly one");
        }
        ValueInfoProto input = inputs.get(0);
        walk.values.put(input.getName(), OnnxValue.produced(input.getName(), inputDims(input, source), Origin.INPUT,
                -1, 0));
        for (int i = 0; i < graph.getNodeCount(); i++) {
            walk.visit(node(graph.getNode(i), i, source));
        }
        return new OnnxAssembly(walk).network(name, description, source);
    }

    private static OnnxNode node(NodeProto proto, int index, String source) {
        if (!proto.getDomain().isEmpty() && !proto.getDomain().equals("ai.onnx")) {
            throw OnnxNode.refusal(source, index, proto, "operators of domain '" + proto.getDomain()
                    + "' are not supported");
        }
        OnnxOp op = OnnxOp.fromName(proto.getOpType()).orElseThrow(() -> OnnxNode.refusal(source, index, proto,
                "not supported (the importer reads " + Arrays.stream(OnnxOp.values())
                        .filter(o -> o.role() != OnnxOp.Role.TRANSFORMER).map(OnnxOp::onnxName)
                        .collect(Collectors.joining(", ")) + ")"));
        return new OnnxNode(source, index, proto, op);
    }

    /** The input's shape: dimension 0 may be symbolic (the batch, taken as 1 here); no other may. */
    private static long[] inputDims(ValueInfoProto input, String source) {
        String at = "graph.input '" + input.getName() + "'";
        if (!input.getType().hasTensorType() || !input.getType().getTensorType().hasShape()) {
            throw new InputException(source, at, "has no tensor shape");
        }
        List<TensorShapeProto.Dimension> dims = input.getType().getTensorType().getShape().getDimList();
        long[] out = new long[dims.size()];
        for (int i = 0; i < out.length; i++) {
            TensorShapeProto.Dimension d = dims.get(i);
            if (d.hasDimValue() && d.getDimValue() > 0) {
                out[i] = d.getDimValue();
            } else if (i == 0) {
                out[i] = 1;
            } else {
                throw new InputException(source, at, "dimension " + i + " is dynamic ("
                        + (d.hasDimParam() ? "'" + d.getDimParam() + "'" : "unset") + "): only the batch dimension "
                        + "(0) may be; export the model with fixed sizes");
            }
        }
        if (out.length < 2) {
            throw new InputException(source, at, "rank " + out.length + ": expected a batch and at least one more dimension");
        }
        return out;
    }
}
