#!/usr/bin/env python3
"""Writes the ONNX test models of input/src/test/resources/onnx (shapes only).

Run with Debian's python3-onnx (apt-get install python3-onnx; onnx 1.12, opset 13):
    /usr/bin/python3 input/src/test/onnx/make_models.py input/src/test/resources/onnx

The importer reads shapes only, never weight values, so the large models keep their weights
as external data whose file is not written (nor committed): each initializer carries its dims
and a pointer to '<model>.weights'. The small CNN keeps tiny weights inline. The bad models
exercise the importer's refusals.
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 13


class Graph:
    """A growing graph: nodes, initializers and the current activation name."""

    def __init__(self, name, external):
        self.name = name
        self.external = external
        self.nodes = []
        self.inits = []
        self.count = 0

    def fresh(self, hint):
        self.count += 1
        return "%s_%d" % (hint, self.count)

    def weight(self, name, dims):
        if not self.external:
            self.inits.append(numpy_helper.from_array(np.zeros(dims, dtype=np.float32), name))
            return name
        t = TensorProto()
        t.name = name
        t.data_type = TensorProto.FLOAT
        t.dims.extend(dims)
        t.data_location = TensorProto.EXTERNAL
        size = int(np.prod(dims)) * 4
        for key, value in (("location", self.name + ".weights"), ("offset", "0"), ("length", str(size))):
            entry = t.external_data.add()
            entry.key = key
            entry.value = value
        self.inits.append(t)
        return name

    def ints(self, name, values):
        self.inits.append(numpy_helper.from_array(np.array(values, dtype=np.int64), name))
        return name

    def op(self, op_type, inputs, name=None, outputs=1, **attrs):
        name = name or self.fresh(op_type.lower())
        outs = [name + ("" if i == 0 else "_%d" % i) + "_out" for i in range(outputs)]
        self.nodes.append(helper.make_node(op_type, inputs, outs, name=name, **attrs))
        return outs[0] if outputs == 1 else outs

    def conv(self, name, x, cin, cout, k, stride=1, pad=0, groups=1, bn=True, relu=True):
        w = self.weight(name + ".weight", [cout, cin // groups, k, k])
        y = self.op("Conv", [x, w], name, kernel_shape=[k, k], strides=[stride, stride], pads=[pad] * 4, group=groups)
        if bn:
            params = [self.weight(name + ".bn." + p, [cout]) for p in ("scale", "bias", "mean", "var")]
            y = self.op("BatchNormalization", [y] + params, name + ".bn")
        return self.op("Relu", [y]) if relu else y

    def gemm(self, name, x, cin, cout):
        w = self.weight(name + ".weight", [cout, cin])
        b = self.weight(name + ".bias", [cout])
        return self.op("Gemm", [x, w, b], name, transB=1)

    def model(self, inputs, output, out_shape):
        graph = helper.make_graph(self.nodes, self.name, inputs,
                                  [helper.make_tensor_value_info(output, TensorProto.FLOAT, out_shape)], self.inits)
        m = helper.make_model(graph, producer_name="hypar-sim make_models.py",
                              opset_imports=[helper.make_opsetid("", OPSET)])
        m.ir_version = 7
        return m


def image_input(channels=3, hw=224, batch="N"):
    return [helper.make_tensor_value_info("input", TensorProto.FLOAT, [batch, channels, hw, hw])]


def small_cnn():
    g = Graph("small-cnn", external=False)
    x = g.conv("conv1", "input", 3, 8, 3, 1, 1)
    y = g.conv("conv2", x, 8, 8, 3, 1, 1)
    y = g.conv("conv3", y, 8, 8, 3, 1, 1, relu=False)
    y = g.op("Relu", [g.op("Add", [y, x], "res1")])
    y = g.op("MaxPool", [y], "pool1", kernel_shape=[2, 2], strides=[2, 2])
    y = g.conv("conv4", y, 8, 16, 3, 1, 1)
    y = g.op("GlobalAveragePool", [y], "gap")
    y = g.op("Flatten", [y], "flatten", axis=1)
    y = g.op("Dropout", [y], "drop")
    y = g.gemm("fc", y, 16, 10)
    return g.model(image_input(3, 16), y, ["N", 10])


def resnet18():
    g = Graph("resnet18", external=True)
    y = g.conv("conv1", "input", 3, 64, 7, 2, 3)
    y = g.op("MaxPool", [y], "maxpool", kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1])
    ch = 64
    for stage in range(4):
        width = 64 << stage
        for block in range(2):
            stride = 2 if stage > 0 and block == 0 else 1
            prefix = "s%db%d" % (stage + 2, block + 1)
            x = y
            y = g.conv(prefix + "a", x, ch, width, 3, stride, 1)
            y = g.conv(prefix + "b", y, width, width, 3, 1, 1, relu=False)
            if stride != 1 or ch != width:
                x = g.conv(prefix + "b-proj", x, ch, width, 1, stride, 0, relu=False)
            y = g.op("Relu", [g.op("Add", [y, x], prefix + ".add")])
            ch = width
    y = g.op("GlobalAveragePool", [y], "avgpool")
    y = g.op("Flatten", [y], "flatten", axis=1)
    y = g.gemm("fc", y, 512, 1000)
    return g.model(image_input(), y, ["N", 1000])


def alexnet():
    g = Graph("alexnet", external=True)
    y = g.conv("conv1", "input", 3, 64, 11, 4, 2, bn=False)
    y = g.op("MaxPool", [y], "pool1", kernel_shape=[3, 3], strides=[2, 2])
    y = g.conv("conv2", y, 64, 192, 5, 1, 2, bn=False)
    y = g.op("MaxPool", [y], "pool2", kernel_shape=[3, 3], strides=[2, 2])
    y = g.conv("conv3", y, 192, 384, 3, 1, 1, bn=False)
    y = g.conv("conv4", y, 384, 256, 3, 1, 1, bn=False)
    y = g.conv("conv5", y, 256, 256, 3, 1, 1, bn=False)
    y = g.op("MaxPool", [y], "pool5", kernel_shape=[3, 3], strides=[2, 2])
    y = g.op("Reshape", [y, g.ints("flat_shape", [0, -1])], "flatten")
    for name, cin, cout in (("fc1", 9216, 4096), ("fc2", 4096, 4096), ("fc3", 4096, 1000)):
        y = g.op("Dropout", [y]) if name != "fc3" else y
        y = g.gemm(name, y, cin, cout)
        y = g.op("Relu", [y]) if name != "fc3" else y
    return g.model(image_input(), y, ["N", 1000])


def layer_norm(g, name, x, hidden):
    """LayerNormalization written out: ReduceMean, Sub, Pow, ReduceMean, Add, Sqrt, Div, Mul, Add."""
    mean = g.op("ReduceMean", [x], name + ".mean", axes=[-1])
    d = g.op("Sub", [x, mean], name + ".sub")
    var = g.op("ReduceMean", [g.op("Pow", [d, g.weight(name + ".two", [])], name + ".pow")], name + ".var", axes=[-1])
    std = g.op("Sqrt", [g.op("Add", [var, g.weight(name + ".eps", [])], name + ".addeps")], name + ".sqrt")
    y = g.op("Div", [d, std], name + ".div")
    return g.op("Add", [g.op("Mul", [y, g.weight(name + ".gamma", [hidden])], name + ".scale"),
                        g.weight(name + ".beta", [hidden])], name + ".shift")


def bert_block(seq=128, hidden=768, heads=12, ffn=3072):
    g = Graph("bert-block", external=True)
    x = "input"
    head = hidden // heads

    def linear(name, t, cin, cout):
        return g.op("Add", [g.op("MatMul", [t, g.weight(name + ".weight", [cin, cout])], name),
                            g.weight(name + ".bias", [cout])], name + ".bias_add")

    def split_heads(name, t):
        t = g.op("Reshape", [t, g.ints(name + ".shape", [0, seq, heads, head])], name + ".reshape")
        return g.op("Transpose", [t], name + ".transpose", perm=[0, 2, 1, 3])

    q = split_heads("q", linear("q_proj", x, hidden, hidden))
    k = split_heads("k", linear("k_proj", x, hidden, hidden))
    v = split_heads("v", linear("v_proj", x, hidden, hidden))
    kt = g.op("Transpose", [k], "k.t", perm=[0, 1, 3, 2])
    scores = g.op("Div", [g.op("MatMul", [q, kt], "scores"), g.weight("scale", [])], "scores.scale")
    probs = g.op("Softmax", [scores], "softmax", axis=-1)
    ctx = g.op("Transpose", [g.op("MatMul", [probs, v], "context")], "ctx.transpose", perm=[0, 2, 1, 3])
    ctx = g.op("Reshape", [ctx, g.ints("ctx.shape", [0, seq, hidden])], "ctx.reshape")
    y = g.op("Add", [linear("out_proj", ctx, hidden, hidden), x], "res1")
    y = layer_norm(g, "ln1", y, hidden)
    h = linear("ffn1", y, hidden, ffn)
    # GeLU written out: x * 0.5 * (1 + erf(x / sqrt(2)))
    erf = g.op("Erf", [g.op("Div", [h, g.weight("sqrt2", [])], "gelu.div")], "gelu.erf")
    h = g.op("Mul", [g.op("Mul", [h, g.op("Add", [erf, g.weight("one", [])], "gelu.add")], "gelu.mul"),
                     g.weight("half", [])], "gelu.half")
    z = g.op("Add", [linear("ffn2", h, ffn, hidden), y], "res2")
    z = layer_norm(g, "ln2", z, hidden)
    inputs = [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", seq, hidden])]
    return g.model(inputs, z, ["N", seq, hidden])


def unsupported_op():
    g = Graph("bad-lstm", external=False)
    y = g.conv("conv1", "input", 3, 4, 3, 1, 1)
    y = g.op("LpNormalization", [y], "lpnorm", axis=1)
    y = g.op("GlobalAveragePool", [y], "gap")
    return g.model(image_input(3, 8), y, ["N", 4, 1, 1])


def dynamic_dims():
    g = Graph("bad-dynamic", external=False)
    y = g.conv("conv1", "input", 3, 4, 3, 1, 1)
    inputs = [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["N", 3, "H", "W"])]
    return g.model(inputs, y, ["N", 4, "H", "W"])


def main(out):
    os.makedirs(out, exist_ok=True)
    for name, build in (("small-cnn", small_cnn), ("resnet18", resnet18), ("alexnet", alexnet),
                        ("bert-block", bert_block), ("bad-unsupported-op", unsupported_op),
                        ("bad-dynamic-dims", dynamic_dims)):
        model = build()
        if not any(t.data_location == TensorProto.EXTERNAL for t in model.graph.initializer):
            onnx.checker.check_model(model)  # the checker wants external data files to exist
        with open(os.path.join(out, name + ".onnx"), "wb") as f:
            f.write(model.SerializeToString())
    with open(os.path.join(out, "resnet18.onnx"), "rb") as f:
        data = f.read()
    with open(os.path.join(out, "bad-truncated.onnx"), "wb") as f:
        f.write(data[: len(data) // 2])
    with open(os.path.join(out, "bad-not-onnx.onnx"), "w") as f:
        f.write("this is not an ONNX model\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "resources", "onnx"))
