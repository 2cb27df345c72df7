"""Digit Lens training: the digit model and the pair check (PyTorch -> TensorFlow.js), and the
pieces the line reader shares with them (MNIST data, the tfjs exporter). See training/README.md."""
