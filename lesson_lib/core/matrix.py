"""The same network in matrix form, for any layer sizes: the bridge to general layers.

For the lesson's net, W1 = [[w1, w2], [w3, w4]], b1 = [b11, b12],
W2 = [[w5, w6], [w7, w8]], b2 = [b21, b22]; layer k computes out_k = sigma(W_k @ out_{k-1} + b_k).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .checks import finite_array, flag, instance_of, positive_int, positive_number
from .checks import seed as _seed
from .network import LIMIT, LessonNet, as_lesson_net
from .portable import matvec, sigmoid

MAX_UNITS = 1_000  # more units in a layer than this is a typo, not a lesson (a 1000x1000 W)
# Drawn weights are about scale / sqrt(fan_in) in size: any larger scale saturates every
# sigmoid just as well, and even a six-sigma draw stays far inside LIMIT.
MAX_SCALE = 1e3


@dataclass(frozen=True)
class Layer:
    """One fully connected sigmoid layer: ``W`` has shape (outputs, inputs), ``b`` (outputs,).

    Every number lies within LIMIT (1e6), as in LessonNet: no product overflows a float.
    """

    W: np.ndarray
    b: np.ndarray

    def __post_init__(self):
        W = finite_array(self.W, "W", limit=LIMIT)
        if W.ndim != 2 or W.size == 0:
            raise ValueError(f"W must be a 2-D array (outputs, inputs) of at least one number, "
                             f"got shape {W.shape}")
        b = finite_array(self.b, "b", shape=(W.shape[0],), limit=LIMIT)
        object.__setattr__(self, "W", W)
        object.__setattr__(self, "b", b)


class MatrixNet:
    """A stack of sigmoid layers trained on squared error with the 1/2 factor."""

    def __init__(self, layers):
        if isinstance(layers, (str, bytes)) or not hasattr(layers, "__iter__"):
            raise TypeError(f"layers must be a list of Layer, got {type(layers).__name__}")
        layers = list(layers)
        if not layers:
            raise ValueError("layers must hold at least one Layer, got none")
        for k, layer in enumerate(layers):
            instance_of(layer, f"layers[{k}]", Layer)
        for k in range(1, len(layers)):
            if layers[k].W.shape[1] != layers[k - 1].W.shape[0]:
                raise ValueError(
                    f"layer {k + 1} expects {layers[k].W.shape[1]} inputs but layer {k} "
                    f"gives {layers[k - 1].W.shape[0]} outputs")
        self.layers = layers

    @property
    def sizes(self) -> tuple[int, ...]:
        return (self.layers[0].W.shape[1],) + tuple(layer.W.shape[0] for layer in self.layers)

    @classmethod
    def random(cls, sizes, seed: int = 0, scale: float = 1.0) -> MatrixNet:
        """Weights drawn from N(0, scale^2 / fan_in), biases zero, reproducible by ``seed``."""
        if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__iter__"):
            raise TypeError(f"sizes must be a list of layer sizes, got {sizes!r}")
        sizes = [positive_int(s, f"sizes[{k}]", maximum=MAX_UNITS) for k, s in enumerate(sizes)]
        if len(sizes) < 2:
            raise ValueError(f"sizes must list inputs and at least one layer, got {sizes}")
        scale = positive_number(scale, "scale", maximum=MAX_SCALE)
        rng = np.random.default_rng(_seed(seed))
        return cls(
            Layer(rng.normal(0.0, scale / np.sqrt(n_in), size=(n_out, n_in)), np.zeros(n_out))
            for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True)
        )

    @classmethod
    def from_lesson(cls, net: LessonNet | None = None) -> MatrixNet:
        """The lesson's network as two 2x2 layers."""
        n = as_lesson_net(net)
        return cls([
            Layer(np.array([[n.w1, n.w2], [n.w3, n.w4]]), np.array([n.b11, n.b12])),
            Layer(np.array([[n.w5, n.w6], [n.w7, n.w8]]), np.array([n.b21, n.b22])),
        ])

    def to_lesson_params(self) -> dict[str, float]:
        """The lesson's names for a 2-2-2 MatrixNet's numbers."""
        if self.sizes != (2, 2, 2):
            raise ValueError(f"only a 2-2-2 net has lesson names, this one is {self.sizes}")
        (W1, b1), (W2, b2) = ((layer.W, layer.b) for layer in self.layers)
        return {
            "w1": W1[0, 0], "w2": W1[0, 1], "w3": W1[1, 0], "w4": W1[1, 1],
            "w5": W2[0, 0], "w6": W2[0, 1], "w7": W2[1, 0], "w8": W2[1, 1],
            "b11": b1[0], "b12": b1[1], "b21": b2[0], "b22": b2[1],
        }

    def _check_x(self, x) -> np.ndarray:
        return finite_array(x, "x", shape=(self.sizes[0],), limit=LIMIT)

    def _check_t(self, t) -> np.ndarray:
        return finite_array(t, "t", shape=(self.sizes[-1],), limit=LIMIT)

    def _arrays(self) -> tuple[list, list]:
        """Copies of the weights and biases, for the kernels below to change in place."""
        return [layer.W.copy() for layer in self.layers], [layer.b.copy() for layer in self.layers]

    def forward(self, x) -> list[np.ndarray]:
        """Layer outputs [x, out_1, ..., out_L] for one sample ``x``."""
        return _layer_outputs([layer.W for layer in self.layers],
                             [layer.b for layer in self.layers], self._check_x(x))

    def predict(self, x) -> np.ndarray:
        return self.forward(x)[-1]

    def error(self, x, t) -> float:
        """E_total = 1/2 * sum((t - out)^2) for one sample."""
        return _squared_error(self.predict(x), self._check_t(t))

    def backward(self, x, t) -> tuple[list[tuple[np.ndarray, np.ndarray]], float]:
        """Gradients [(dE_dW, dE_db) per layer] and E_total, by the delta rule."""
        x, t = self._check_x(x), self._check_t(t)
        outs, deltas = _backprop([layer.W for layer in self.layers],
                                [layer.b for layer in self.layers], x, t)
        grads = [(_weight_gradient(delta, a), delta)
                 for delta, a in zip(deltas, outs, strict=False)]
        return grads, _squared_error(outs[-1], t)

    def step(self, x, t, learning_rate: float, update_biases: bool = True) -> float:
        """One gradient-descent update in place; returns E_total before the update."""
        lr = positive_number(learning_rate, "learning_rate", maximum=LIMIT)
        update_biases = flag(update_biases, "update_biases")
        x, t = self._check_x(x), self._check_t(t)
        Ws, bs = self._arrays()
        err = _sgd_step(Ws, bs, x, t, lr, update_biases)
        self.layers = _updated_layers(Ws, bs, lr, "1 update")
        return err


