"""lesson_lib: the helper package of the course 'Backpropagation, by hand and interactive'.

Layers, each imported only downward:
    lesson_lib.core       math: activations, finite differences, the lesson's network
    lesson_lib.figures    matplotlib figures built on the core
    lesson_lib.apps       ipywidgets apps built on the figures
    lesson_lib.exercises  self-checked exercises
The core's main names are available here directly; the other layers load on first use
(``lesson_lib.figures``), so importing the core alone never pulls in matplotlib.
"""

from ._lazy import submodule_loader
from .core.activations import (
    relu,
    relu_prime,
    sigmoid,
    sigmoid_prime,
    sigmoid_prime_from_output,
    step,
    step_prime,
)
from .core.gradcheck import central_difference, gradient_check, numeric_gradient, relative_error
from .core.matrix import Layer, MatrixNet
from .core.network import (
    LESSON_DATA,
    LESSON_LEARNING_RATE,
    LESSON_PARAMS,
    PARAMS,
    LessonNet,
    TrainingHistory,
    Values,
)

__version__ = "0.1.0"

__getattr__ = submodule_loader(__name__)  # figures, apps, exercises: loaded on first use


__all__ = [
    "LESSON_DATA", "LESSON_LEARNING_RATE", "LESSON_PARAMS", "PARAMS", "Layer", "LessonNet",
    "MatrixNet", "TrainingHistory", "Values", "central_difference", "gradient_check",
    "numeric_gradient", "relative_error", "relu", "relu_prime", "sigmoid", "sigmoid_prime",
    "sigmoid_prime_from_output", "step", "step_prime",
]