# -- the kernels: no checks (the methods above and training.py check their inputs) --------
def _layer_outputs(Ws: list, bs: list, x: np.ndarray) -> list[np.ndarray]:
    """[x, out_1, ..., out_L]: out_k = sigma(W_k out_{k-1} + b_k)."""
    outs = [x]
    for W, b in zip(Ws, bs, strict=True):
        outs.append(sigmoid(matvec(W, outs[-1]) + b))
    return outs


def _backprop(Ws: list, bs: list, x: np.ndarray, t: np.ndarray) -> tuple[list, list]:
    """The forward pass and backpropagation, the one place they are written for matrices:
    the layer outputs [x, out_1, ..., out_L] and the error signals [delta_1, ..., delta_L],
    delta_k = dE/d(W_k out_{k-1} + b_k), for E = 1/2 sum((t - out_L)^2).

    dE/db_k = delta_k and dE/dW_k = delta_k out_{k-1}^T (``_weight_gradient``).
    """
    outs = _layer_outputs(Ws, bs, x)
    out = outs[-1]
    delta = (out - t) * out * (1.0 - out)  # output layer
    deltas = [delta]
    for k in range(len(Ws) - 1, 0, -1):  # back through W_k to the layer below
        delta = matvec(Ws[k].T, delta) * outs[k] * (1.0 - outs[k])
        deltas.append(delta)
    deltas.reverse()
    return outs, deltas


def _weight_gradient(delta: np.ndarray, a: np.ndarray) -> np.ndarray:
    """dE/dW = delta a^T, the outer product of a layer's delta and its input."""
    return delta[:, None] * a


def _squared_error(out: np.ndarray, t: np.ndarray) -> float:
    return float(0.5 * np.sum((t - out) ** 2))


def _sgd_step(Ws: list, bs: list, x: np.ndarray, t: np.ndarray, lr: float,
             update_biases: bool) -> float:
    """One update W <- W - lr dE/dW (and b likewise) in place on plain arrays, unchecked;
    returns E_total before it."""
    outs, deltas = _backprop(Ws, bs, x, t)
    for W, b, delta, a in zip(Ws, bs, deltas, outs, strict=False):
        W -= lr * _weight_gradient(delta, a)
        if update_biases:
            b -= lr * delta
    return _squared_error(outs[-1], t)


def _updated_layers(Ws: list, bs: list, learning_rate: float, after: str) -> list[Layer]:
    """Layers of trained weights, or an error that blames the learning rate (not W) when
    the updates pushed a number past LIMIT."""
    if not all(np.all(np.abs(a) <= LIMIT) for a in (*Ws, *bs)):  # NaN fails too
        raise ValueError(f"learning_rate {learning_rate:g} pushed the weights past "
                         f"{LIMIT:g} (where every sigmoid is flat) within {after}; "
                         "try a smaller one")
    return [Layer(W.copy(), b.copy()) for W, b in zip(Ws, bs, strict=True)]
